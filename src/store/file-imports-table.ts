import type { Queryable } from "./database.ts";

/** I3: what one import of a customer file did (the one writer of `file_imports`). */
export interface FileImportRecord {
  storeId: number;
  /** null: imported into the hub */
  integrationId: number | null;
  digest: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  gone: number;
  skipped: number;
  at: Date;
}

export async function recordFileImport(q: Queryable, r: FileImportRecord): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into file_imports
       (store_id, integration_id, digest, rows, added, changed, unchanged, gone, skipped, imported_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      r.storeId,
      r.integrationId,
      r.digest,
      r.rows,
      r.added,
      r.changed,
      r.unchanged,
      r.gone,
      r.skipped,
      r.at,
    ],
  );
  return row!.id;
}

/** I3: an earlier import of the same file (by its digest) into the hub or an integration. */
export async function earlierImportOf(
  q: Queryable,
  storeId: number,
  integrationId: number | null,
  digest: string,
): Promise<{ id: number; at: Date } | undefined> {
  const [row] = await q.query<{ id: number; imported_at: Date }>(
    `select id, imported_at from file_imports
     where store_id = $1 and integration_id is not distinct from $2 and digest = $3
     order by id limit 1`,
    [storeId, integrationId, digest],
  );
  return row ? { id: row.id, at: row.imported_at } : undefined;
}
