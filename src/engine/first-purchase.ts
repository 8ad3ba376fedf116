import { connectorActor } from "../domain/actor-id.ts";
import { appendAudit } from "../store/audit-table.ts";
import { activateProspect, isProspect } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { clientLockKey, KeyBusy, tryLockKey } from "./lock-keys.ts";
import { syncClientOut } from "./sync-out.ts";

/**
 * S3: a prospect's first purchase makes it an active customer, as a user marking it active would:
 * the change is audited as the selling system's (field `lifecycle`), or as the hub user's who
 * entered the sale (T4), and the client is sent on to every integration, so one whose
 * `transferWhen` is `active` creates its partner now. A client already active is left as it is
 * (one read, no lock).
 */
export async function activateOnFirstPurchase(
  tx: Queryable,
  now: Date,
  seller: IntegrationRecord | { hubActor: string },
  clientId: number,
): Promise<void> {
  if (!(await isProspect(tx, clientId))) return;
  // The client's key before its row, as every writer of a client takes them; but not waited for:
  // the sale's products and purchase are locked already (out of the engine's order), so a batch
  // leaves the sale for later (KeyBusy) rather than wait in a possible circle.
  const key = clientLockKey(clientId);
  if (!(await tryLockKey(tx, key))) throw new KeyBusy(key);
  if (!(await activateProspect(tx, clientId, now))) return;
  const fromHub = "hubActor" in seller;
  const actor = fromHub ? seller.hubActor : connectorActor(seller.kind);
  await appendAudit(tx, [
    {
      clientId,
      integrationId: fromHub ? null : seller.id,
      field: "lifecycle",
      oldValue: "prospect",
      newValue: "active",
      source: fromHub ? "hub" : seller.kind,
      actor,
      at: now,
    },
  ]);
  await syncClientOut(tx, now, clientId, {}, actor);
}
