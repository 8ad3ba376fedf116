import type { Queryable } from "../store/database.ts";

/** S11: whether a queue (one link's writes) holds a dead job, which keeps its link in error until retried. */
export async function hasDeadJob(q: Queryable, queueKey: string): Promise<boolean> {
  const rows = await q.query("select 1 from jobs where queue_key = $1 and state = 'dead' limit 1", [
    queueKey,
  ]);
  return rows.length > 0;
}
