import type { Queryable } from "./database.ts";

export interface StoreRecord {
  id: number;
  name: string;
  timeZone: string;
  country: string;
}

export async function firstStore(q: Queryable): Promise<StoreRecord | undefined> {
  const [row] = await q.query<{ id: number; name: string; time_zone: string; country: string }>(
    "select * from stores order by id limit 1",
  );
  return row
    ? { id: row.id, name: row.name, timeZone: row.time_zone, country: row.country }
    : undefined;
}

export async function insertStore(q: Queryable, store: Omit<StoreRecord, "id">): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    "insert into stores (name, time_zone, country) values ($1, $2, $3) returning id",
    [store.name, store.timeZone, store.country],
  );
  return row!.id;
}

export async function readStore(q: Queryable, id: number): Promise<StoreRecord | undefined> {
  const [row] = await q.query<{ id: number; name: string; time_zone: string; country: string }>(
    "select * from stores where id = $1",
    [id],
  );
  return row
    ? { id: row.id, name: row.name, timeZone: row.time_zone, country: row.country }
    : undefined;
}
