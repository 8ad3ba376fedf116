import type { Queryable } from "../store/database.ts";
import { newJobState } from "./job-state-machine.ts";

export interface NewJob {
  kind: string;
  payload: unknown;
  /** jobs with the same key run one at a time, in the order they were added */
  queueKey?: string | null;
  runAt: Date;
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction: the change and the work it causes commit together. */
export async function addJob(q: Queryable, job: NewJob): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into jobs (kind, queue_key, payload, run_at, max_attempts, state, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $4, $4) returning id`,
    [
      job.kind,
      job.queueKey ?? null,
      JSON.stringify(job.payload),
      job.runAt,
      job.maxAttempts ?? 10,
      newJobState,
    ],
  );
  return row!.id;
}
