import { externalItemIdOf, itemPath } from "../domain/field-path.ts";
import { appendAudit } from "../store/audit-table.ts";
import type { Queryable } from "../store/database.ts";
import { pairLinkItem } from "../store/links-table.ts";
import { insertNote, updateNote } from "../store/notes-table.ts";

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
    const externalId = externalItemIdOf(path, "note");
    let hubId = hubIdOf(externalId);
    if (hubId !== undefined) await updateNote(tx, target.clientId, hubId, body, now);
    else {
      hubId = await insertNote(tx, target.clientId, body, null, now);
      await pairLinkItem(tx, { id: target.linkId }, "note", hubId, externalId);
    }
    await appendAudit(tx, [
      {
        clientId: target.clientId,
        integrationId: target.integrationId,
        field: itemPath("note", hubId),
        oldValue: before[path] ?? null,
        newValue: body,
        source: target.source,
        actor: target.actor,
        at: now,
      },
    ]);
  }
}
