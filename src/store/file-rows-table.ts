import type { CanonicalCustomer } from "../domain/customer.ts";
import type { Queryable } from "./database.ts";

/**
 * I3: the one writer of `file_rows` (migration 0016): the customer file a file integration last
 * imported, and the staging table an import fills before anything of it is kept. An import
 * (services/file-imports.ts) runs all of it in one transaction: stage every row, then merge.
 */

export interface StagedRow {
  row: number;
  externalId: string;
  digest: string;
  customer: CanonicalCustomer;
}

/** The rows of the file being imported, gone at the end of the transaction. */
export async function createImportStaging(tx: Queryable): Promise<void> {
  await tx.query(
    `create temp table file_import_rows (
       row_number integer primary key,
       external_id text not null,
       digest text not null,
       customer jsonb not null
     ) on commit drop`,
  );
}

export async function stageRows(tx: Queryable, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into file_import_rows (row_number, external_id, digest, customer)
     select row_number, external_id, digest, customer
       from jsonb_to_recordset($1::jsonb)
         as r(row_number integer, external_id text, digest text, customer jsonb)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          row_number: r.row,
          external_id: r.externalId,
          digest: r.digest,
          customer: r.customer,
        })),
      ),
    ],
  );
}

/** Rows of the staged file that share a number with an earlier row: [row, earlier row]. */
export async function duplicateStagedNumbers(
  tx: Queryable,
  limit: number,
): Promise<{ pairs: Array<[number, number]>; total: number }> {
  await tx.query("create index on file_import_rows (external_id, row_number)");
  const rows = await tx.query<{ row_number: number; first: number; total: number }>(
    `select row_number, first, count(*) over ()::int as total
       from (select row_number,
                    min(row_number) over (partition by external_id) as first
               from file_import_rows) r
      where row_number <> first
      order by row_number
      limit $1`,
    [limit],
  );
  return { pairs: rows.map((r) => [r.row_number, r.first]), total: rows[0]?.total ?? 0 };
}

export interface MergedRow {
  externalId: string;
  version: number;
  customer: CanonicalCustomer;
  added: boolean;
}

/**
 * Merges the next `limit` staged rows after row `after` into the integration's file: a new number
 * is added at version 1, a row whose content changed (or that comes back) gets the next version,
 * an unchanged row is left as it is. Returns the rows added or changed, and the last row merged
 * (null when none was left).
 */
export async function mergeStagedRows(
  tx: Queryable,
  integrationId: number,
  after: number,
  limit: number,
): Promise<{ last: number | null; merged: MergedRow[] }> {
  const [chunk] = await tx.query<{ last: number | null }>(
    `select max(row_number) as last
       from (select row_number from file_import_rows
              where row_number > $1 order by row_number limit $2) c`,
    [after, limit],
  );
  const last = chunk?.last ?? null;
  if (last === null) return { last, merged: [] };
  const rows = await tx.query<{
    external_id: string;
    version: number;
    customer: CanonicalCustomer;
    added: boolean;
  }>(
    `insert into file_rows as f (store_id, integration_id, external_id, version, digest, customer,
                                 present)
     select (select store_id from integrations where id = $1), $1, s.external_id, 1, s.digest,
            s.customer, true
       from file_import_rows s
      where s.row_number > $2 and s.row_number <= $3
      order by s.external_id
     on conflict (store_id, integration_id, external_id) do update
        set version = f.version + 1, digest = excluded.digest, customer = excluded.customer,
            present = true
      where f.digest <> excluded.digest or not f.present
     returning f.external_id, f.version::int as version, f.customer, f.version = 1 as added`,
    [integrationId, after, last],
  );
  return {
    last,
    merged: rows.map((r) => ({
      externalId: r.external_id,
      version: r.version,
      customer: r.customer,
      added: r.added,
    })),
  };
}

/**
 * The integration's rows the staged file does not list: kept, marked not present (a snapshot
 * reports what disappeared; the hub deletes nothing). Returns how many and the first numbers.
 */
export async function markMissingRows(
  tx: Queryable,
  integrationId: number,
  listed: number,
): Promise<{ total: number; numbers: string[] }> {
  const [gone] = await tx.query<{ total: number; numbers: string[] | null }>(
    `with gone as (
       update file_rows f set present = false
        where f.integration_id = $1 and f.present
          and not exists (select 1 from file_import_rows s where s.external_id = f.external_id)
        returning f.external_id)
     select count(*)::int as total,
            (array_agg(external_id order by external_id))[1:$2] as numbers
       from gone`,
    [integrationId, listed],
  );
  return { total: gone?.total ?? 0, numbers: gone?.numbers ?? [] };
}

export interface FileRow {
  externalId: string;
  version: number;
  customer: CanonicalCustomer;
}

/** The file's present rows after `after` (by number), for the connector's full scan. */
export async function readFileRowsPage(
  q: Queryable,
  integrationId: number,
  after: string | null,
  limit: number,
): Promise<FileRow[]> {
  const rows = await q.query<{ external_id: string; version: number; customer: CanonicalCustomer }>(
    `select external_id, version::int as version, customer from file_rows
      where integration_id = $1 and present and ($2::text is null or external_id > $2)
      order by external_id limit $3`,
    [integrationId, after, limit],
  );
  return rows.map((r) => ({ externalId: r.external_id, version: r.version, customer: r.customer }));
}

export async function readFileRow(
  q: Queryable,
  integrationId: number,
  externalId: string,
): Promise<FileRow | null> {
  const [row] = await q.query<{
    external_id: string;
    version: number;
    customer: CanonicalCustomer;
  }>(
    `select external_id, version::int as version, customer from file_rows
      where integration_id = $1 and external_id = $2 and present`,
    [integrationId, externalId],
  );
  return row ? { externalId: row.external_id, version: row.version, customer: row.customer } : null;
}
