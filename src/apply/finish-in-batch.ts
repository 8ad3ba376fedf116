import type { Clock } from "../domain/clock.ts";
import { completeJobs } from "../queue/complete-jobs.ts";
import { failJobs, type FailedAttempt } from "../queue/fail-jobs.ts";
import { isJobStateError } from "../queue/job-state-machine.ts";
import type { Db } from "../store/database.ts";

/**
 * Bookkeeping of a claimed batch that touches only the queue, left for one statement per kind
 * at the end of the batch: jobs that finished with nothing to record (a message written to the
 * partner's activity, a write superseded before sending, a link gone) and failed attempts that
 * will be retried after a backoff (a partner that is down fails the whole batch). A job with a
 * record (the link, the base, the answer as a change event) still commits it with its "done"
 * mark in a transaction of its own: one transaction holding several jobs' records would lock
 * several links and inbox keys in an order the engine and capture do not share (deadlocks).
 */
export interface QueueOnlyBookkeeping {
  done: Array<{ id: number; result: unknown }>;
  retryLater: FailedAttempt[];
}

/** The queue refused to move a job this worker claimed: its lease ran out and another worker took it. */
export const lostTheJob = (error: unknown) =>
  isJobStateError(error, "job_lease_not_held", "job_not_in_state");

/**
 * Marks the batch's jobs done and its failed attempts ready again, one statement each. The queue
 * moves all of a statement's jobs or none: if it refuses one (another worker took it over after
 * this worker's lease ran out), each job is finished on its own instead, so a lost job records
 * nothing and the others still finish.
 */
export async function finishInBatch(
  db: Db,
  clock: Clock,
  workerId: string,
  batch: QueueOnlyBookkeeping,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await completeJobs(tx, workerId, batch.done, clock.now());
      await failJobs(tx, workerId, batch.retryLater, clock.now());
    });
    return;
  } catch (error) {
    if (!lostTheJob(error)) throw error;
  }
  const alone = [
    ...batch.done.map((job) => () => completeJobs(db, workerId, [job], clock.now())),
    ...batch.retryLater.map((attempt) => () => failJobs(db, workerId, [attempt], clock.now())),
  ];
  for (const finish of alone)
    await finish().catch((error: unknown) => {
      if (!lostTheJob(error)) throw error;
    });
}
