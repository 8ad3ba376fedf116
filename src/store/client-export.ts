// I4: a store's customers for a file export: the columns the file needs, then every client in
// pages by id. Reads only; the clients table's writes are clients-table.ts's.
import {
  clientPartsColumns,
  clientRecordWithParts,
  type ClientRecord,
  type ClientRowWithParts,
} from "./clients-table.ts";
import type { Queryable } from "./database.ts";

/** The most contacts of each kind one client of the store has, and every preference name. */
export async function exportLayoutOf(
  q: Queryable,
  storeId: number,
): Promise<{ emails: number; phones: number; addresses: number; preferences: string[] }> {
  const [counts] = await q.query<{ emails: number; phones: number; addresses: number }>(
    `select coalesce(max(n) filter (where kind = 'email'), 0)::int as emails,
            coalesce(max(n) filter (where kind = 'phone'), 0)::int as phones,
            coalesce(max(n) filter (where kind = 'address'), 0)::int as addresses
       from (select cc.kind, count(*) as n
               from client_contacts cc join clients c on c.id = cc.client_id
              where c.store_id = $1
              group by cc.client_id, cc.kind) per_client`,
    [storeId],
  );
  const names = await q.query<{ name: string }>(
    `select distinct cp.name from client_preferences cp join clients c on c.id = cp.client_id
      where c.store_id = $1 order by cp.name`,
    [storeId],
  );
  return {
    emails: counts?.emails ?? 0,
    phones: counts?.phones ?? 0,
    addresses: counts?.addresses ?? 0,
    preferences: names.map((r) => r.name),
  };
}

/** Every client of the store, by id, a page at a time (memory: one page). */
export async function* clientsOfStore(
  q: Queryable,
  storeId: number,
  pageSize = 1000,
): AsyncGenerator<ClientRecord> {
  let after = 0;
  for (;;) {
    const rows = await q.query<ClientRowWithParts>(
      `select c.*, ${clientPartsColumns} from clients c
        where c.store_id = $1 and c.id > $2 order by c.id limit $3`,
      [storeId, after, pageSize],
    );
    for (const row of rows) yield clientRecordWithParts(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
