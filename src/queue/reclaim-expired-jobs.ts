import type { Queryable } from "../store/database.ts";
import { jobTransitions, sqlStates, targetState } from "./job-state-machine.ts";

export interface ReclaimedJob {
  id: number;
  payload: unknown;
  /** 'dead' when it had used its attempts, 'ready' when it runs again */
  state: "ready" | "dead";
  lastError: string;
}

/**
 * Puts back jobs whose worker's lease ran out (the worker died or hung), so another worker takes
 * them. Jobs past their attempts become dead instead of looping forever; the caller gets them back
 * to do what a failed job's worker would have done (the customer's error status, S11).
 */
export async function reclaimExpiredJobs(q: Queryable, now: Date): Promise<ReclaimedJob[]> {
  const rows = await q.query<{
    id: number;
    payload: unknown;
    state: "ready" | "dead";
    last_error: string;
  }>(
    `update jobs set state = case when attempts >= max_attempts then $2 else $3 end,
                     last_error = coalesce(last_error, 'worker lease expired'),
                     locked_by = null, locked_until = null, updated_at = $1
     where state in ${sqlStates(jobTransitions.reclaim.from)} and locked_until < $1 returning id, payload, state, last_error`,
    [now, targetState("reclaim", "dead"), targetState("reclaim", "ready")],
  );
  return rows.map((r) => ({
    id: r.id,
    payload: r.payload,
    state: r.state,
    lastError: r.last_error,
  }));
}
