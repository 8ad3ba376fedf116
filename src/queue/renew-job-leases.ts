import type { Queryable } from "../store/database.ts";
import { jobTransitions, sqlStates } from "./job-state-machine.ts";

/**
 * R12.1: a worker's heartbeat for the jobs it is running: their leases run `leaseSeconds` from
 * `now` again, so no other worker takes over a job whose attempt outlasts one lease (a partner
 * that answers slowly, 4 tries of 10 s). Only jobs still running under this worker's claim are
 * renewed: one another worker has taken over (this worker missed its heartbeats) stays the
 * other's. Returns the ids renewed; a job named but not renewed is no longer this worker's.
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
    `update jobs set locked_until = $3::timestamptz + make_interval(secs => $4)
     where id = any($1::bigint[]) and state in ${sqlStates(jobTransitions.renew.from)}
       and locked_by = $2
     returning id`,
    [ids, workerId, now, leaseSeconds],
  );
  return rows.map((r) => r.id);
}
