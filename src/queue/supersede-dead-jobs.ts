import type { Queryable } from "../store/database.ts";
import { jobTransitions, sqlStates, targetState } from "./job-state-machine.ts";

/**
 * R12.3: job `jobId`, a write to its link's partner (external.update), went through. The link's earlier writes that
 * had died before it was queued are closed as superseded: when a write dies, its values leave the
 * link's pending ones (S11), so the merge that queued this job sent again whatever of them was
 * still the hub's, and the customer has left the error section. A dead write that died after
 * this job was queued may hold values this one does not, and stays dead (a user retries it);
 * so does any other kind of job (a message not written is not written by a later update).
 * Returns the ids closed.
 */
export async function supersedeDeadJobs(q: Queryable, jobId: number, now: Date): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `update jobs d set state = $2, locked_by = null, locked_until = null, updated_at = $3,
                       result = to_jsonb('superseded by job ' || j.id::text)
     from jobs j
     where j.id = $1 and j.kind = 'external.update' and d.kind = 'external.update'
       and d.queue_key = j.queue_key and d.id < j.id
       and d.state in ${sqlStates(jobTransitions.supersede.from)} and d.updated_at <= j.created_at
     returning d.id`,
    [jobId, targetState("supersede", "done"), now],
  );
  return rows.map((r) => r.id);
}
