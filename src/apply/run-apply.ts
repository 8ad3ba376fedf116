import { outboundJobOf } from "../domain/job-payloads.ts";
import { reclaimExpiredJobs } from "../queue/reclaim-expired-jobs.ts";
import type { Db } from "../store/database.ts";
import { outboundKinds, type ApplyOptions } from "./apply-options.ts";
import { createJobPool } from "./job-pool.ts";
import { markLinkError } from "./run-job.ts";

export { outboundKinds, type ApplyOptions } from "./apply-options.ts";

/**
 * Claims up to `limit` due outbound jobs, runs them concurrently (jobs of one link never run
 * together) and waits for all of them: one batch, for a caller that steps the pipeline (tests,
 * one-off runs). A worker keeps a pool that flows instead (job-pool.ts). Every job runs to its end
 * before the first failure (if any) is thrown: one job's trouble never cuts the others' short.
 */
export async function applyDueJobs(options: ApplyOptions, limit: number): Promise<number> {
  const pool = createJobPool(options, { concurrency: limit, perIntegration: limit });
  const claimed = await pool.fill();
  await pool.drain();
  return claimed;
}

/**
 * Takes back jobs whose worker's lease ran out. One that used its last attempt so (its worker died
 * on it every time) is dead, and its customer goes to the error section as after any other last
 * failed attempt. Returns how many jobs were taken back.
 */
export async function reclaimJobs(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const reclaimed = await reclaimExpiredJobs(tx, now);
    for (const job of reclaimed) {
      const payload = outboundJobOf(job.payload);
      if (job.state === "dead" && payload && outboundKinds.includes(payload.kind))
        await markLinkError(
          tx,
          payload,
          `${job.lastError} (its worker stopped during its last attempt)`,
          now,
        );
    }
    return reclaimed.length;
  });
}
