import type { Queryable } from "../store/database.ts";

/**
 * Puts back jobs whose worker's lease ran out (the worker died or hung), so another worker takes
 * them. Jobs past their attempts become dead instead of looping forever.
 */
export async function reclaimExpiredJobs(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query(
    `update jobs set state = case when attempts >= max_attempts then 'dead' else 'ready' end,
                     last_error = coalesce(last_error, 'worker lease expired'),
                     locked_by = null, locked_until = null, updated_at = $1
     where state = 'running' and locked_until < $1 returning id`,
    [now],
  );
  return rows.length;
}
