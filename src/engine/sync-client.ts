import type { HubChange } from "../domain/hub-change.ts";
import type { Queryable } from "../store/database.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { syncClientOut } from "./sync-out.ts";

/** S1: a user sets a customer to sync with one integration (its partner is made if it has none). */
export async function syncClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.sync" }>,
  actor: string,
): Promise<{ clientId: number }> {
  await lockKey(tx, clientLockKey(change.clientId));
  const trigger = { requested: true, integrationId: change.integrationId, number: change.number };
  await syncClientOut(tx, now, change.clientId, trigger, actor);
  return { clientId: change.clientId };
}

/** R7.4: merge a customer with one integration again, as if just edited (a catch-up). */
export async function resyncClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.resync" }>,
  actor: string,
): Promise<{ clientId: number }> {
  await lockKey(tx, clientLockKey(change.clientId));
  await syncClientOut(tx, now, change.clientId, { integrationId: change.integrationId }, actor);
  return { clientId: change.clientId };
}
