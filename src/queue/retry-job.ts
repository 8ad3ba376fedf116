import type { Queryable } from "../store/database.ts";
import {
  expectAllMoved,
  guardParams,
  guardSql,
  noneRefused,
  targetState,
} from "./job-state-machine.ts";

/**
 * A dead job gets a fresh set of attempts and runs again at once. Throws JobStateError
 * ("job_not_in_state") for a job that is not dead: a retry never restarts live or finished work.
 */
export async function retryJob(q: Queryable, id: number, now: Date): Promise<void> {
  const rows = await q.query(
    `${guardSql}
     update jobs set state = $4, attempts = 0, run_at = $5, updated_at = $5
     where id = any($1::bigint[]) and ${noneRefused} returning id`,
    [...guardParams("retry", [id], null), targetState("retry", "ready"), now],
  );
  await expectAllMoved(q, "retry", [id], null, rows.length);
}
