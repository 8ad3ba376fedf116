import type { Queryable } from "../store/database.ts";

/**
 * R12.7: deletes up to `limit` finished jobs that finished before `finishedBefore` and were added
 * before `addedBefore` (the F11 window: a write whose answer may have been lost is still looked
 * up by the merge). Jobs still to do, running or dead (waiting for a user) are never deleted.
 * Returns how many went; fewer than `limit` means none are left to prune.
 */
export async function pruneJobs(
  q: Queryable,
  cutoff: { finishedBefore: Date; addedBefore: Date },
  limit: number,
): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `with doomed as (
       select id, store_id from jobs
       -- done is final: no transition leaves it (job-state-machine.ts)
       where state = 'done' and updated_at < $1 and created_at < $2
       order by updated_at limit $3
       for update skip locked
     ), deleted as (
       delete from jobs j using doomed d where j.id = d.id and j.store_id = d.store_id returning 1
     )
     select count(*)::int as n from deleted`,
    [cutoff.finishedBefore, cutoff.addedBefore, limit],
  );
  return row?.n ?? 0;
}
