import type { Queryable } from "../store/database.ts";
import { sqlStates, unfinishedJobStates } from "./job-state-machine.ts";

/** Whether a queue (one link's work) already holds an unfinished job of this kind (a partner.create). */
export async function hasPendingJob(
  q: Queryable,
  queueKey: string,
  kind: string,
): Promise<boolean> {
  const rows = await q.query(
    `select 1 from jobs where queue_key = $1 and kind = $2 and state in ${sqlStates(unfinishedJobStates)} limit 1`,
    [queueKey, kind],
  );
  return rows.length > 0;
}
