import type { HubChange } from "../domain/hub-change.ts";
import { setAssignments } from "../store/client-assignment.ts";
import { readClient } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { readUser } from "../store/users-table.ts";
import { EngineError } from "./engine-error.ts";
import { clientLockKey, lockKey, lockKeys } from "./lock-keys.ts";

/**
 * A1, A8: a user sets the client's one associate, or Unassigned. Under the client's lock the
 * assignment must still be the one the user's permission was checked against (`expected`, A7):
 * otherwise someone changed it meanwhile and this is refused, so an associate never takes a
 * client that was just assigned to a colleague. The same assignment again changes nothing; a
 * change is audited with who and why.
 */
export async function assignClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.assign" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId, userId, expected } = change;
  await lockKey(tx, clientLockKey(clientId));
  const client = await readClient(tx, clientId);
  if (!client) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  if (client.assignedUserId === userId) return { clientId };
  await assignableUser(tx, client.storeId, userId);
  const { changed } = await setAssignments(tx, {
    storeId: client.storeId,
    clientIds: [clientId],
    userId,
    expected,
    actor,
    reason: change.reason,
    now,
  });
  if (changed.length === 0) {
    const current = (await readClient(tx, clientId))?.assignedUserId ?? null;
    throw new EngineError(
      "conflict",
      `customer ${clientId} was ${current === null ? "made Unassigned" : `assigned to user ${current}`} meanwhile; look again before changing it`,
    );
  }
  return { clientId };
}

/**
 * A3: a manager assigns many customers of the store to one user, or makes them Unassigned, under
 * each customer's lock (taken in id order). Returns which were found in the store and which
 * changed (the rest had that assignment already).
 */
export async function assignClients(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "clients.assign" }>,
  actor: string,
): Promise<{ clientId: null; found: number[]; changed: number[] }> {
  await assignableUser(tx, change.storeId, change.userId);
  const ids = [...new Set(change.clientIds)].sort((a, b) => a - b);
  await lockKeys(tx, ids.map(clientLockKey));
  const result = await setAssignments(tx, {
    storeId: change.storeId,
    clientIds: ids,
    userId: change.userId,
    actor,
    reason: change.reason,
    now,
  });
  return { clientId: null, ...result };
}

/** The user a customer may be assigned to: an active user of the store (its row locked). */
async function assignableUser(tx: Queryable, storeId: number, userId: number | null) {
  if (userId === null) return;
  const user = await readUser(tx, userId, true);
  if (!user || user.storeId !== storeId)
    throw new EngineError("not_found", `user ${userId} does not exist`);
  if (!user.active)
    throw new EngineError(
      "conflict",
      `user ${userId} is deactivated: a customer is assigned to an active user or Unassigned`,
    );
}
