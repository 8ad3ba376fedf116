import type { Queryable } from "../store/database.ts";

/**
 * Marks a claimed job done. Only the worker holding the lease may: if the lease expired and
 * another worker took the job over, this returns false and the caller must roll back its work.
 * A done job keeps `locked_by`: the worker that finished it, for operators (and the tests that
 * show several workers share the work).
 */
export async function completeJob(
  q: Queryable,
  job: { id: number; workerId: string },
  result: unknown,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update jobs set state = 'done', result = $3, locked_until = null, updated_at = $4
     where id = $1 and locked_by = $2 and state = 'running' returning id`,
    [job.id, job.workerId, JSON.stringify(result ?? null), now],
  );
  return rows.length === 1;
}
