import type { Queryable } from "../store/database.ts";
import {
  expectAllMoved,
  guardParams,
  guardSql,
  noneRefused,
  targetState,
} from "./job-state-machine.ts";

/**
 * Closes a dead job that a user retried by queuing fresh work (its stored values may be stale):
 * the retry is new work, not this job again. Throws JobStateError for a job that is not dead.
 */
export async function closeDeadJob(q: Queryable, id: number, now: Date): Promise<void> {
  const rows = await q.query(
    `${guardSql}
     update jobs set state = $4, result = '"retried by a user"', updated_at = $5
     where id = any($1::bigint[]) and ${noneRefused} returning id`,
    [...guardParams("close", [id], null), targetState("close", "done"), now],
  );
  await expectAllMoved(q, "close", [id], null, rows.length);
}
