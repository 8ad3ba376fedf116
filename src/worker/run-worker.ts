import { randomUUID } from "node:crypto";
import { createJobPool } from "../apply/job-pool.ts";
import { reclaimJobs } from "../apply/run-apply.ts";
import { renewJobLeases } from "../queue/renew-job-leases.ts";
import { renewPollLeases, type PollFeed } from "../store/poll-cursors-table.ts";
import { scheduleOnboardingAssignments } from "../scheduler/onboarding-assignment.ts";
import { releaseDueSalesBatches } from "../scheduler/sales-batches.ts";
import { startMemoryGuard } from "./memory-guard.ts";
import { fireDueSalesTriggers } from "../scheduler/sales-triggers.ts";
import {
  createPruner,
  defaultRetention,
  type Retention,
} from "../scheduler/prune-finished-work.ts";
import { pollIntegration } from "../capture/poll-integration.ts";
import type { ConnectorResolver } from "../connectors/kit/connector.ts";
import type { Clock } from "../domain/clock.ts";
import { createEngineLoop } from "../engine/run-engine.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../store/database.ts";
import { analyzeInbox } from "../store/change-events-table.ts";
import { listIntegrations } from "../store/integrations-table.ts";
import { isSecretKeyError } from "../store/store-error.ts";
import { wakeChannels } from "../store/wake-ups.ts";

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  resolveConnector: ConnectorResolver;
  log: Logger;
  workerId?: string;
  /**
   * how long a claimed job or a poll is this worker's without a heartbeat before others may take
   * it over (R12.1, R12.6); the heartbeat renews it every third of that while the work goes on
   */
  leaseSeconds?: number;
  /** pause when a loop finds nothing to do */
  idleMs?: number;
  /** outbound jobs run at once (default 16) */
  concurrency?: number;
  /** outbound jobs of one integration run at once (R12.2; default half of `concurrency`) */
  perIntegration?: number | undefined;
  /**
   * inbox events the engine claims and merges per transaction (R8.5); 1 is one at a time. By
   * default 500 on PostgreSQL and 250 on the embedded store, whose API, worker and database share
   * one process's memory (with memory-guard.ts, which keeps it under 512 MB: the peaks are the
   * JavaScript heap's, just before a collection; 500 had reached 513 and 540 MB without the guard)
   */
  engineBatchSize?: number;
  /** R12.7: how long processed inbox events and finished jobs are kept (pruned every hour) */
  retention?: Retention;
  /**
   * called once when the worker stopped itself on an error no retry can fix (a secret key that
   * does not open the credentials); the process should exit
   */
  onFatal?: (error: Error) => void;
}

export interface RunningWorker {
  workerId: string;
  stop(): Promise<void>;
}

