import { unansweredWindowMs } from "../domain/unanswered-window.ts";
import { pruneJobs } from "../queue/prune-jobs.ts";
import type { Db } from "../store/database.ts";
import { pruneInboxStep } from "../store/change-events-table.ts";

/** R12.7: how long finished work is kept, in days per table; 0 keeps it for good. */
export interface Retention {
  /** processed inbox events (change_events) */
  eventsDays: number;
  /** finished jobs (never fewer than the F11 window of a day) */
  jobsDays: number;
}

export const defaultRetention: Retention = { eventsDays: 30, jobsDays: 30 };

export interface PruneCounts {
  events: number;
  jobs: number;
}

const dayMs = 24 * 3600 * 1000;

/**
 * R12.7: prunes processed inbox events and finished jobs older than their retention, in chunks,
 * a pass at a time. A worker calls `step` from its scheduler loop: a step does at most
 * `chunksPerStep` statements (so a first pass over a large backlog never holds the loop up for
 * long) and a finished pass makes the next one due `everyMs` later. The audit history is never
 * pruned. What each table keeps however old: change-events-table.ts (`pruneInboxStep`) and
 * prune-jobs.ts.
 */
export function createPruner(
  db: Db,
  retention: Retention,
  options: { chunk?: number; chunksPerStep?: number; everyMs?: number } = {},
) {
  const chunk = options.chunk ?? 5000;
  const chunksPerStep = options.chunksPerStep ?? 10;
  const everyMs = options.everyMs ?? 3600_000;
  let dueAt = 0;
  /** the pass under way: where its inbox part has got to, and which parts are done */
  let pass: { after: number; eventsDone: boolean; jobsDone: boolean } | undefined;

  return {
    /**
     * Prunes a part of the pass under way, or starts one if due. Returns what went and whether
     * the pass is over (`finished`), or undefined when no pass was due.
     */
    async step(now: Date): Promise<(PruneCounts & { finished: boolean }) | undefined> {
      if (!pass && now.getTime() < dueAt) return undefined;
      pass ??= {
        after: 0,
        eventsDone: retention.eventsDays === 0,
        jobsDone: retention.jobsDays === 0,
      };
      const counts: PruneCounts = { events: 0, jobs: 0 };
      const eventsBefore = new Date(now.getTime() - retention.eventsDays * dayMs);
      const jobsBefore = {
        finishedBefore: new Date(now.getTime() - retention.jobsDays * dayMs),
        addedBefore: new Date(
          now.getTime() - Math.max(retention.jobsDays * dayMs, unansweredWindowMs),
        ),
      };
      for (let n = 0; n < chunksPerStep && !(pass.eventsDone && pass.jobsDone); n++) {
        if (!pass.eventsDone) {
          const step = await pruneInboxStep(db, eventsBefore, pass.after, chunk);
          counts.events += step.pruned;
          pass.after = step.last ?? pass.after;
          pass.eventsDone = step.last === null;
        } else {
          const pruned = await pruneJobs(db, jobsBefore, chunk);
          counts.jobs += pruned;
          pass.jobsDone = pruned < chunk;
        }
      }
      const finished = pass.eventsDone && pass.jobsDone;
      if (finished) {
        pass = undefined;
        dueAt = now.getTime() + everyMs;
      }
      return { ...counts, finished };
    },
  };
}

/** `tandem prune`: one whole pass, now. */
export async function pruneFinishedWork(
  db: Db,
  retention: Retention,
  now: Date,
): Promise<PruneCounts> {
  const pruner = createPruner(db, retention);
  const total: PruneCounts = { events: 0, jobs: 0 };
  for (;;) {
    const step = await pruner.step(now);
    if (!step) return total;
    total.events += step.events;
    total.jobs += step.jobs;
    if (step.finished) return total;
  }
}
