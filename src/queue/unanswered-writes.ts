import type { Queryable } from "../store/database.ts";

/**
 * F11: the values of a link's writes made since `since` that may have reached the partner without
 * their answer being recorded: claimed and not finished (running, waiting for a retry, or dead
 * after its retries), or finished as "superseded" on a later attempt than the one that may have
 * sent it. A write whose answer was recorded is in the link's base already.
 */
export async function unansweredWrites(
  q: Queryable,
  queueKey: string,
  since: Date,
): Promise<Array<Record<string, string | null>>> {
  const rows = await q.query<{
    payload: { set?: Record<string, string | null>; add?: Record<string, string> };
  }>(
    `select payload from jobs
     where queue_key = $1 and created_at >= $2 and kind = 'external.update' and attempts >= 1
       and (state <> 'done' or result <> '"sent"'::jsonb)
       and (state <> 'done' or (attempts >= 2 and result = '"superseded before sending"'::jsonb))
     order by id`,
    [queueKey, since],
  );
  return rows.map((r) => ({ ...r.payload.add, ...r.payload.set }));
}
