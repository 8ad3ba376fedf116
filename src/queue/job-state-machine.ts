import type { Queryable } from "../store/database.ts";

/**
 * A job's states and every way it may move between them, in one place (NangoHQ/nango's
 * `scheduler/lib/models/tasks.ts` is the model). Every state change in src/queue/ names one of
 * these transitions; the SQL takes its "from" states and checks its target here, so a change
 * that is not listed cannot be written.
 *
 *   (added) ─▶ ready ─claim─▶ running ─complete─▶ done
 *                ▲              │ ▲ renew (the lease holder's heartbeat)
 *                │              └─┘
 *                ├──────────────┘ fail, reclaim (attempts left)
 *                │ retry        │ fail, reclaim (no attempts left, or not retryable)
 *              dead ◀───────────┘
 *                ├─close─▶ done      (a user's retry replaced it with fresh work)
 *                └─supersede─▶ done  (a later write of its fields went through, R12.3)
 */
export const jobStates = ["ready", "running", "done", "dead"] as const;
export type JobState = (typeof jobStates)[number];

/** The state a job is added in. */
export const newJobState: JobState = "ready";

/** States of a job that is still to be done: it holds back later jobs of its queue_key. */
export const unfinishedJobStates: readonly JobState[] = ["ready", "running"];

interface Transition {
  from: readonly JobState[];
  to: readonly JobState[];
  /** only the worker whose claim (locked_by) the job carries may take it */
  leaseHolder: boolean;
}

export const jobTransitions = {
  /** a worker takes a due job, with a lease */
  claim: { from: ["ready"], to: ["running"], leaseHolder: false },
  /** the lease holder, still at the job, extends its lease (R12.1: a heartbeat, no state change) */
  renew: { from: ["running"], to: ["running"], leaseHolder: true },
  /** the lease holder finished the job */
  complete: { from: ["running"], to: ["done"], leaseHolder: true },
  /** the lease holder's attempt failed: back to ready after a backoff, or dead */
  fail: { from: ["running"], to: ["ready", "dead"], leaseHolder: true },
  /** the lease ran out (the worker died or hung): back to ready, or dead if no attempts are left */
  reclaim: { from: ["running"], to: ["ready", "dead"], leaseHolder: false },
  /** a user gives a dead job fresh attempts */
  retry: { from: ["dead"], to: ["ready"], leaseHolder: false },
  /** a user's retry queued fresh work instead: the dead job is closed */
  close: { from: ["dead"], to: ["done"], leaseHolder: false },
  /**
   * R12.3: a later write of the job's link that carried every field the dead job was to send
   * went through: the dead job is closed
   */
  supersede: { from: ["dead"], to: ["done"], leaseHolder: false },
} as const satisfies Record<string, Transition>;

export type JobTransition = keyof typeof jobTransitions;

export type JobStateErrorCode =
  /** no job has that id */
  | "job_not_found"
  /** the job is in a state the transition does not leave from (complete a job that is not running) */
  | "job_not_in_state"
  /** the job is running under another worker's claim, or none: this worker's lease is gone */
  | "job_lease_not_held";

/** A refused job state change. Nothing was changed (no job of the batch either). */
export class JobStateError extends Error {
  constructor(
    readonly code: JobStateErrorCode,
    readonly jobId: number,
    readonly transition: JobTransition,
    readonly state: JobState | undefined,
  ) {
    super(
      code === "job_not_found"
        ? `job ${jobId}: there is no such job (${transition})`
        : code === "job_not_in_state"
          ? `job ${jobId} is ${state}: ${transition} only moves a job that is ${jobTransitions[transition].from.join(" or ")}`
          : `job ${jobId}: this worker no longer holds it (${transition})`,
    );
  }
}

export const isJobStateError = (
  error: unknown,
  ...codes: JobStateErrorCode[]
): error is JobStateError =>
  error instanceof JobStateError && (codes.length === 0 || codes.includes(error.code));

/**
 * States as a SQL list, `('ready', 'running')`, for statements that pick jobs by state: literal
 * (from this table, never input) so the planner matches the partial indexes on state.
 */
export const sqlStates = (states: readonly JobState[]) =>
  `(${states.map((s) => `'${s}'`).join(", ")})`;

/** The target state of a transition, checked against the table (a bug here throws, never writes). */
export function targetState(transition: JobTransition, to: JobState): JobState {
  if (!(jobTransitions[transition].to as readonly JobState[]).includes(to))
    throw new Error(`job state machine: ${transition} never moves a job to ${to}`);
  return to;
}

/**
 * The guard of a state change of jobs named by id, as a SQL prefix: parameters $1 (the ids,
 * bigint[]), $2 (the transition's "from" states) and $3 (the worker, or null when any may).
 * It locks the named jobs and finds the refused ones; the statement that follows adds
 * `and ${noneRefused}` to its where clause, so one refused job leaves the whole batch unchanged
 * in the same statement (no transaction needed).
 */
export const guardSql = `with target as (
    select id, state, locked_by from jobs where id = any($1::bigint[]) order by id for update
  ), refused as (
    select w.id from unnest($1::bigint[]) as w(id) left join target t on t.id = w.id
    where t.id is null or not (t.state = any($2::text[]))
       or ($3::text is not null and t.locked_by is distinct from $3::text)
  )`;
export const noneRefused = "not exists (select 1 from refused)";

export const guardParams = (
  transition: JobTransition,
  ids: readonly number[],
  workerId: string | null,
) => {
  const { from, leaseHolder } = jobTransitions[transition];
  if (new Set(ids).size !== ids.length)
    throw new Error(`job state machine: ${transition} names a job twice in one batch`);
  if (leaseHolder && workerId === null)
    throw new Error(`job state machine: ${transition} needs the worker that holds the lease`);
  return [ids, from, leaseHolder ? workerId : null];
};

/**
 * After a guarded statement: every named job moved, or none did and this throws the coded
 * error of the first refused job (read after the fact, only on this rare path).
 */
export async function expectAllMoved(
  q: Queryable,
  transition: JobTransition,
  ids: readonly number[],
  workerId: string | null,
  moved: number,
): Promise<void> {
  if (moved === ids.length) return;
  const rows = await q.query<{ id: number; state: JobState; locked_by: string | null }>(
    "select id, state, locked_by from jobs where id = any($1::bigint[])",
    [ids],
  );
  const { from, leaseHolder } = jobTransitions[transition];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new JobStateError("job_not_found", id, transition, undefined);
    if (!(from as readonly JobState[]).includes(row.state))
      throw new JobStateError("job_not_in_state", id, transition, row.state);
    if (leaseHolder && row.locked_by !== workerId)
      throw new JobStateError("job_lease_not_held", id, transition, row.state);
  }
  // Refused under the statement's lock and fine now (another transaction moved it since):
  // still refused, as it was when we looked.
  throw new JobStateError("job_not_in_state", ids[0]!, transition, undefined);
}
