import type { HubChange } from "../domain/hub-change.ts";
import { appendAudit } from "../store/audit-table.ts";
import { readClient } from "../store/clients-table.ts";
import {
  addCollectionItem,
  collectionsOf,
  removeCollectionItem,
} from "../store/collections-table.ts";
import type { Queryable } from "../store/database.ts";
import { insertHubProduct, productOfStore } from "../store/products-table.ts";

type CollectionChange = Extract<HubChange, { kind: "collection.add" | "collection.remove" }>;

/** F4: a user adds a product (or a described wish) to one of a client's collections, or takes one out. */
export async function editCollection(
  tx: Queryable,
  now: Date,
  change: CollectionChange,
  actor: string,
): Promise<void> {
  const client = await readClient(tx, change.clientId);
  if (!client) throw new Error(`client ${change.clientId} does not exist`);
  if (change.kind === "collection.remove") {
    // the audit keeps what was taken out, in the words its addition was recorded with
    const collection = (await collectionsOf(tx, client.id)).find((c) =>
      c.items.some((i) => i.id === change.itemId),
    );
    const item = collection?.items.find((i) => i.id === change.itemId);
    if (!collection || !item || !(await removeCollectionItem(tx, client.id, change.itemId)))
      throw new Error(`customer ${client.id} has no collection item ${change.itemId}`);
    const was = itemValue(collection.name, item.productId);
    await audit(tx, client.id, `collection.${change.itemId}`, was, null, actor, now);
    return;
  }
  let productId = change.productId;
  if (productId !== undefined) {
    if (!(await productOfStore(tx, client.storeId, productId)))
      throw new Error(`product ${productId} does not exist`);
  } else productId = await insertHubProduct(tx, client.storeId, change.description ?? "Wish", now);
  const itemId = await addCollectionItem(tx, client.id, change.collection, productId, now);
  await audit(
    tx,
    client.id,
    `collection.${itemId}`,
    null,
    itemValue(change.collection, productId),
    actor,
    now,
  );
}

/** How a collection item is written in the audit history: "Edge: product 12". */
const itemValue = (collection: string, productId: number) => `${collection}: product ${productId}`;

async function audit(
  tx: Queryable,
  clientId: number,
  field: string,
  oldValue: unknown,
  newValue: unknown,
  actor: string,
  at: Date,
) {
  await appendAudit(tx, [
    { clientId, integrationId: null, field, oldValue, newValue, source: "hub", actor, at },
  ]);
}
