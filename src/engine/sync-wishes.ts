import { externalItemIdOf, itemPath } from "../domain/field-path.ts";
import { parseWishValue } from "../domain/customer.ts";
import { appendAudit } from "../store/audit-table.ts";
import {
  addCollectionItem,
  removeCollectionItem,
  setCollectionItemProduct,
} from "../store/collections-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { pairLinkItem, unpairLinkItem } from "../store/links-table.ts";
import { findProduct, upsertProduct } from "../store/products-table.ts";

/**
 * The product a wish stands for (F4: every wish item is also a hub product): the POS inventory
 * item of a stock wish, or a product of its own for a non-stock wish.
 */
async function wishProduct(
  tx: Queryable,
  integration: IntegrationRecord,
  externalWishId: string,
  wish: { inventoryId: string | null; description: string },
  now: Date,
): Promise<number> {
  const key = wish.inventoryId ? `inventory:${wish.inventoryId}` : `wish:${externalWishId}`;
  const existing = await findProduct(tx, integration.id, key);
  if (existing && wish.inventoryId) return existing.id;
  return upsertProduct(tx, {
    storeId: integration.storeId,
    integrationId: integration.id,
    externalKey: key,
    origin: "wish",
    sku: null,
    name: wish.description,
    category: null,
    vendor: null,
    inventoryType: null,
    price: null,
    archived: false,
    externalVersion: existing?.external_version ?? 0,
    now,
  });
}

/** Writes the wish paths of a merge decision to the hub's collection: additions, edits, removals. */
export async function applyWishChanges(
  tx: Queryable,
  target: {
    linkId: number;
    clientId: number;
    integration: IntegrationRecord;
    source: string;
    actor: string;
  },
  changes: Record<string, string | null>,
  hubIdOf: (externalId: string) => number | undefined,
  before: Record<string, string>,
  now: Date,
) {
  const collection = target.integration.options.wishlistCollection;
  for (const [path, value] of Object.entries(changes)) {
    const externalId = externalItemIdOf(path, "wish");
    let itemId = hubIdOf(externalId);
    if (value === null) {
      if (itemId !== undefined) {
        await removeCollectionItem(tx, target.clientId, itemId);
        await unpairLinkItem(tx, { id: target.linkId }, "wish", itemId);
      }
    } else {
      const productId = await wishProduct(
        tx,
        target.integration,
        externalId,
        parseWishValue(value),
        now,
      );
      // a pairing whose hub item is gone (removed in the hub meanwhile) is an addition again
      if (itemId !== undefined && !(await setCollectionItemProduct(tx, itemId, productId))) {
        await unpairLinkItem(tx, { id: target.linkId }, "wish", itemId);
        itemId = undefined;
      }
      if (itemId === undefined) {
        itemId = await addCollectionItem(tx, target.clientId, collection, productId, now);
        await pairLinkItem(tx, { id: target.linkId }, "wish", itemId, externalId);
      }
    }
    if (itemId === undefined) continue;
    await appendAudit(tx, [
      {
        clientId: target.clientId,
        integrationId: target.integration.id,
        field: itemPath("wish", itemId),
        oldValue: before[path] ?? null,
        newValue: value,
        source: target.source,
        actor: target.actor,
        at: now,
      },
    ]);
  }
}
