import type { Queryable } from "./database.ts";

export interface JobView {
  id: number;
  kind: string;
  state: string;
  attempts: number;
  lastError: string | null;
  payload: unknown;
  updatedAt: Date;
}

/** Outbound jobs of a store's integrations (their payload names a link), newest first. */
export async function listJobs(
  q: Queryable,
  storeId: number,
  state: string,
  limit = 200,
): Promise<JobView[]> {
  const rows = await q.query<{
    id: number;
    kind: string;
    state: string;
    attempts: number;
    last_error: string | null;
    payload: unknown;
    updated_at: Date;
  }>(
    `select j.* from jobs j
     join links l on l.id = (j.payload ->> 'linkId')::bigint
     join integrations i on i.id = l.integration_id
     where i.store_id = $1 and j.state = $2 order by j.id desc limit $3`,
    [storeId, state, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    payload: r.payload,
    updatedAt: r.updated_at,
  }));
}

/** Closes a dead job that a user retried (the retry is new work, not this job again). */
export async function completeDeadJob(q: Queryable, id: number, now: Date) {
  await q.query(
    `update jobs set state = 'done', result = '"retried by a user"', updated_at = $2 where id = $1 and state = 'dead'`,
    [id, now],
  );
}

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

/** S11: whether a queue (one link's writes) holds a dead job, which keeps its link in error until retried. */
export async function hasDeadJob(q: Queryable, queueKey: string): Promise<boolean> {
  const rows = await q.query("select 1 from jobs where queue_key = $1 and state = 'dead' limit 1", [
    queueKey,
  ]);
  return rows.length > 0;
}
