import type { Queryable } from "../store/database.ts";

/** Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 15 minutes. */
export function backoffSeconds(attempts: number, random: number = Math.random()): number {
  const base = Math.min(900, 2 ** Math.min(attempts, 10));
  return base / 2 + (base / 2) * random;
}

/**
 * Records a failed attempt. A retryable failure with attempts left goes back to 'ready' after a
 * backoff; anything else is 'dead': kept, visible, and retried only when a user asks.
 * Returns the job's new state, or undefined when this worker no longer holds the job (its lease
 * ran out and another worker took it over): then nothing is recorded, and the caller must not act
 * on a state the job is not in.
 */
export async function failJob(
  q: Queryable,
  job: { id: number; workerId: string; attempts: number; maxAttempts: number },
  error: string,
  retryable: boolean,
  now: Date,
): Promise<"ready" | "dead" | undefined> {
  const state = retryable && job.attempts < job.maxAttempts ? "ready" : "dead";
  const runAt = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
  const rows = await q.query(
    `update jobs set state = $3, last_error = $4, run_at = $5, locked_by = null, locked_until = null, updated_at = $6
     where id = $1 and locked_by = $2 and state = 'running' returning id`,
    [job.id, job.workerId, state, error, runAt, now],
  );
  return rows.length === 1 ? state : undefined;
}
