import type { Queryable } from "../store/database.ts";
import { jobTransitions, sqlStates } from "./job-state-machine.ts";

/**
 * R12.1: a worker's heartbeat for the jobs it is running: their leases run `leaseSeconds` from
 * `now` again, so no other worker takes over a job whose attempt outlasts one lease (a partner
 * that answers slowly, 4 tries of 10 s). Only jobs still running under this worker's claim are
 * renewed: one another worker has taken over (this worker missed its heartbeats) stays the
 * other's, and one whose row its own bookkeeping holds (it is ending) is skipped, not waited for.
 * Returns the ids renewed.
 */
export async function renewJobLeases(
  q: Queryable,
  workerId: string,
  ids: readonly number[],
  now: Date,
  leaseSeconds: number,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: number }>(
    `with mine as (
       select id, store_id from jobs
       where id = any($1::bigint[]) and state in ${sqlStates(jobTransitions.renew.from)}
         and locked_by = $2
       -- a job whose own bookkeeping holds its row is ending: never wait for it
       for update skip locked
     )
     update jobs j set locked_until = $3::timestamptz + make_interval(secs => $4)
     from mine where j.id = mine.id and j.store_id = mine.store_id
     returning j.id`,
    [ids, workerId, now, leaseSeconds],
  );
  return rows.map((r) => r.id);
}
