import { flowOf } from "../domain/policy.ts";
import type { SaleRecord } from "../domain/retail-records.ts";
import { saleProblem } from "../domain/sale-checks.ts";
import { skippedNotSynced } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { assignByPurchases } from "../store/client-assignment.ts";
import { activateOnFirstPurchase } from "./first-purchase.ts";
import { integrationOf } from "./integration-of.ts";
import { findLink } from "../store/links-table.ts";
import { upsertProduct, type ProductUpsert } from "../store/products-table.ts";
import { insertPurchase, type NewPurchase } from "../store/purchases-table.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { scheduleSaleTriggers } from "../store/sales-triggers-table.ts";

/**
 * The sale is fine but the hub has not seen its customer yet (the customer's own change may still
 * be on its way): the event waits and is tried again, for as long as it takes.
 */
export class WaitingForCustomer extends Error {}

/**
 * T2: the sale is not fit to be processed (no lines, totals that do not add up, a bad currency or
 * date): it is held back at once with the reason, listed with the failed events, and processed
 * when a user retries it after the cause is fixed (the store's currency set, say), or when the
 * system sends a corrected version.
 */
export class InvalidSale extends Error {}

export type SaleOutcome =
  | "no-integration"
  | "not imported (profile)"
  | "skipped: customer excluded"
  | typeof skippedNotSynced
  | "duplicate"
  | `purchase:${number}`;

const jobNames = { repair: "Repair", custom: "Custom", appraisal: "Appraisal" } as const;

/**
 * F6: a POS sale becomes a hub purchase, one way, exactly once (purchases are unique per sale id).
 * Every sold item, special orders included, is an archived hub product; every service job an
 * archived product that describes the job.
 *
 * Whose sales come in (S1, S9): a synced customer's. A sale of a customer who does not sync (not
 * selected in `selected` mode) is skipped with that outcome, not an error, and taken up again if
 * the customer starts to sync (see salesToReopen); an excluded customer's sale is skipped for
 * good. A sale of a customer the hub has not seen at all waits for the customer.
 *
 * A5: once the integration's onboarding assignment has run, a purchase by an Unassigned client
 * assigns the associate who made it (A6: an assigned client keeps theirs); T4: the store's sales
 * triggers start counting its days.
 */
export async function processSale(
  tx: Queryable,
  now: Date,
  integrationId: number,
  sale: SaleRecord,
): Promise<SaleOutcome> {
  const integration = await integrationOf(tx, integrationId);
  if (!integration) return "no-integration";
  if (flowOf(integration.profile, "sale").direction !== "inbound") return "not imported (profile)";
  const problem = saleProblem(sale, integration.currency);
  if (problem !== undefined) throw new InvalidSale(`held: ${problem}`);
  const link = await findLink(tx, { integrationId: integration.id, externalId: sale.customerId });
  if (!link)
    throw new WaitingForCustomer(
      `customer ${sale.customerId} is not known to the hub yet; the sale waits for it`,
    );
  if (link.status === "excluded") return "skipped: customer excluded";
  const { clientId } = link;
  if (clientId === null || (integration.options.syncMode === "selected" && !link.syncEnabled))
    return skippedNotSynced;

  const lines: Parameters<typeof insertPurchase>[1]["lines"] = [];
  for (const { product, line } of saleProducts(sale)) {
    const productId = await upsertProduct(tx, {
      ...product,
      storeId: integration.storeId,
      integrationId: integration.id,
      archived: true,
      externalVersion: sale.version,
      now,
    });
    lines.push({ productId, ...line });
  }
  const purchaseId = await insertPurchase(
    tx,
    purchaseOf(sale, clientId, integration.id, lines, now),
  );
  if (purchaseId === undefined) return "duplicate";
  await activateOnFirstPurchase(tx, now, integration, clientId);
  await purchasesProcessed(tx, integration, [purchaseId], now);
  return `purchase:${purchaseId}`;
}

/**
 * What follows a POS sale's processing, one sale or a batch: A5 assigns Unassigned clients the
 * associate of their purchase, and T4's triggers start counting the days. Neither for the first
 * sync's history (its integration not onboarded yet): A4 assigns those clients at its end, and a
 * store's years of past sales fire no follow-ups.
 */
export async function purchasesProcessed(
  tx: Queryable,
  integration: IntegrationRecord,
  purchaseIds: readonly number[],
  now: Date,
): Promise<void> {
  await assignByPurchases(tx, integration, purchaseIds, now);
  if (integration.onboardedAt !== null)
    await scheduleSaleTriggers(tx, integration.storeId, purchaseIds);
}

type SaleProduct = Omit<
  ProductUpsert,
  "storeId" | "integrationId" | "archived" | "externalVersion" | "now"
>;

/**
 * The products a sale's lines and service jobs stand for, with the purchase line of each (its
 * product id still to be found): every sold item, special orders included, an archived product;
 * every service job an archived product that describes the job.
 */
export function saleProducts(sale: SaleRecord): Array<{
  product: SaleProduct;
  line: { kind: "item" | "special_order" | "service"; quantity: number; amount: number };
}> {
  return [
    ...sale.lines.map((line, n) => ({
      product: {
        externalKey: line.inventoryId
          ? `inventory:${line.inventoryId}`
          : `line:${sale.id}:${n + 1}`,
        origin: "sold" as const,
        sku: line.sku,
        name: line.description,
        category: line.category,
        vendor: line.vendor,
        inventoryType: null,
        price: line.amount,
      },
      line: { kind: line.kind, quantity: line.quantity, amount: line.amount },
    })),
    ...sale.serviceJobs.map((job) => ({
      product: {
        externalKey: `service:${job.id}`,
        origin: "service" as const,
        sku: null,
        name: `${jobNames[job.type]}: ${job.description}`,
        category: jobNames[job.type],
        vendor: null,
        inventoryType: null,
        price: job.amount,
      },
      line: { kind: "service" as const, quantity: 1, amount: job.amount },
    })),
  ];
}

/** A sale as the purchase it becomes in the hub (one at a time here, many in record-sales-in-bulk). */
export const purchaseOf = (
  sale: SaleRecord,
  clientId: number,
  integrationId: number,
  lines: NewPurchase["lines"],
  now: Date,
): NewPurchase => ({
  clientId,
  integrationId,
  externalId: sale.id,
  occurredAt: new Date(sale.occurredAt),
  total: sale.total,
  currency: sale.currency,
  associateNumber: sale.associateNumber,
  lines,
  now,
});
