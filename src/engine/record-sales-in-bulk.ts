import type { SaleRecord } from "../domain/retail-records.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { upsertProducts, type ProductUpsert } from "../store/products-table.ts";
import { insertPurchases, type NewPurchase } from "../store/purchases-table.ts";
import { purchaseOf, purchasesProcessed, saleProducts } from "./process-sale.ts";

/**
 * R8.5, F6: processSale for many sales of synced customers at once: every sold item and service
 * job an archived product (one upsert for all of them, the newest version of each product
 * winning, as one sale after the other would leave it), every sale a purchase (once: a sale
 * already recorded stays as it is, S4). The caller gives each sale once and has checked each
 * customer (linked, synced, not excluded). Returns the outcome per sale id.
 */
export async function recordSalesInBulk(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  sales: ReadonlyArray<{ sale: SaleRecord; clientId: number }>,
): Promise<Map<string, string>> {
  const wanted = new Map<string, ProductUpsert>();
  const linesOf = sales.map(({ sale }) =>
    saleProducts(sale).map(({ product, line }) => {
      const seen = wanted.get(product.externalKey);
      if (!seen || seen.externalVersion <= sale.version)
        wanted.set(product.externalKey, {
          externalKey: product.externalKey,
          origin: product.origin,
          sku: product.sku,
          name: product.name,
          category: product.category,
          vendor: product.vendor,
          inventoryType: product.inventoryType,
          price: product.price,
          storeId: integration.storeId,
          integrationId: integration.id,
          archived: true,
          externalVersion: sale.version,
          now,
        });
      return { key: product.externalKey, line };
    }),
  );
  const products = await upsertProducts(tx, integration.id, [...wanted.values()]);
  const purchases: NewPurchase[] = sales.map(({ sale, clientId }, i) =>
    purchaseOf(
      sale,
      clientId,
      integration.id,
      linesOf[i]!.map(({ key, line }) => ({
        kind: line.kind,
        quantity: line.quantity,
        amount: line.amount,
        productId: products.get(key)!,
      })),
      now,
    ),
  );
  // in sale id order, so that two batches recording the same sale wait in one order
  purchases.sort((a, b) => (a.externalId! < b.externalId! ? -1 : 1));
  const ids = await insertPurchases(tx, purchases);
  // A5: Unassigned clients go to the associate of their first purchase here; T4 (after onboarding)
  await purchasesProcessed(tx, integration, [...ids.values()], now);
  return new Map(
    sales.map(({ sale }) => {
      const id = ids.get(sale.id);
      return [sale.id, id === undefined ? "duplicate" : `purchase:${id}`];
    }),
  );
}
