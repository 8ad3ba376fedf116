import type { Queryable } from "../store/database.ts";
import {
  jobTransitions,
  sqlStates,
  targetState,
  unfinishedJobStates,
} from "./job-state-machine.ts";

export interface ClaimedJob {
  id: number;
  kind: string;
  queueKey: string | null;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims up to `limit` due jobs for one worker, with a lease.
 *
 * - FOR UPDATE SKIP LOCKED: concurrent workers claim disjoint jobs without waiting on each other.
 * - A job whose queue_key has an earlier unfinished job is not eligible: jobs of one key (one
 *   link) run one at a time, in order. Two workers racing cannot both start jobs of one key:
 *   the NOT EXISTS sees the other's candidate as still 'ready' (an earlier job) until it commits,
 *   and as 'running' after.
 * - The lease (locked_until) is how a crashed worker's jobs come back: see reclaim-expired-jobs.ts.
 *   Each claim counts as an attempt, so a job that kills its worker every time ends up dead.
 */
export async function claimJobs(
  q: Queryable,
  options: {
    workerId: string;
    limit: number;
    leaseSeconds: number;
    now: Date;
    kinds?: readonly string[];
  },
): Promise<ClaimedJob[]> {
  const rows = await q.query<{
    id: number;
    kind: string;
    queue_key: string | null;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>(
    `with candidates as (
       select j.id from jobs j
       where j.state in ${sqlStates(jobTransitions.claim.from)} and j.run_at <= $3
         and ($5::text[] is null or j.kind = any($5::text[]))
         and (j.queue_key is null or not exists (
               select 1 from jobs k
               where k.queue_key = j.queue_key and k.id < j.id and k.state in ${sqlStates(unfinishedJobStates)}))
       order by j.run_at, j.id
       limit $2
       for update skip locked
     )
     update jobs set state = $6, attempts = attempts + 1, locked_by = $1,
                     locked_until = $3::timestamptz + make_interval(secs => $4), updated_at = $3
     where id in (select id from candidates)
     returning id, kind, queue_key, payload, attempts, max_attempts`,
    [
      options.workerId,
      options.limit,
      options.now,
      options.leaseSeconds,
      options.kinds ?? null,
      targetState("claim", "running"),
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    queueKey: r.queue_key,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}
