import type { FieldConflict } from "../domain/merge-fields.ts";
import type { Queryable } from "./database.ts";

/** Opens a conflict per field, or refreshes the values of one already open on that field. */
export async function upsertConflicts(
  q: Queryable,
  linkId: number,
  conflicts: readonly FieldConflict[],
  now: Date,
) {
  for (const c of conflicts) {
    await q.query(
      `insert into conflicts (store_id, link_id, field, base_value, hub_value, external_value, opened_at)
       select l.store_id, l.id, $2, $3, $4, $5, $6 from links l where l.id = $1
       on conflict (store_id, link_id, field) where resolved_at is null
       do update set hub_value = excluded.hub_value, external_value = excluded.external_value`,
      [
        linkId,
        c.path,
        JSON.stringify(c.base ?? null),
        JSON.stringify(c.hub ?? null),
        JSON.stringify(c.external ?? null),
        now,
      ],
    );
  }
}

export interface OpenConflict {
  id: number;
  linkId: number;
  field: string;
  baseValue: string | null;
  hubValue: string | null;
  externalValue: string | null;
  openedAt: Date;
}

export interface ConflictRow {
  id: number;
  link_id: number;
  field: string;
  base_value: string | null;
  hub_value: string | null;
  external_value: string | null;
  opened_at: Date;
}

export const openConflictOf = (r: ConflictRow): OpenConflict => ({
  id: r.id,
  linkId: r.link_id,
  field: r.field,
  baseValue: r.base_value,
  hubValue: r.hub_value,
  externalValue: r.external_value,
  openedAt: r.opened_at,
});

export async function openConflictsOf(q: Queryable, linkId: number): Promise<OpenConflict[]> {
  const rows = await q.query<ConflictRow>(
    "select * from conflicts where link_id = $1 and resolved_at is null order by field",
    [linkId],
  );
  return rows.map(openConflictOf);
}

export async function closeConflict(
  q: Queryable,
  id: number,
  by: string,
  resolution: unknown,
  now: Date,
) {
  await q.query(
    "update conflicts set resolved_at = $2, resolved_by = $3, resolution = $4 where id = $1",
    [id, now, by, JSON.stringify(resolution)],
  );
}

export interface StoreConflict extends OpenConflict {
  clientId: number;
  integrationId: number;
}

/** Open conflicts of a store, per customer and field (the conflict section of S11). */
export async function openConflictsOfStore(
  q: Queryable,
  storeId: number,
  integrationId?: number,
): Promise<StoreConflict[]> {
  const rows = await q.query<ConflictRow & { client_id: number; integration_id: number }>(
    `select f.*, l.client_id, l.integration_id from conflicts f
     join links l on l.id = f.link_id join clients c on c.id = l.client_id
     where f.resolved_at is null and c.store_id = $1 and ($2::bigint is null or l.integration_id = $2)
     order by l.client_id, f.field`,
    [storeId, integrationId ?? null],
  );
  return rows.map((r) => ({
    ...openConflictOf(r),
    clientId: r.client_id,
    integrationId: r.integration_id,
  }));
}
