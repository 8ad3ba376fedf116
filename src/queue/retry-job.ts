import type { Queryable } from "../store/database.ts";

/** A user retries a dead job: it gets a fresh set of attempts. */
export async function retryJob(q: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await q.query(
    `update jobs set state = 'ready', attempts = 0, run_at = $2, updated_at = $2
     where id = $1 and state = 'dead' returning id`,
    [id, now],
  );
  return rows.length === 1;
}
