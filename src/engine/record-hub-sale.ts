import type { HubChange } from "../domain/hub-change.ts";
import { setAssignments } from "../store/client-assignment.ts";
import { readClient } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { insertHubProduct } from "../store/products-table.ts";
import { insertPurchase } from "../store/purchases-table.ts";
import { scheduleSaleTriggers } from "../store/sales-triggers-table.ts";
import { EngineError } from "./engine-error.ts";
import { activateOnFirstPurchase } from "./first-purchase.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";

/**
 * T4: a sale a user entered by hand in the hub is processed at once (no batch: it was checked as
 * it was entered): a purchase of archived hub products, one per line, with who sold it. As for a
 * POS sale, a prospect becomes active (S3), an Unassigned client goes to the seller (A5, audited),
 * and the store's sales triggers start counting its days, so a 0-day one fires within seconds.
 */
export async function recordHubSale(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "purchase.record" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId } = change;
  await lockKey(tx, clientLockKey(clientId));
  const client = await readClient(tx, clientId);
  if (!client) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  const lines: Parameters<typeof insertPurchase>[1]["lines"] = [];
  for (const line of change.lines) {
    const productId = await insertHubProduct(tx, client.storeId, line.description, now, {
      category: line.category,
      price: line.amount,
    });
    lines.push({ productId, kind: "item", quantity: line.quantity, amount: line.amount });
  }
  const total = change.lines.reduce((cents, line) => cents + Math.round(line.amount * 100), 0);
  const purchaseId = await insertPurchase(tx, {
    clientId,
    integrationId: null,
    externalId: null,
    occurredAt: new Date(change.occurredAt),
    total: total / 100,
    currency: change.currency,
    associateNumber: null,
    soldBy: change.soldBy,
    lines,
    now,
  });
  await activateOnFirstPurchase(tx, now, { hubActor: actor }, clientId);
  if (client.assignedUserId === null && change.soldBy !== null)
    await setAssignments(tx, {
      storeId: client.storeId,
      clientIds: [clientId],
      userId: change.soldBy,
      expected: null,
      actor,
      reason: "A5: first purchase, entered in the hub",
      now,
    });
  await scheduleSaleTriggers(tx, client.storeId, [purchaseId!]);
  return { clientId };
}
