import type { Queryable } from "../store/database.ts";

/** R11.9: when the store's newest finished job ended (the jobs_finished index), for live views. */
export async function lastFinishedJob(q: Queryable, storeId: number): Promise<string> {
  const [row] = await q.query<{ at: Date | null }>(
    "select max(updated_at) as at from jobs where state = 'done' and store_id = $1",
    [storeId],
  );
  return row?.at ? new Date(row.at).toISOString() : "";
}
