import type { Queryable } from "../store/database.ts";
import { linkQueueKey } from "../domain/job-payloads.ts";
import { wakeChannels } from "../store/wake-ups.ts";
import { newJobState } from "./job-state-machine.ts";

export interface NewJob {
  /** the store whose data the job moves */
  storeId: number;
  /**
   * the integration whose partner the job writes to: a worker caps how many jobs of one
   * integration it runs at once (R12.2); none for a job of no integration (they are capped as one)
   */
  integrationId?: number | null;
  kind: string;
  payload: unknown;
  /** jobs with the same key run one at a time, in the order they were added */
  queueKey?: string | null;
  runAt: Date;
  maxAttempts?: number;
}

/**
 * Adds jobs inside the caller's transaction, many in one statement: the change and the work it
 * causes commit together. Ids come back in the order given, which is the order jobs of one
 * queue_key run in.
 */
export async function addJobs(q: Queryable, jobs: readonly NewJob[]): Promise<number[]> {
  if (jobs.length === 0) return [];
  // the workers are woken in the same statement (store/wake-ups.ts: when the transaction
  // commits), a round trip less per job added (R8.5)
  const rows = await q.query<{ id: number }>(
    `with inserted as (
       insert into jobs (store_id, integration_id, kind, queue_key, payload, run_at, max_attempts,
                         state, created_at, updated_at)
       select store_id, integration_id, kind, queue_key, payload, run_at, max_attempts, $6, run_at,
              run_at
       from unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::int[], $8::bigint[],
                   $9::bigint[])
            with ordinality as j(kind, queue_key, payload, run_at, max_attempts, store_id,
                                 integration_id, n)
       order by n
       returning id)
     select id, (select pg_notify($7, '')) as woke from inserted`,
    [
      jobs.map((j) => j.kind),
      jobs.map((j) => j.queueKey ?? null),
      jobs.map((j) => JSON.stringify(j.payload)),
      jobs.map((j) => j.runAt),
      jobs.map((j) => j.maxAttempts ?? 10),
      newJobState,
      wakeChannels.jobs,
      jobs.map((j) => j.storeId),
      jobs.map((j) => j.integrationId ?? null),
    ],
  );
  // identity values follow the insert's order, so sorting restores the order given
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** addJobs for one job. */
export async function addJob(q: Queryable, job: NewJob): Promise<number> {
  const [id] = await addJobs(q, [job]);
  return id!;
}

/**
 * An outbound job of one link: in the link's store, queued behind the link's earlier jobs (they
 * run one at a time, in order), due at `runAt`.
 */
export function addLinkJob(
  q: Queryable,
  link: { id: number; storeId: number; integrationId: number },
  job: { kind: string },
  runAt: Date,
): Promise<number> {
  return addJob(q, {
    storeId: link.storeId,
    integrationId: link.integrationId,
    kind: job.kind,
    payload: job,
    queueKey: linkQueueKey(link.id),
    runAt,
  });
}
