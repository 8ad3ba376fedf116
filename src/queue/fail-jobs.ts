import type { Queryable } from "../store/database.ts";
import {
  expectAllMoved,
  guardParams,
  guardSql,
  noneRefused,
  targetState,
  type JobState,
} from "./job-state-machine.ts";

/** Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 15 minutes. */
export function backoffSeconds(attempts: number, random: number = Math.random()): number {
  const base = Math.min(900, 2 ** Math.min(attempts, 10));
  return base / 2 + (base / 2) * random;
}

export interface FailedAttempt {
  id: number;
  attempts: number;
  maxAttempts: number;
  error: string;
  retryable: boolean;
}

/**
 * Records failed attempts, many in one statement. A retryable failure with attempts left goes
 * back to 'ready' after a backoff; anything else is 'dead': kept, visible, and retried only when
 * a user asks. Returns each job's new state, in order. Only the worker holding the jobs' lease
 * may: if another worker took one over (its lease ran out), this throws JobStateError and records
 * nothing, and the caller must not act on a state the job is not in.
 */
export async function failJobs(
  q: Queryable,
  workerId: string,
  attempts: readonly FailedAttempt[],
  now: Date,
): Promise<Array<"ready" | "dead">> {
  if (attempts.length === 0) return [];
  const ids = attempts.map((a) => a.id);
  const states = attempts.map((a) =>
    a.retryable && a.attempts < a.maxAttempts ? ("ready" as const) : ("dead" as const),
  );
  const rows = await q.query(
    `${guardSql}
     update jobs set state = r.state, last_error = r.error, run_at = r.run_at,
                     locked_by = null, locked_until = null, updated_at = $4
     from unnest($1::bigint[], $5::text[], $6::text[], $7::timestamptz[]) as r(id, state, error, run_at)
     where jobs.id = r.id and ${noneRefused}
     returning jobs.id`,
    [
      ...guardParams("fail", ids, workerId),
      now,
      states.map((s): JobState => targetState("fail", s)),
      attempts.map((a) => a.error),
      attempts.map((a) => new Date(now.getTime() + backoffSeconds(a.attempts) * 1000)),
    ],
  );
  await expectAllMoved(q, "fail", ids, workerId, rows.length);
  return states;
}

/** failJobs for one job: returns its new state. */
export async function failJob(
  q: Queryable,
  job: { id: number; workerId: string; attempts: number; maxAttempts: number },
  error: string,
  retryable: boolean,
  now: Date,
): Promise<"ready" | "dead"> {
  const { workerId, ...attempt } = job;
  const [state] = await failJobs(q, workerId, [{ ...attempt, error, retryable }], now);
  return state!;
}
