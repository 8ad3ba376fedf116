import type { Queryable } from "../store/database.ts";

/** Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 15 minutes. */
export function backoffSeconds(attempts: number, random: number = Math.random()): number {
  const base = Math.min(900, 2 ** Math.min(attempts, 10));
  return base / 2 + (base / 2) * random;
}

/**
 * Records a failed attempt. A retryable failure with attempts left goes back to 'ready' after a
 * backoff; anything else is 'dead': kept, visible, and retried only when a user asks.
 * Returns the job's new state.
 */
export async function failJob(
  q: Queryable,
  job: { id: number; workerId: string; attempts: number; maxAttempts: number },
  error: string,
  retryable: boolean,
  now: Date,
): Promise<"ready" | "dead"> {
  const state = retryable && job.attempts < job.maxAttempts ? "ready" : "dead";
  const runAt = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
  await q.query(
    `update jobs set state = $3, last_error = $4, run_at = $5, locked_by = null, locked_until = null, updated_at = $6
     where id = $1 and locked_by = $2`,
    [job.id, job.workerId, state, error, runAt, now],
  );
  return state;
}
