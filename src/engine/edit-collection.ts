import type { HubChange } from "../domain/hub-change.ts";
import { appendAudit } from "../store/audit-table.ts";
import { readClient, type ClientRecord } from "../store/clients-table.ts";
import {
  addCollectionItem,
  collectionsOf,
  removeCollectionItem,
} from "../store/collections-table.ts";
import type { Queryable } from "../store/database.ts";
import { insertHubProduct, productOfStore } from "../store/products-table.ts";
import { EngineError } from "./engine-error.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { syncClientOut } from "./sync-out.ts";

type CollectionChange = Extract<HubChange, { kind: "collection.add" | "collection.remove" }>;

/** F4: a user adds a product (or a described wish) to one of a customer's collections. */
export async function addToCollection(
  tx: Queryable,
  now: Date,
  change: Extract<CollectionChange, { kind: "collection.add" }>,
  actor: string,
): Promise<{ clientId: number }> {
  return editCollection(tx, now, change, actor);
}

/** F4: a user takes an item out of one of a customer's collections. */
export async function removeFromCollection(
  tx: Queryable,
  now: Date,
  change: Extract<CollectionChange, { kind: "collection.remove" }>,
  actor: string,
): Promise<{ clientId: number }> {
  return editCollection(tx, now, change, actor);
}

/** The edit, audited; then the customer's integrations see it (the wish list goes out, F4). */
async function editCollection(
  tx: Queryable,
  now: Date,
  change: CollectionChange,
  actor: string,
): Promise<{ clientId: number }> {
  await lockKey(tx, clientLockKey(change.clientId));
  const client = await readClient(tx, change.clientId);
  if (!client) throw new EngineError("not_found", `customer ${change.clientId} does not exist`);
  await changeCollection(tx, now, client, change, actor);
  await syncClientOut(tx, now, client.id, {}, actor);
  return { clientId: client.id };
}

async function changeCollection(
  tx: Queryable,
  now: Date,
  client: ClientRecord,
  change: CollectionChange,
  actor: string,
) {
  if (change.kind === "collection.remove") {
    // the audit keeps what was taken out, in the words its addition was recorded with
    const collection = (await collectionsOf(tx, client.id)).find((c) =>
      c.items.some((i) => i.id === change.itemId),
    );
    const item = collection?.items.find((i) => i.id === change.itemId);
    if (!collection || !item || !(await removeCollectionItem(tx, client.id, change.itemId)))
      throw new EngineError(
        "not_found",
        `customer ${client.id} has no collection item ${change.itemId}`,
      );
    const was = itemValue(collection.name, item.productId);
    await audit(tx, client.id, `collection.${change.itemId}`, was, null, actor, now);
    return;
  }
  let productId = change.productId;
  if (productId !== undefined) {
    if (!(await productOfStore(tx, client.storeId, productId)))
      throw new EngineError("invalid_edit", `productId: product ${productId} does not exist`);
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
