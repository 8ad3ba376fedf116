import { itemPath } from "../domain/field-path.ts";
import { toFieldMap } from "../domain/customer.ts";
import { applyEdit, diffFields, type CustomerEdit } from "../domain/customer-patch.ts";
import type { HubChange } from "../domain/hub-change.ts";
import { parseActorId } from "../domain/actor-id.ts";
import { applyFieldChanges, readClient, setLifecycle } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { insertNote, readNotes, updateNote } from "../store/notes-table.ts";
import { readStore } from "../store/stores-table.ts";
import { EngineError } from "./engine-error.ts";
import { auditHubChange } from "./hub-audit.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { syncClientOut } from "./sync-out.ts";

/** A hub edit of a customer: its fields, notes and lifecycle, audited, then its integrations. */
export async function updateClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.updated" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId } = change;
  await lockKey(tx, clientLockKey(clientId));
  const before = await readClient(tx, clientId);
  if (!before) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  const country = (await readStore(tx, before.storeId))?.country ?? "US";
  const after = applyEdit(before.customer, change.edit, country);
  const changes = diffFields(toFieldMap(before.customer, country), toFieldMap(after, country));
  if (Object.keys(changes).length > 0) {
    await applyFieldChanges(tx, clientId, changes, country, now);
    await auditHubChange(tx, clientId, changes, actor, now, toFieldMap(before.customer, country));
  }
  await editNotes(tx, clientId, change.edit, actor, now);
  if (change.lifecycle && change.lifecycle !== before.lifecycle) {
    await setLifecycle(tx, clientId, change.lifecycle);
    await auditHubChange(tx, clientId, { lifecycle: change.lifecycle }, actor, now, {
      lifecycle: before.lifecycle,
    });
  }
  await syncClientOut(tx, now, clientId, {}, actor);
  return { clientId };
}

/** F5: notes added or edited in the hub, each audited under its hub id. */
async function editNotes(
  tx: Queryable,
  clientId: number,
  edit: CustomerEdit,
  actor: string,
  now: Date,
) {
  const changes: Record<string, string | null> = {};
  const before: Record<string, string> = {};
  for (const body of edit.addNotes ?? []) {
    const who = parseActorId(actor);
    const id = await insertNote(tx, clientId, body, who.type === "user" ? who.userId : null, now);
    changes[itemPath("note", id)] = body;
  }
  if (edit.editNotes && Object.keys(edit.editNotes).length > 0) {
    const current = new Map((await readNotes(tx, [clientId])).map((n) => [String(n.id), n.body]));
    for (const [id, body] of Object.entries(edit.editNotes)) {
      const old = current.get(id);
      if (old === undefined)
        throw new EngineError(
          "invalid_edit",
          `editNotes.${id}: customer ${clientId} has no such note`,
        );
      if (old === body) continue;
      await updateNote(tx, clientId, Number(id), body, now);
      changes[itemPath("note", id)] = body;
      before[itemPath("note", id)] = old;
    }
  }
  await auditHubChange(tx, clientId, changes, actor, now, before);
}
