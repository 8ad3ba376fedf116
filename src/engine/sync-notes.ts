import type { CanonicalCustomer, NoteItem } from "../domain/customer.ts";
import { appendAudit } from "../store/audit-table.ts";
import type { Queryable } from "../store/database.ts";
import { pairItem, readItemKeys } from "../store/item-keys-table.ts";
import { insertNote, updateNote } from "../store/notes-table.ts";

/** Tandem marks the notes it writes to an external system with this ref. */
export const noteRef = (hubNoteId: string | number) => `tandem:${hubNoteId}`;

/**
 * F5: how the hub's notes are named in this link's field maps. A paired note takes the external
 * note's id; an unpaired one is "hub:<id>". An external note carrying our ref for one of this
 * client's notes is paired on sight: it is the hub note, written there by Tandem, even when its
 * write's acknowledgement has not been recorded yet.
 */
export async function noteKeys(
  tx: Queryable,
  linkId: number,
  hub: CanonicalCustomer,
  external: CanonicalCustomer,
) {
  const paired = await readItemKeys(tx, linkId, "note");
  const hubIds = new Set((hub.notes ?? []).map((n) => Number(n.id)));
  const pairedExternal = new Set(paired.values());
  for (const note of external.notes ?? []) {
    const hubId = Number(/^tandem:(\d+)$/.exec(note.ref ?? "")?.[1]);
    if (hubIds.has(hubId) && !paired.has(hubId) && !pairedExternal.has(note.id)) {
      await pairItem(tx, linkId, "note", hubId, note.id);
      paired.set(hubId, note.id);
    }
  }
  return {
    keyOf: (note: NoteItem) => paired.get(Number(note.id)) ?? `hub:${note.id}`,
    hubIdOf: (externalId: string) => [...paired].find(([, ext]) => ext === externalId)?.[0],
    paired,
  };
}

/** Writes the note paths of a merge decision to the hub: edits of paired notes, new notes for new external ones. */
export async function applyNoteChanges(
  tx: Queryable,
  target: {
    linkId: number;
    clientId: number;
    integrationId: number;
    source: string;
    actor: string;
  },
  changes: Record<string, string | null>,
  hubIdOf: (externalId: string) => number | undefined,
  before: Record<string, string>,
  now: Date,
) {
  for (const [path, body] of Object.entries(changes)) {
    // append never removes a note (policy.ts); only additions and edits arrive here
    if (body === null) continue;
    const externalId = path.slice("note.".length);
    let hubId = hubIdOf(externalId);
    if (hubId !== undefined) await updateNote(tx, target.clientId, hubId, body, now);
    else {
      hubId = await insertNote(tx, target.clientId, body, null, now);
      await pairItem(tx, target.linkId, "note", hubId, externalId);
    }
    await appendAudit(tx, [
      {
        clientId: target.clientId,
        integrationId: target.integrationId,
        field: `note.${hubId}`,
        oldValue: before[path] ?? null,
        newValue: body,
        source: target.source,
        actor: target.actor,
        at: now,
      },
    ]);
  }
}
