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
  /** the integration the job writes to (null: a job of no integration) */
  integrationId: number | null;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** How many more jobs of one integration a worker may take now (R12.2). */
export interface IntegrationRoom {
  integrationId: number | null;
  room: number;
}

/**
 * Claims up to `limit` due jobs for one worker, with a lease, the oldest first.
 *
 * - FOR UPDATE SKIP LOCKED: concurrent workers claim disjoint jobs without waiting on each other.
 * - A job whose queue_key has an earlier unfinished job is not eligible: jobs of one key (one
 *   link) run one at a time, in order. Two workers racing cannot both start jobs of one key:
 *   the NOT EXISTS sees the other's candidate as still 'ready' (an earlier job) until it commits,
 *   and as 'running' after.
 * - R12.2: at most `perIntegration` jobs of one integration, less what `rooms` says the worker
 *   already runs of it: an integration whose partner hangs fills its share of the worker's slots
 *   and no more, and the others' jobs are claimed beside it. Each integration's candidates come
 *   from its own index range (jobs_ready_by_integration), so a long backlog of one does not hide
 *   another's.
 * - The lease (locked_until) is how a crashed worker's jobs come back: see reclaim-expired-jobs.ts;
 *   the worker renews it while it runs the job (renew-job-leases.ts). Each claim counts as an
 *   attempt, so a job that kills its worker every time ends up dead.
 */
export async function claimJobs(
  q: Queryable,
  options: {
    workerId: string;
    limit: number;
    leaseSeconds: number;
    now: Date;
    kinds?: readonly string[];
    /** jobs of one integration at once (default: `limit`) */
    perIntegration?: number;
    /** integrations with less room than `perIntegration` (the worker runs some of their jobs) */
    rooms?: readonly IntegrationRoom[];
  },
): Promise<ClaimedJob[]> {
  if (options.limit <= 0) return [];
  const perIntegration = options.perIntegration ?? options.limit;
  const rooms = options.rooms ?? [];
  const eligible = `j.state in ${sqlStates(jobTransitions.claim.from)} and j.run_at <= $3
         and ($5::text[] is null or j.kind = any($5::text[]))
         and (j.queue_key is null or not exists (
               select 1 from jobs k
               where k.queue_key = j.queue_key and k.id < j.id and k.state in ${sqlStates(unfinishedJobStates)}))`;
  /** the room of integration `id` (SQL): what `rooms` names, else perIntegration, never above the limit */
  const room = (id: string) => `least($2, greatest(0, coalesce(
           (select r.room from unnest($8::bigint[], $9::int[]) as r(integration_id, room)
            where r.integration_id is not distinct from ${id}), $7)))`;
  const rows = await q.query<{
    id: number;
    kind: string;
    queue_key: string | null;
    integration_id: number | null;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>(
    `with of_integrations as (
       select c.id, c.run_at from integrations i
       cross join lateral (
         select j.id, j.run_at from jobs j
         where j.integration_id = i.id and ${eligible}
         order by j.run_at, j.id
         limit ${room("i.id")}
         for update skip locked
       ) c
     ), of_none as (
       select j.id, j.run_at from jobs j
       where j.integration_id is null and ${eligible}
       order by j.run_at, j.id
       limit ${room("null::bigint")}
       for update skip locked
     ), candidates as (
       select id, run_at from of_integrations union all select id, run_at from of_none
     ), chosen as (
       select id from candidates order by run_at, id limit $2
     )
     update jobs set state = $6, attempts = attempts + 1, locked_by = $1,
                     locked_until = $3::timestamptz + make_interval(secs => $4), updated_at = $3
     where id in (select id from chosen)
     returning id, kind, queue_key, integration_id, payload, attempts, max_attempts`,
    [
      options.workerId,
      options.limit,
      options.now,
      options.leaseSeconds,
      options.kinds ?? null,
      targetState("claim", "running"),
      perIntegration,
      rooms.map((r) => r.integrationId),
      rooms.map((r) => r.room),
    ],
  );
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      queueKey: r.queue_key,
      integrationId: r.integration_id,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
    }))
    .sort((a, b) => a.id - b.id);
}