/**
 * A worker runs the three stages side by side, each as its own loop: capture (polls), engine
 * (inbox -> hub, outbox) and apply (outbox -> external systems), plus the reclaiming of jobs
 * whose worker died. Any number of workers may share one PostgreSQL; they coordinate only
 * through row locks and leases in the database.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const idleMs = options.idleMs ?? 100;
  const log = options.log.child({ workerId });
  // the embedded store's process holds the database too: it collects its garbage before it grows
  // past what the process may hold (memory-guard.ts)
  const stopMemoryGuard =
    options.db.engine === "pglite"
      ? startMemoryGuard({ thresholdMb: 448, checkMs: 500, minGapMs: 2000 })
      : () => undefined;
  let running = true;
  const wakers = new Set<() => void>();
  /** a loop's waker while it sleeps */
  const sleeping = new Map<string, () => void>();
  /** loops told of new work while they were busy: their next sleep ends at once */
  const nudged = new Set<string>();
  const sleep = (ms: number, name?: string) =>
    new Promise<void>((resolve) => {
      // a step that ends after stop() woke the sleepers must not go to sleep itself
      if (!running) return resolve();
      if (name !== undefined && nudged.delete(name)) return resolve();
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        if (name !== undefined && sleeping.get(name) === wake) sleeping.delete(name);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
      if (name !== undefined) sleeping.set(name, wake);
    });
  /** new work for a loop (a notification): it starts now, or right after its current step */
  const nudge = (name: string) => {
    const wake = sleeping.get(name);
    if (wake) wake();
    else nudged.add(name);
  };

  // A loop whose step keeps failing (the database is away) waits longer each time, 1 s up to
  // 30 s, so it neither spins nor floods the log; one step that works resets the wait.
  const loop = async (name: string, step: () => Promise<boolean>, pauseMs: number) => {
    let failures = 0;
    while (running) {
      try {
        // a nudge from before this step is answered by it; one during it runs the next at once
        nudged.delete(name);
        const moved = await step();
        failures = 0;
        if (!moved) await sleep(pauseMs, name);
        // Let timers and I/O in: with the embedded store a busy loop might otherwise never yield
        // (its queries can complete without a trip through the event loop), starving the API.
        else await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        if (isSecretKeyError(error)) return stopForGood(error);
        failures += 1;
        const waitMs = Math.min(30_000, 1000 * 2 ** (failures - 1));
        log.error(
          { loop: name, err: error, failures, waitMs },
          `${name} failed; retrying in ${waitMs / 1000} s`,
        );
        await sleep(waitMs);
      }
    }
  };

  let fatal: Error | undefined;
  const stopForGood = (error: Error) => {
    if (fatal) return;
    fatal = error;
    running = false;
    for (const wake of [...wakers]) wake();
    log.fatal({ reason: error.message }, "worker stopped: a retry cannot fix this");
    options.onFatal?.(error);
  };

  const leaseSeconds = options.leaseSeconds ?? 15;
  const applyOptions = {
    db: options.db,
    clock: options.clock,
    workerId,
    resolveConnector: options.resolveConnector,
    leaseSeconds,
  };
  const concurrency = options.concurrency ?? 16;
  // R12.2: jobs flow through a pool; a slot that comes free is filled at once
  const pool = createJobPool(
    applyOptions,
    {
      concurrency,
      perIntegration: Math.min(
        concurrency,
        options.perIntegration ?? Math.max(1, Math.floor(concurrency / 2)),
      ),
    },
    {
      onSettled: () => nudge("apply"),
      // one job's failed bookkeeping is told and left to its lease; the pool keeps flowing
      onFailure: (error, job) => {
        if (isSecretKeyError(error)) return stopForGood(error);
        log.error(
          { job: job.id, err: error },
          "a job's end could not be written; its lease brings it back",
        );
      },
    },
  );
  const pruner = createPruner(options.db, options.retention ?? defaultRetention);
  /** the feeds this worker is polling (R12.6: its heartbeat renews their leases) */
  const polling = new Set<PollFeed>();
  const pollOptions = {
    db: options.db,
    resolveConnector: options.resolveConnector,
    now: () => options.clock.now(),
    holder: workerId,
    leaseSeconds,
    polling,
  };
  /**
   * R12.1, R12.6: the heartbeat. The leases of the jobs and polls this worker is at run a whole
   * lease from now again; one it no longer holds (taken over while this worker was stalled) is
   * left to its new holder, whose bookkeeping stands (this worker's is refused). Jobs and polls
   * are renewed apart, so a failure of one does not cost the other its renewal.
   */
  const renew = async () => {
    const now = options.clock.now();
    const [jobs, polls] = await Promise.allSettled([
      renewJobLeases(options.db, workerId, pool.held(), now, leaseSeconds),
      renewPollLeases(options.db, workerId, [...polling], now, leaseSeconds),
    ]);
    for (const result of [jobs, polls]) if (result.status === "rejected") throw result.reason;
  };
  // Its own timer, on a fixed cadence: never the loops' backoff after failures (up to 30 s, longer
  // than a lease), and on through stop() until the jobs under way have ended.
  let beating: Promise<void> | undefined;
  const beat = () => {
    if (beating) return; // the last one is still at it (a slow database): it renews for both
    beating = renew()
      .catch((error: unknown) => log.warn({ err: error }, "could not renew this worker's leases"))
      .finally(() => (beating = undefined));
  };
  const heartbeat = setInterval(beat, (leaseSeconds * 1000) / 3);

  // The engine holds back an event whose outcome it cannot record, so one event never stops it.
  const engine = createEngineLoop(options.db, options.clock, log, {
    batchSize: options.engineBatchSize ?? (options.db.engine === "pglite" ? 250 : 500),
  });
  // R8.5: the inbox's statistics are refreshed each time it has grown by its own size (and by
  // 1,000 at least) since this worker last did it, so the engine's claim stays an index scan
  const inbox = { size: 0, grown: 0 };
  const inboxGrew = async (recorded: number) => {
    inbox.grown += recorded;
    if (inbox.grown < Math.max(1000, inbox.size)) return;
    inbox.grown = 0;
    inbox.size = await analyzeInbox(options.db);
  };
  const loops = [
    // a step that took all that was due (fewer than it could) waits for the next wake-up
    loop("engine", async () => (await engine.step()) && engine.mayHaveMore(), idleMs),
    // fills the free slots and sleeps: a job that ends wakes it (nudge), so does a new job
    loop(
      "apply",
      async () => {
        await pool.fill();
        return false;
      },
      idleMs,
    ),
    loop(
      "poll",
      async () => {
        let moved = false;
        for (const integration of await listIntegrations(options.db)) {
          if (!running) break; // stopping: the next worker polls on from the stored cursor
          if (!integration.enabled) continue;
          try {
            const recorded = await pollIntegration(pollOptions, integration);
            if (recorded) log.info({ integration: integration.id, recorded }, "polled changes");
            // a feed with more to fetch is due again at once (onboarding): poll on without a pause
            if (recorded) moved = true;
            if (recorded) await inboxGrew(recorded);
          } catch (error) {
            if (isSecretKeyError(error)) throw error;
            log.warn({ integration: integration.id, err: error }, "poll failed");
          }
        }
        return moved;
      },
      1000,
    ),
    loop(
      "scheduler",
      async () => {
        const now = options.clock.now();
        const onboarding = await scheduleOnboardingAssignments(options.db, now);
        if (onboarding > 0) {
          log.info({ integrations: onboarding }, "onboarding assignment (A4) handed to the engine");
          await inboxGrew(onboarding);
        }
        const sales = await releaseDueSalesBatches(options.db, now);
        if (sales > 0) {
          log.info({ sales }, "a sales batch (T1) let through to the engine");
          await inboxGrew(sales);
        }
        const tasks = await fireDueSalesTriggers(options.db, now);
        if (tasks > 0) log.info({ tasks }, "sales triggers (T4) made follow-up tasks");
        const pruned = await pruner.step(now);
        if (pruned && pruned.events + pruned.jobs > 0)
          log.info(
            { events: pruned.events, jobs: pruned.jobs },
            "pruned processed inbox events and finished jobs past their retention (R12.7)",
          );
        // a pass over a backlog goes on at the next step, at once
        return pruned !== undefined && !pruned.finished;
      },
      // windows are minutes apart at the least: a batch starts within 5 s of its time
      5000,
    ),
    loop(
      "reclaim",
      async () => {
        // this worker's own leases first: after a stall of this process (a long synchronous
        // query of the embedded store) it must not take back the jobs it is still running
        await renew();
        const reclaimed = await reclaimJobs(options.db, options.clock.now());
        if (reclaimed > 0) log.warn({ reclaimed }, "took back jobs whose worker's lease ran out");
        return false;
      },
      Math.min(5000, (leaseSeconds * 1000) / 3),
    ),
  ];
  // Inbox events and jobs wake their loop at once (store/wake-ups.ts); the idle pause above is
  // only how long a loop waits when a wake-up is missed (a notification lost while the listening
  // connection is made again, a job whose retry time comes).
  const listening = Promise.all([
    options.db.listen(wakeChannels.inbox, () => nudge("engine")),
    options.db.listen(wakeChannels.jobs, () => nudge("apply")),
  ]).catch((error: unknown) => {
    log.warn({ err: error }, "could not listen for new work; looking for it every pause instead");
    return [];
  });
  log.info("worker started");

  return {
    workerId,
    async stop() {
      running = false;
      stopMemoryGuard();
      for (const wake of [...wakers]) wake();
      // the loops end their step (a poll its page, the engine its batch) and the jobs under way
      // finish (each has its partner's timeouts); the heartbeat renews their leases meanwhile, so
      // nobody takes them over, and stops once their ends are written
      await Promise.all(loops);
      try {
        await pool.drain();
      } catch (error) {
        log.warn({ err: error }, "a job's end could not be written; its lease brings it back");
      } finally {
        clearInterval(heartbeat);
        await beating;
      }
      await Promise.all((await listening).map((unlisten) => unlisten()));
      log.info("worker stopped");
    },
  };
}
