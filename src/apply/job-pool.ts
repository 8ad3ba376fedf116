import { claimJobs, type ClaimedJob } from "../queue/claim-jobs.ts";
import { outboundKinds, type ApplyOptions } from "./apply-options.ts";
import { finishInBatch, type QueueOnlyBookkeeping } from "./finish-in-batch.ts";
import { runJob } from "./run-job.ts";

export interface PoolLimits {
  /** jobs run at once */
  concurrency: number;
  /** jobs of one integration run at once (R12.2: a hanging partner takes this many slots at most) */
  perIntegration: number;
  /**
   * R12.1: how long the heartbeat keeps a job this worker is still at (default 10 minutes). Every
   * partner call has a timeout and bounded retries, so an attempt ends long before; one that has
   * not (a hang no timeout caught) is given up to the lease, and another worker takes the job.
   */
  maxHoldMs?: number;
}

/** What the pool does with a job whose run threw (its bookkeeping failed): by default fill throws it. */
export type JobFailureHandler = (error: unknown, job: ClaimedJob) => void;

/**
 * R12.2: a worker's outbound jobs as a pool that flows: each time `fill` is called it records the
 * ends of jobs that finished since, claims due jobs for the free slots and starts them, without
 * waiting for any. A job that hangs holds its own slot and nothing else; `onSettled` tells the
 * caller a slot came free (run-worker.ts then fills it at once).
 */
export interface JobPool {
  /** records what finished, then claims and starts jobs for the free slots; returns how many */
  fill(): Promise<number>;
  /**
   * R12.1: the jobs this worker holds: running, or finished with their end not yet written. The
   * worker's heartbeat renews their leases.
   */
  held(): number[];
  /** waits for every running job and records their ends; throws the first job's failure, if any */
  drain(): Promise<void>;
}

const defaultMaxHoldMs = 10 * 60_000;

export function createJobPool(
  options: ApplyOptions,
  limits: PoolLimits,
  events: { onSettled?: () => void; onFailure?: JobFailureHandler } = {},
): JobPool {
  const running = new Map<number, { job: ClaimedJob; settled: Promise<void>; since: number }>();
  // Ends that touch only the queue are written together, at the next fill (finish-in-batch.ts):
  // one statement for many jobs, and before the next claim, which may then take the next job of
  // the same link.
  const batch: QueueOnlyBookkeeping = { done: [], retryLater: [] };
  /** ends being written now (still held: the heartbeat renews them until they are written) */
  let recording: number[] = [];
  /** jobs whose run threw (a bookkeeping failure, a secret key that does not open): for fill */
  const failures: unknown[] = [];
  const onFailure: JobFailureHandler = events.onFailure ?? ((error) => void failures.push(error));
  const maxHoldMs = limits.maxHoldMs ?? defaultMaxHoldMs;

  const record = async () => {
    if (batch.done.length + batch.retryLater.length === 0) return;
    const ends = { done: batch.done.splice(0), retryLater: batch.retryLater.splice(0) };
    recording = [...ends.done.map((j) => j.id), ...ends.retryLater.map((j) => j.id)];
    // if this fails, the jobs stay claimed until their lease runs out (no heartbeat renews them
    // now) and another worker, or this one, takes them again
    try {
      await finishInBatch(options.db, options.clock, options.workerId, ends);
    } finally {
      recording = [];
    }
  };
  const throwFailure = () => {
    if (failures.length > 0) throw failures.splice(0)[0];
  };

  return {
    async fill() {
      await record();
      throwFailure();
      const free = limits.concurrency - running.size;
      if (free <= 0) return 0;
      const byIntegration = new Map<number | null, number>();
      for (const { job } of running.values())
        byIntegration.set(job.integrationId, (byIntegration.get(job.integrationId) ?? 0) + 1);
      const jobs = await options.db.transaction((tx) =>
        claimJobs(tx, {
          workerId: options.workerId,
          limit: free,
          leaseSeconds: options.leaseSeconds,
          now: options.clock.now(),
          kinds: outboundKinds,
          perIntegration: limits.perIntegration,
          rooms: [...byIntegration].map(([integrationId, n]) => ({
            integrationId,
            room: limits.perIntegration - n,
          })),
        }),
      );
      for (const job of jobs) {
        // a job whose run throws is no longer held: its lease brings it back (reclaim)
        const settled = runJob(options, job, batch)
          .catch((error: unknown) => onFailure(error, job))
          .finally(() => {
            running.delete(job.id);
            events.onSettled?.();
          });
        running.set(job.id, { job, settled, since: Date.now() });
      }
      return jobs.length;
    },
    held: () => [
      ...[...running.values()].filter((r) => Date.now() - r.since < maxHoldMs).map((r) => r.job.id),
      ...recording,
      ...batch.done.map((j) => j.id),
      ...batch.retryLater.map((j) => j.id),
    ],
    async drain() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.settled));
      await record();
      throwFailure();
    },
  };
}
