import { skippedNotSynced } from "./change-events-table.ts";
import type { Queryable } from "./database.ts";

/** Where a pruning pass of the inbox has got to: the last event looked at, in processing order. */
export interface InboxPruneMark {
  processedAt: Date;
  id: number;
}

/**
 * R12.7: one step of pruning the inbox. Looks at up to `limit` events processed before `cutoff`,
 * in the order they were processed, after `after`, and deletes those no longer needed (the
 * change_events_processed index: a step reads old events only, however large the inbox). Kept, however old:
 * - events not processed: waiting, failing, or sales held for their batch (T1);
 * - events parked as failed (listed until a user retries them, R7.1);
 * - sales skipped while their customer did not sync (taken up again when it does, F6);
 * - the changes of a partner run or file import (the run's progress and report count them, S6);
 * - the newest event of each external record (its highest version): its key is what recognises
 *   a redelivery, or an unchanged row of a file read again, as a duplicate (S4).
 * Returns the last event looked at (the next step's `after`; null when no more are left) and how
 * many went.
 */
export async function pruneInboxStep(
  q: Queryable,
  cutoff: Date,
  after: InboxPruneMark | null,
  limit: number,
): Promise<{ last: InboxPruneMark | null; pruned: number }> {
  const [row] = await q.query<{
    last_at: Date | null;
    last_id: number | null;
    looked: number;
    n: number;
  }>(
    `with looked as (
       select id, store_id, integration_id, external_id, kind, version, run_id, outcome, processed_at
       from change_events
       where processed_at < $2
         and ($1::timestamptz is null or (processed_at, id) > ($1::timestamptz, $5::bigint))
       order by processed_at, id limit $3
     ), doomed as (
       select l.id, l.store_id from looked l
       where l.run_id is null and coalesce(l.outcome, '') not in ('failed', $4)
         and (l.external_id is null or exists (
               select 1 from change_events n
               where n.integration_id = l.integration_id and n.external_id = l.external_id
                 and split_part(n.kind, '.', 1) = split_part(l.kind, '.', 1)
                 -- newer: a later version, or the same one recorded later
                 and (coalesce(n.version, -1) > coalesce(l.version, -1)
                      or (n.version is not distinct from l.version and n.id > l.id))))
     ), deleted as (
       delete from change_events e using doomed d
       where e.id = d.id and e.store_id = d.store_id returning 1
     )
     select l.processed_at as last_at, l.id as last_id, (select count(*)::int from looked) as looked,
            (select count(*)::int from deleted) as n
     from (select 1) one
     left join lateral (select processed_at, id from looked order by processed_at desc, id desc
                        limit 1) l on true`,
    [after?.processedAt ?? null, cutoff, limit, skippedNotSynced, after?.id ?? 0],
  );
  // fewer than asked for: the pass has looked at every event old enough
  const last =
    row?.last_at && row.last_id !== null && row.looked === limit
      ? { processedAt: row.last_at, id: row.last_id }
      : null;
  return { last, pruned: row?.n ?? 0 };
}
