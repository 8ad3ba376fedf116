import type { Queryable } from "../store/database.ts";
import { jobTransitions, sqlStates, targetState } from "./job-state-machine.ts";

/**
 * R12.3: job `jobId`, a write to its link's partner (external.update), went through. The link's
 * earlier writes that are dead and whose every field this write carried too (with the value the
 * hub held when it was queued) are closed as superseded: what they were to send went out, or a
 * newer value of the same field did. Decided by what the writes hold, not by when they were made:
 * a dead write with a field this one did not carry (its values were still pending when this one
 * was merged, or its customer's error could not be recorded) stays dead until a write that
 * carries it goes through, or a user retries it. Dead jobs of other kinds (a message, a partner
 * creation) are never superseded by an update. Returns the ids closed.
 */
export async function supersedeDeadJobs(q: Queryable, jobId: number, now: Date): Promise<number[]> {
  const fields = (job: string) =>
    `(coalesce(${job}.payload -> 'set', '{}'::jsonb) || coalesce(${job}.payload -> 'add', '{}'::jsonb))`;
  const rows = await q.query<{ id: number }>(
    `update jobs d set state = $2, locked_by = null, locked_until = null, updated_at = $3,
                       result = to_jsonb('superseded by job ' || j.id::text)
     from jobs j
     where j.id = $1 and j.kind = 'external.update' and d.kind = 'external.update'
       and d.queue_key = j.queue_key and d.id < j.id
       and d.state in ${sqlStates(jobTransitions.supersede.from)}
       and not exists (select 1 from jsonb_object_keys(${fields("d")}) as f(path)
                       where not (${fields("j")} ? f.path))
     returning d.id`,
    [jobId, targetState("supersede", "done"), now],
  );
  return rows.map((r) => r.id);
}
