// The queue's own speed (issue 8, "Queue: jobs claimed and completed per second, single and
// batched"): bench/run.ts calls queueThroughput on each store.
import { addJobs } from "../src/queue/add-job.ts";
import { claimJobs } from "../src/queue/claim-jobs.ts";
import { completeJobs } from "../src/queue/complete-jobs.ts";
import type { Db } from "../src/store/database.ts";
import { insertStore } from "../src/store/stores-table.ts";

export interface QueueWorkload {
  /** jobs to queue, then claim and complete */
  jobs: number;
  /** jobs per claim and per completion: 1 is one at a time, as a job per transaction */
  batch: number;
}

/**
 * Jobs claimed and completed per second by one worker, `batch` at a time: one statement claims a
 * batch (with its lease), one marks it done. Each job has its own queue_key, as outbound jobs of
 * different links do, so the claim pays for its per-key order check. The jobs are queued (in
 * batches of 1,000) and analyzed before the clock starts, and left done in `db` (use a fresh schema).
 */
export async function queueThroughput(db: Db, workload: QueueWorkload): Promise<number> {
  const runAt = new Date(Date.now() - 1000);
  const storeId = await insertStore(db, { name: "Queue bench", timeZone: "UTC", country: "US" });
  for (let i = 0; i < workload.jobs; i += 1000)
    await addJobs(
      db,
      Array.from({ length: Math.min(1000, workload.jobs - i) }, (_, k) => ({
        storeId,
        kind: "bench.job",
        payload: { n: i + k },
        queueKey: `bench:${i + k}`,
        runAt,
      })),
    );
  // Statistics as autovacuum would have them a minute later: on a table just filled the planner
  // sorts every ready job per claim instead of walking the jobs_ready index (issue 8 report).
  await db.query("analyze jobs");
  const workerId = `bench-${process.pid}`;
  const start = performance.now();
  let done = 0;
  while (done < workload.jobs) {
    const now = new Date();
    const claimed = await claimJobs(db, { workerId, limit: workload.batch, leaseSeconds: 60, now });
    if (claimed.length === 0)
      throw new Error(`queue bench: ${workload.jobs - done} jobs not claimable`);
    await completeJobs(
      db,
      workerId,
      claimed.map((j) => ({ id: j.id, result: "done" })),
      now,
    );
    done += claimed.length;
  }
  return done / ((performance.now() - start) / 1000);
}
