import type { Queryable } from "../store/database.ts";
import type { JobState } from "./job-state-machine.ts";

export interface JobView {
  id: number;
  kind: string;
  state: JobState;
  attempts: number;
  lastError: string | null;
  payload: unknown;
  updatedAt: Date;
}

/** Outbound jobs of a store's integrations (their payload names a link), newest first. */
export async function listJobs(
  q: Queryable,
  storeId: number,
  state: JobState,
  limit = 200,
): Promise<JobView[]> {
  const rows = await q.query<{
    id: number;
    kind: string;
    state: JobState;
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
