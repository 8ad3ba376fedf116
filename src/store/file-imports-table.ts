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
