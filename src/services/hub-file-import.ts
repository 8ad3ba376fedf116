import type { FileProblem } from "../connectors/file/customer-file-error.ts";
import type { FileCustomer } from "../connectors/file/customer-file-format.ts";
import type { HubChange } from "../domain/hub-change.ts";
import { normalizeEmail } from "../domain/normalize.ts";
import { contactsHeldInStore } from "../store/clients-table.ts";
import { moveNumbersPast, numbersHeld } from "../store/customer-numbers.ts";
import { earlierImportOf, recordFileImport } from "../store/file-imports-table.ts";
import { recordRunChanges } from "../store/inbox.ts";
import {
  insertPartnerRun,
  setPartnerRunTotal,
  unfinishedRun,
} from "../store/partner-runs-table.ts";
import { readStore } from "../store/stores-table.ts";
import { getPartnerRun, type PartnerRunView } from "./create-partners.ts";
import { asFileServiceError, checkEveryRow, type FileUpload } from "./file-imports.ts";
import { actorLabel, type Actor, type ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

export interface HubImportSummary {
  rows: number;
  /** rows that become hub customers: the run's changes, worked off by the workers */
  queued: number;
  /** rows left out because the hub has them already (a number or an email a customer has) */
  skipped: number;
  /** the first 100 of them, each with its row and why */
  skippedRows: Array<{ row: number; reason: string }>;
  /** the run that creates them (GET /v1/partner-runs/{id}: progress, failures) */
  run: PartnerRunView;
}

const listed = 100;

/**
 * I3: a customer file loaded straight into the hub (a store moving its list into Tandem). Every
 * row is checked first: a file with any error, or with a customer number twice, loads nothing
 * (400, by row and column). A row whose number or email a hub customer has is left out and
 * reported (not created twice); the others become hub customers as a user creates one (audited,
 * sent on to the integrations that push new customers, S2), keeping their numbers: one hub change
 * each, recorded with a run in one transaction and worked off by the engine exactly once (the
 * run's progress shows it). The same file twice is refused, by its digest. Managers and admins.
 * Chosen: imported customers are active (the store's existing customers) and unassigned.
 */
export type HubImportPreview = Omit<HubImportSummary, "run">;

/** What a preview's transaction throws to roll everything back, carrying what it found. */
class PreviewDone extends Error {
  constructor(readonly summary: HubImportPreview) {
    super("preview: rolled back");
  }
}

/**
 * R11.5: the same import checked to its end, every row, and rolled back: what it would load and
 * leave out, or the 400 with every problem by row and column, with nothing saved (the console's
 * preview before the user confirms). Chosen: the same code path as the import, so that a preview
 * cannot pass a file the import refuses; the only trace is the customer-number sequence, which
 * may have moved past the file's numbers (numbers are never reused, so this only skips some).
 */
export async function previewHubFile(
  ctx: ServiceContext,
  actor: Actor,
  upload: FileUpload,
): Promise<HubImportPreview> {
  try {
    await importHubFile(ctx, actor, upload, { preview: true });
  } catch (error) {
    if (error instanceof PreviewDone) return error.summary;
    throw error;
  }
  throw new Error("a preview's transaction was not rolled back");
}

export async function importHubFile(
  ctx: ServiceContext,
  actor: Actor,
  upload: FileUpload,
  options: { preview?: boolean } = {},
): Promise<HubImportSummary> {
  requireRole(actor, ["admin", "manager"], "importing a customer file");
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  const now = ctx.clock.now();
  const by = actorLabel(actor);
  const { runId, ...summary } = await asFileServiceError(() =>
    ctx.db.transaction(async (tx) => {
      // one hub import at a time in a store: the second compares its digest with the first's
      await tx.query("select pg_advisory_xact_lock(hashtext('hub_file_import'), $1::int)", [
        actor.storeId,
      ]);
      // the rows of an import still being worked off are not in the hub yet: a second file now
      // could not see them and would create them twice
      const busy = await unfinishedRun(tx, actor.storeId, "file");
      if (busy !== undefined)
        throw new ServiceError(
          "conflict",
          `file: an earlier file is still being loaded into the hub (run ${busy}, GET /v1/partner-runs/${busy}); load this one when it is done`,
        );
      const id = await insertPartnerRun(tx, {
        storeId: actor.storeId,
        integrationId: null,
        side: "file",
        numberChoice: "keep",
        createdBy: actor.userId,
        createdAt: now,
      });
      const firstRow = new Map<string, number>();
      let queued = 0;
      const skipped: HubImportSummary["skippedRows"] = [];
      let skippedCount = 0;
      const skip = (row: number, reason: string) => {
        skippedCount++;
        if (skipped.length < listed) skipped.push({ row, reason });
      };
      const { rows, digest } = await checkEveryRow(upload, false, async (batch) => {
        const twice: FileProblem[] = [];
        for (const r of batch) {
          if (r.number === null) continue;
          const first = firstRow.get(r.number);
          if (first !== undefined)
            twice.push({
              row: r.row,
              column: "customer_number",
              message: `the same number as row ${first}`,
            });
          else firstRow.set(r.number, r.row);
        }
        if (twice.length > 0) return twice;
        // the rows' numbers are theirs: a row without one, created later, draws past them
        await moveNumbersPast(
          tx,
          actor.storeId,
          batch.map((r) => r.number),
        );
        const held = await numbersHeld(
          tx,
          actor.storeId,
          batch.flatMap((r) => (r.number === null ? [] : [r.number])),
        );
        const emailsOf = (r: FileCustomer) =>
          r.customer.contacts.filter((c) => c.kind === "email").map((c) => normalizeEmail(c.value));
        const heldEmails = await contactsHeldInStore(
          tx,
          actor.storeId,
          "email",
          batch.flatMap(emailsOf),
        );
        const changes: Array<{ key: string; change: HubChange }> = [];
        for (const r of batch) {
          if (r.number !== null && held.has(r.number))
            skip(r.row, `customer_number: ${r.number} is a hub customer's number already`);
          else if (emailsOf(r).some((e) => heldEmails.has(e)))
            skip(r.row, "email: a hub customer has this email already");
          else
            changes.push({
              key: `run:${id}:r${r.row}`,
              change: {
                kind: "client.created",
                storeId: actor.storeId,
                ...(r.number === null ? {} : { customerNumber: r.number }),
                customer: r.customer,
                lifecycle: "active",
                createdBy: actor.userId,
                assignedUserId: null,
                country: store.country,
              },
            });
        }
        queued += await recordRunChanges(tx, id, changes, by, now);
        return [];
      });
      const earlier = await earlierImportOf(tx, actor.storeId, null, digest);
      if (earlier)
        throw new ServiceError(
          "conflict",
          `file: this file was loaded into the hub already (import ${earlier.id}, ${earlier.at.toISOString()}); nothing was loaded again`,
        );
      await setPartnerRunTotal(tx, id, queued);
      await recordFileImport(tx, {
        storeId: actor.storeId,
        integrationId: null,
        digest,
        rows,
        added: queued,
        changed: 0,
        unchanged: 0,
        gone: 0,
        skipped: skippedCount,
        at: now,
      });
      const found = { rows, queued, skipped: skippedCount, skippedRows: skipped };
      if (options.preview) throw new PreviewDone(found);
      return { runId: id, ...found };
    }),
  );
  return { ...summary, run: await getPartnerRun(ctx, actor, runId) };
}
