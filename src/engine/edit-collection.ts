import type { HubChange } from "../domain/hub-change.ts";
import { appendAudit } from "../store/audit-table.ts";
import { readClient } from "../store/clients-table.ts";
import { addCollectionItem, removeCollectionItem } from "../store/collections-table.ts";
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
    if (!(await removeCollectionItem(tx, client.id, change.itemId)))
      throw new Error(`customer ${client.id} has no collection item ${change.itemId}`);
    await audit(tx, client.id, `collection.${change.itemId}`, "item", null, actor, now);
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
    `${change.collection}: product ${productId}`,
    actor,
    now,
  );
}

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
