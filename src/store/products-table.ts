import type { Queryable } from "./database.ts";

export type ProductOrigin = "inventory" | "sold" | "service" | "wish" | "hub";

export interface ProductUpsert {
  storeId: number;
  integrationId: number;
  externalKey: string;
  origin: ProductOrigin;
  sku: string | null;
  name: string;
  category: string | null;
  vendor: string | null;
  inventoryType: string | null;
  price: number | null;
  archived: boolean;
  externalVersion: number;
  now: Date;
}

/**
 * Creates or updates the product that mirrors one external record; an older copy than the one
 * applied (by external version) changes nothing. Returns the product id.
 */
export async function upsertProduct(q: Queryable, p: ProductUpsert): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into products (store_id, integration_id, external_key, origin, sku, name, category, vendor,
                           inventory_type, price, archived, external_version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     on conflict (store_id, integration_id, external_key) do update set
       sku = excluded.sku, name = excluded.name, category = excluded.category, vendor = excluded.vendor,
       inventory_type = excluded.inventory_type, price = excluded.price, archived = excluded.archived,
       external_version = excluded.external_version, updated_at = excluded.updated_at
       where products.external_version <= excluded.external_version
     returning id`,
    [
      p.storeId,
      p.integrationId,
      p.externalKey,
      p.origin,
      p.sku,
      p.name,
      p.category,
      p.vendor,
      p.inventoryType,
      p.price,
      p.archived,
      p.externalVersion,
      p.now,
    ],
  );
  if (row) return row.id;
  const [existing] = await q.query<{ id: number }>(
    "select id from products where integration_id = $1 and external_key = $2",
    [p.integrationId, p.externalKey],
  );
  return existing!.id;
}

export async function findProduct(q: Queryable, integrationId: number, externalKey: string) {
  const [row] = await q.query<{ id: number; archived: boolean; external_version: number }>(
    "select id, archived, external_version from products where integration_id = $1 and external_key = $2",
    [integrationId, externalKey],
  );
  return row;
}

/** Archives a product (sold, or no longer on hand), unless a newer copy was already applied. */
export async function archiveProduct(q: Queryable, id: number, externalVersion: number, now: Date) {
  await q.query(
    `update products set archived = true, external_version = greatest(external_version, $2), updated_at = $3
     where id = $1`,
    [id, externalVersion, now],
  );
}

export interface ProductRow {
  id: number;
  origin: ProductOrigin;
  sku: string | null;
  name: string;
  category: string | null;
  vendor: string | null;
  inventory_type: string | null;
  price: string | null;
  archived: boolean;
}

export async function listProducts(
  q: Queryable,
  storeId: number,
  options: { archived?: boolean; limit: number; after?: number },
) {
  return q.query<ProductRow>(
    `select id, origin, sku, name, category, vendor, inventory_type, price, archived from products
     where store_id = $1 and ($2::boolean is null or archived = $2) and id > $3 order by id limit $4`,
    [storeId, options.archived ?? null, options.after ?? 0, options.limit],
  );
}

/**
 * A product made in the hub (a non-stock wish added by a user; archived, a line of a sale entered
 * in the hub, T4).
 */
export async function insertHubProduct(
  q: Queryable,
  storeId: number,
  name: string,
  now: Date,
  sold?: { category: string | null; price: number },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into products (store_id, origin, name, category, price, archived, created_at, updated_at)
     values ($1, 'hub', $2, $4, $5, $6, $3, $3) returning id`,
    [storeId, name, now, sold?.category ?? null, sold?.price ?? null, sold !== undefined],
  );
  return row!.id;
}

export async function productOfStore(q: Queryable, storeId: number, id: number) {
  const [row] = await q.query<{ id: number; name: string }>(
    "select id, name from products where id = $1 and store_id = $2",
    [id, storeId],
  );
  return row;
}

/**
 * R8.5: upsertProduct for many products of one integration in one statement (plus one to read
 * the ids of those it left as they were): key -> product id. The caller gives each key once (one statement may not update a
 * row twice). Rows are written in key order, so two batches upserting the same products wait for
 * each other in one order and never deadlock. `keepExisting` keys are only created, never
 * updated (a stock wish names an inventory item that may already be a product).
 */
export async function upsertProducts(
  q: Queryable,
  integrationId: number,
  products: readonly ProductUpsert[],
  keepExisting: (key: string) => boolean = () => false,
): Promise<Map<string, number>> {
  if (products.length === 0) return new Map();
  const sorted = [...products].sort((a, b) => (a.externalKey < b.externalKey ? -1 : 1));
  const written = await q.query<{ id: number; external_key: string }>(
    `insert into products (store_id, integration_id, external_key, origin, sku, name, category, vendor,
                           inventory_type, price, archived, external_version, created_at, updated_at)
     select store_id, $1, external_key, origin, sku, name, category, vendor, inventory_type, price,
            archived, external_version, at, at
     from jsonb_to_recordset($2::jsonb)
          as p(n int, store_id bigint, external_key text, origin text, sku text, name text,
               category text, vendor text, inventory_type text, price numeric, archived boolean,
               external_version bigint, at timestamptz)
     order by n
     on conflict (store_id, integration_id, external_key) do update set
       sku = excluded.sku, name = excluded.name, category = excluded.category, vendor = excluded.vendor,
       inventory_type = excluded.inventory_type, price = excluded.price, archived = excluded.archived,
       external_version = excluded.external_version, updated_at = excluded.updated_at
       where products.external_version <= excluded.external_version
         and not (excluded.external_key = any($3::text[]))
     returning id, external_key`,
    [
      integrationId,
      JSON.stringify(
        sorted.map((p, n) => ({
          n,
          store_id: p.storeId,
          external_key: p.externalKey,
          origin: p.origin,
          sku: p.sku,
          name: p.name,
          category: p.category,
          vendor: p.vendor,
          inventory_type: p.inventoryType,
          price: p.price,
          archived: p.archived,
          external_version: p.externalVersion,
          at: p.now,
        })),
      ),
      sorted.filter((p) => keepExisting(p.externalKey)).map((p) => p.externalKey),
    ],
  );
  const ids = new Map(written.map((r) => [r.external_key, Number(r.id)]));
  // the ones the upsert left as they were (kept, or a newer version already there)
  const rest = sorted.filter((p) => !ids.has(p.externalKey)).map((p) => p.externalKey);
  if (rest.length > 0) {
    const rows = await q.query<{ id: number; external_key: string }>(
      "select id, external_key from products where integration_id = $1 and external_key = any($2::text[])",
      [integrationId, rest],
    );
    for (const r of rows) ids.set(r.external_key, Number(r.id));
  }
  return ids;
}
