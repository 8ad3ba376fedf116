import type { Queryable } from "./database.ts";

export interface StoreRecord {
  id: number;
  name: string;
  /** IANA time zone: sales batch windows (T1) and reports (T5) run in it */
  timeZone: string;
  /** ISO 3166 alpha-2: phones written without +prefix */
  country: string;
  /** ISO 4217: the store's sales are in it (T2) */
  currency: string;
}

interface StoreRow {
  id: number;
  name: string;
  time_zone: string;
  country: string;
  currency: string;
}

const fromRow = (row: StoreRow): StoreRecord => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  country: row.country,
  currency: row.currency,
});

export async function firstStore(q: Queryable): Promise<StoreRecord | undefined> {
  const [row] = await q.query<StoreRow>("select * from stores order by id limit 1");
  return row ? fromRow(row) : undefined;
}

export async function insertStore(
  q: Queryable,
  store: Omit<StoreRecord, "id" | "currency"> & { currency?: string },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    "insert into stores (name, time_zone, country, currency) values ($1, $2, $3, $4) returning id",
    [store.name, store.timeZone, store.country, store.currency ?? "USD"],
  );
  return row!.id;
}

export async function readStore(q: Queryable, id: number): Promise<StoreRecord | undefined> {
  const [row] = await q.query<StoreRow>("select * from stores where id = $1", [id]);
  return row ? fromRow(row) : undefined;
}

/** Changes the settings named; the others keep their values. */
export async function updateStore(
  q: Queryable,
  id: number,
  patch: { [K in keyof Omit<StoreRecord, "id">]?: StoreRecord[K] | undefined },
): Promise<void> {
  await q.query(
    `update stores set name = coalesce($2, name), time_zone = coalesce($3, time_zone),
                       country = coalesce($4, country), currency = coalesce($5, currency)
     where id = $1`,
    [id, patch.name ?? null, patch.timeZone ?? null, patch.country ?? null, patch.currency ?? null],
  );
}

/** Every store, oldest first, with how many users and customers it has (the `stores` command). */
export async function listStores(
  q: Queryable,
): Promise<Array<StoreRecord & { users: number; customers: number }>> {
  const rows = await q.query<StoreRow & { users: number; customers: number }>(
    `select s.*, (select count(*)::int from users u where u.store_id = s.id) as users,
            (select count(*)::int from clients c where c.store_id = s.id) as customers
     from stores s order by s.id`,
  );
  return rows.map((r) => ({ ...fromRow(r), users: r.users, customers: r.customers }));
}
