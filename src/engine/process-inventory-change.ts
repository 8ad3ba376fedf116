import { flowOf } from "../domain/policy.ts";
import { passesInventoryFilters, type InventoryRecord } from "../domain/retail-records.ts";
import type { Queryable } from "../store/database.ts";
import { integrationOf } from "./integration-of.ts";
import { archiveProduct, findProduct, upsertProduct } from "../store/products-table.ts";

/**
 * F8: on-hand inventory becomes hub products, one way. An item the integration's filters exclude
 * (category, vendor, inventory type) is not imported; an item that leaves the shelf (sold,
 * removed) or comes to match a filter is archived, not deleted.
 */
export type InventoryOutcome =
  "no-integration" | "not imported (profile)" | "stale" | "filtered" | "archived" | "product";

export async function processInventoryChange(
  tx: Queryable,
  now: Date,
  integrationId: number,
  item: InventoryRecord,
): Promise<InventoryOutcome> {
  const integration = await integrationOf(tx, integrationId);
  if (!integration) return "no-integration";
  if (flowOf(integration.profile, "inventory").direction !== "inbound")
    return "not imported (profile)";
  const key = `inventory:${item.id}`;
  const existing = await findProduct(tx, integration.id, key);
  if (existing && existing.external_version >= item.version) return "stale";
  const wanted =
    item.status === "on_hand" && passesInventoryFilters(item, integration.options.inventoryFilters);
  if (!wanted) {
    if (!existing) return "filtered";
    await archiveProduct(tx, existing.id, item.version, now);
    return "archived";
  }
  await upsertProduct(tx, {
    storeId: integration.storeId,
    integrationId: integration.id,
    externalKey: key,
    origin: "inventory",
    sku: item.sku,
    name: item.name,
    category: item.category,
    vendor: item.vendor,
    inventoryType: item.type,
    price: item.price,
    archived: false,
    externalVersion: item.version,
    now,
  });
  return "product";
}
