import type { Queryable } from "../store/database.ts";
import {
  expectAllMoved,
  guardParams,
  guardSql,
  noneRefused,
  targetState,
} from "./job-state-machine.ts";

/**
 * Marks claimed jobs done, many in one statement. Only the worker holding their lease may: if a
 * lease ran out and another worker took that job over, this throws JobStateError
 * ("job_lease_not_held", or "job_not_in_state" once the other finished it) and marks none of
 * them, so the caller rolls back its work. A done job keeps `locked_by`: the worker that finished
 * it, for operators (and the tests that show several workers share the work). Its `last_error`
 * goes (R12.4): an earlier attempt's failure is not what the job ended with.
 */
export async function completeJobs(
  q: Queryable,
  workerId: string,
  jobs: ReadonlyArray<{ id: number; result: unknown }>,
  now: Date,
): Promise<void> {
  if (jobs.length === 0) return;
  const ids = jobs.map((j) => j.id);
  const rows = await q.query(
    `${guardSql}
     update jobs set state = $4, result = r.result, last_error = null, locked_until = null,
                     updated_at = $5
     from unnest($1::bigint[], $6::jsonb[]) as r(id, result)
     where jobs.id = r.id and ${noneRefused}
     returning jobs.id`,
    [
      ...guardParams("complete", ids, workerId),
      targetState("complete", "done"),
      now,
      jobs.map((j) => JSON.stringify(j.result ?? null)),
    ],
  );
  await expectAllMoved(q, "complete", ids, workerId, rows.length);
}

/** completeJobs for one job. */
export function completeJob(
  q: Queryable,
  job: { id: number; workerId: string },
  result: unknown,
  now: Date,
): Promise<void> {
  return completeJobs(q, job.workerId, [{ id: job.id, result }], now);
}
