import { createHash } from "node:crypto";
import {
  CustomerFileError,
  listedProblems,
  type FileProblem,
} from "../connectors/file/customer-file-error.ts";
import type { FileCustomer } from "../connectors/file/customer-file-format.ts";
import { fromFileRow } from "../connectors/file/mapping.ts";
import { readCustomerFile, type FileKind } from "../connectors/file/read-customer-file.ts";
import type { ExternalCustomer } from "../domain/customer.ts";
import type { Queryable } from "../store/database.ts";
import { recordFileImport } from "../store/file-imports-table.ts";
import {
  createImportStaging,
  duplicateStagedNumbers,
  markMissingRows,
  mergeStagedRows,
  stageRows,
  type StagedRow,
} from "../store/file-rows-table.ts";
import { recordExternalCustomers } from "../store/inbox.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { storeIntegration } from "./integrations.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

/** I3: a customer file as it arrives: its bytes (streamed), its kind, the size cap. */
export interface FileUpload {
  bytes: AsyncIterable<Uint8Array>;
  kind: FileKind;
  maxBytes: number;
}

export interface IntegrationImportSummary {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  /** rows of the previous file this one no longer lists: reported, not deleted in the hub */
  gone: number;
  /** the first 100 of their customer numbers */
  goneNumbers: string[];
}

/** Rows staged, merged and recorded per statement (R8.5: batch the hot path). */
const chunkRows = 2000;

/**
 * I3: every row of a customer file, checked, with the file's digest; the caller's `each` sees the
 * valid rows while no row has failed (after the first failure the rest are only checked), and a
 * file with any problem throws one CustomerFileError listing them by row and column.
 */
export async function checkEveryRow(
  upload: FileUpload,
  requireNumber: boolean,
  each: (rows: FileCustomer[]) => Promise<FileProblem[] | void>,
): Promise<{ rows: number; digest: string }> {
  const hash = createHash("sha256");
  async function* hashed() {
    for await (const chunk of upload.bytes) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const problems: FileProblem[] = [];
  let total = 0;
  let rows = 0;
  let batch: FileCustomer[] = [];
  const report = (found: readonly FileProblem[]) => {
    total += found.length;
    for (const p of found) if (problems.length < listedProblems) problems.push(p);
  };
  const flush = async () => {
    if (total === 0 && batch.length > 0) report((await each(batch)) ?? []);
    batch = [];
  };
  for await (const row of readCustomerFile(hashed(), upload)) {
    rows++;
    if ("problems" in row) report(row.problems);
    else if (requireNumber && row.number === null)
      report([
        {
          row: row.row,
          column: "customer_number",
          message: "required in a file integration (it is the row's identity in every file)",
        },
      ]);
    else if (total === 0) {
      batch.push(row);
      if (batch.length >= chunkRows) await flush();
    }
  }
  await flush();
  if (total > 0) throw new CustomerFileError("invalid_file", problems, total);
  return { rows, digest: hash.digest("hex") };
}

/** A CustomerFileError as the service's error (400, or 413 for a file past the cap). */
export async function asFileServiceError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CustomerFileError)) throw error;
    throw new ServiceError(error.code === "too_large" ? "too_large" : "invalid", error.message, {
      problems: error.problems,
      total: error.total,
    });
  }
}

const digestOf = (row: FileCustomer) =>
  createHash("sha1").update(JSON.stringify(row.customer)).digest("base64url");

/**
 * I3: a customer file as the other side of a file integration. The file is a snapshot: a new
 * number is a new external customer, a changed row a new version of it, a number the file no
 * longer lists is reported (and kept: the hub deletes nothing). All of it is one transaction:
 * every row is checked and staged first, then the changes are kept and recorded in the inbox
 * (as the full scan's poll would record them, under the same keys), or, for a file with any
 * error or a crash on the way, nothing is.
 */
export async function importIntegrationFile(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  upload: FileUpload,
): Promise<IntegrationImportSummary> {
  requireRole(actor, ["admin", "manager"], "importing a customer file");
  const integration = await storeIntegration(ctx.db, actor, integrationId);
  if (integration.kind !== "file")
    throw new ServiceError(
      "invalid",
      `integration ${integrationId} is a ${integration.kind} integration: a customer file goes into a file integration (kind "file") or into the hub (--to hub)`,
    );
  const now = ctx.clock.now();
  return asFileServiceError(() =>
    ctx.db.transaction(async (tx) => {
      // one import of a file at a time: the second waits for the first, then compares with it
      await tx.query("select pg_advisory_xact_lock(hashtext('file_rows'), $1::int)", [
        integrationId,
      ]);
      await createImportStaging(tx);
      const { rows, digest } = await checkEveryRow(upload, true, async (batch) => {
        await stageRows(
          tx,
          batch.map((row): StagedRow => ({
            row: row.row,
            externalId: row.number!,
            digest: digestOf(row),
            customer: row.customer,
          })),
        );
      });
      const duplicates = await duplicateStagedNumbers(tx, listedProblems);
      if (duplicates.total > 0)
        throw new CustomerFileError(
          "invalid_file",
          duplicates.pairs.map(([row, first]) => ({
            row,
            column: "customer_number",
            message: `the same number as row ${first}`,
          })),
          duplicates.total,
        );
      const counts = await mergeAndRecord(tx, integration, now);
      const gone = await markMissingRows(tx, integrationId, listedProblems);
      const summary = {
        rows,
        added: counts.added,
        changed: counts.changed,
        unchanged: rows - counts.added - counts.changed,
        gone: gone.total,
      };
      await recordFileImport(tx, {
        storeId: actor.storeId,
        integrationId,
        digest,
        ...summary,
        skipped: 0,
        at: now,
      });
      return { ...summary, goneNumbers: gone.numbers };
    }),
  );
}

async function mergeAndRecord(
  tx: Queryable,
  integration: { id: number; options: { fieldMap: Record<string, string> } },
  now: Date,
): Promise<{ added: number; changed: number }> {
  let added = 0;
  let changed = 0;
  for (let after = 0; ;) {
    const { last, merged } = await mergeStagedRows(tx, integration.id, after, chunkRows);
    if (last === null) break;
    after = last;
    const customers: ExternalCustomer[] = merged.map((row) => {
      if (row.added) added++;
      else changed++;
      return fromFileRow(
        {
          id: row.externalId,
          number: row.externalId,
          version: row.version,
          customer: row.customer,
        },
        integration.options.fieldMap,
      );
    });
    // the same events, under the same keys, as the connector's full scan would give capture
    await recordExternalCustomers(tx, integration.id, customers, { via: "poll" }, now);
  }
  return { added, changed };
}
