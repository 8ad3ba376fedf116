import type { WishItem } from "../domain/customer.ts";
import type { Queryable } from "./database.ts";

export interface CollectionItem {
  id: number;
  productId: number;
  productName: string;
  /** the POS inventory id when the product is a POS inventory item (a stock wish) */
  inventoryId: string | null;
}

/** A collection item with its product, as `collectionItemsSql` selects it. */
export interface CollectionItemRow {
  id: number;
  product_id: number;
  name: string;
  external_key: string | null;
}

/** The items of the collection named $2 of client $1, oldest first (shared by link-view-reads.ts). */
export const collectionItemsSql = `select i.id, i.product_id, p.name, p.external_key from collection_items i
     join collections c on c.id = i.collection_id join products p on p.id = i.product_id
     where c.client_id = $1 and c.name = $2 order by i.id`;

export const collectionItemOf = (r: CollectionItemRow): CollectionItem => ({
  id: r.id,
  productId: r.product_id,
  productName: r.name,
  inventoryId: r.external_key?.startsWith("inventory:")
    ? r.external_key.slice("inventory:".length)
    : null,
});

/** The items of one named collection of a client, oldest first. */
export async function collectionItems(
  q: Queryable,
  clientId: number,
  name: string,
): Promise<CollectionItem[]> {
  const rows = await q.query<CollectionItemRow>(collectionItemsSql, [clientId, name]);
  return rows.map(collectionItemOf);
}

export async function addCollectionItem(
  q: Queryable,
  clientId: number,
  name: string,
  productId: number,
  now: Date,
) {
  await q.query(
    `insert into collections (store_id, client_id, name, created_at)
     select c.store_id, c.id, $2, $3 from clients c where c.id = $1
     on conflict (store_id, client_id, name) do nothing`,
    [clientId, name, now],
  );
  const [row] = await q.query<{ id: number }>(
    `insert into collection_items (store_id, collection_id, product_id, created_at)
     select store_id, id, $3, $4 from collections where client_id = $1 and name = $2 returning id`,
    [clientId, name, productId, now],
  );
  return row!.id;
}

export async function removeCollectionItem(
  q: Queryable,
  clientId: number,
  itemId: number,
): Promise<boolean> {
  const rows = await q.query(
    `delete from collection_items i using collections c
     where i.id = $2 and c.id = i.collection_id and c.client_id = $1 returning i.id`,
    [clientId, itemId],
  );
  return rows.length === 1;
}

/** Returns false when the item no longer exists. */
export async function setCollectionItemProduct(
  q: Queryable,
  itemId: number,
  productId: number,
): Promise<boolean> {
  const rows = await q.query(
    "update collection_items set product_id = $2 where id = $1 returning id",
    [itemId, productId],
  );
  return rows.length === 1;
}

export interface CollectionView {
  name: string;
  items: Array<{ id: number; productId: number; name: string }>;
}

export async function collectionsOf(q: Queryable, clientId: number): Promise<CollectionView[]> {
  const rows = await q.query<{
    name: string;
    id: number | null;
    product_id: number | null;
    product_name: string | null;
  }>(
    `select c.name, i.id, i.product_id, p.name as product_name from collections c
     left join collection_items i on i.collection_id = c.id left join products p on p.id = i.product_id
     where c.client_id = $1 order by c.name, i.id`,
    [clientId],
  );
  const byName = new Map<string, CollectionView>();
  for (const r of rows) {
    const view = byName.get(r.name) ?? { name: r.name, items: [] };
    byName.set(r.name, view);
    if (r.id !== null)
      view.items.push({ id: r.id, productId: r.product_id!, name: r.product_name! });
  }
  return [...byName.values()];
}

/** F4: the hub side of the wish list: the items of the client's collection with the configured name. */
export async function wishListOf(
  q: Queryable,
  clientId: number,
  collection: string,
): Promise<WishItem[]> {
  return (await collectionItems(q, clientId, collection)).map(wishItemOf);
}

/** F4: a collection item as an item of the hub's wish list. */
export const wishItemOf = (item: CollectionItem): WishItem => ({
  id: String(item.id),
  inventoryId: item.inventoryId,
  description: item.productName,
});

/**
 * R8.5: addCollectionItem for many clients in two statements; ids chosen by the caller
 * (store/clients-table.ts reserveIds).
 */
export async function addCollectionItemsWithIds(
  q: Queryable,
  items: ReadonlyArray<{
    id: number;
    clientId: number;
    name: string;
    productId: number;
    now: Date;
  }>,
): Promise<void> {
  if (items.length === 0) return;
  await q.query(
    `insert into collections (store_id, client_id, name, created_at)
     select distinct on (x.client_id, x.name) c.store_id, x.client_id, x.name, x.at
     from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as x(client_id, name, at)
     join clients c on c.id = x.client_id
     order by x.client_id, x.name
     on conflict (store_id, client_id, name) do nothing`,
    [items.map((i) => i.clientId), items.map((i) => i.name), items.map((i) => i.now)],
  );
  await q.query(
    `insert into collection_items (id, store_id, collection_id, product_id, created_at)
     overriding system value
     select i.id, c.store_id, c.id, i.product_id, i.at
     from unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::timestamptz[])
          as i(id, client_id, name, product_id, at)
     join collections c on c.client_id = i.client_id and c.name = i.name`,
    [
      items.map((i) => i.id),
      items.map((i) => i.clientId),
      items.map((i) => i.name),
      items.map((i) => i.productId),
      items.map((i) => i.now),
    ],
  );
}
