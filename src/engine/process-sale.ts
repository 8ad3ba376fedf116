import { flowOf } from "../domain/policy.ts";
import type { SaleRecord } from "../domain/retail-records.ts";
import type { ChangeEventRecord } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { findLink } from "../store/links-table.ts";
import { upsertProduct, type ProductUpsert } from "../store/products-table.ts";
import { insertPurchase } from "../store/purchases-table.ts";

/**
 * The sale is fine but its customer is not in the hub (yet): the event waits and is tried again,
 * for as long as it takes (a customer enabled for sync next week still gets its purchases).
 */
export class WaitingForCustomer extends Error {}

const jobNames = { repair: "Repair", custom: "Custom", appraisal: "Appraisal" } as const;

/**
 * F6: a POS sale becomes a hub purchase, one way, exactly once (purchases are unique per sale id).
 * Every sold item, special orders included, is an archived hub product; every service job an
 * archived product that describes the job. A sale whose customer the hub does not know yet fails
 * and is retried (the customer's own change may still be on its way); after its retries it stays
 * visible as a failed event with that reason.
 */
export async function processSale(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<string> {
  const integration = event.integrationId
    ? await readIntegration(tx, event.integrationId)
    : undefined;
  if (!integration) return "no-integration";
  if (flowOf(integration.kind, "sale").direction !== "inbound") return "not imported (profile)";
  const sale = event.payload as SaleRecord;
  const link = await findLink(tx, { integrationId: integration.id, externalId: sale.customerId });
  if (!link?.clientId || link.status === "excluded")
    throw new WaitingForCustomer(
      `sale ${sale.id}: customer ${sale.customerId} is not a synced hub customer yet`,
    );

  const product = (
    p: Omit<ProductUpsert, "storeId" | "integrationId" | "archived" | "externalVersion" | "now">,
  ) =>
    upsertProduct(tx, {
      ...p,
      storeId: integration.storeId,
      integrationId: integration.id,
      archived: true,
      externalVersion: sale.version,
      now,
    });
  const lines: Parameters<typeof insertPurchase>[1]["lines"] = [];
  for (const [n, line] of sale.lines.entries()) {
    const productId = await product({
      externalKey: line.inventoryId ? `inventory:${line.inventoryId}` : `line:${sale.id}:${n + 1}`,
      origin: "sold",
      sku: line.sku,
      name: line.description,
      category: line.category,
      vendor: line.vendor,
      inventoryType: null,
      price: line.amount,
    });
    lines.push({ productId, kind: line.kind, quantity: line.quantity, amount: line.amount });
  }
  for (const job of sale.serviceJobs) {
    const productId = await product({
      externalKey: `service:${job.id}`,
      origin: "service",
      sku: null,
      name: `${jobNames[job.type]}: ${job.description}`,
      category: jobNames[job.type],
      vendor: null,
      inventoryType: null,
      price: job.amount,
    });
    lines.push({ productId, kind: "service", quantity: 1, amount: job.amount });
  }
  const purchaseId = await insertPurchase(tx, {
    clientId: link.clientId,
    integrationId: integration.id,
    externalId: sale.id,
    occurredAt: new Date(sale.occurredAt),
    total: sale.total,
    currency: sale.currency,
    associateNumber: sale.associateNumber,
    lines,
    now,
  });
  return purchaseId === undefined ? "duplicate" : `purchase:${purchaseId}`;
}
