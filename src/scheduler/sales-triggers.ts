import type { Queryable } from "../store/database.ts";
import { fireDueTriggers } from "../store/sales-triggers-table.ts";

/** Tasks one statement writes at most, so a backlog is worked through in short transactions. */
const taskBatch = 1000;

/**
 * T4: every sales trigger whose day has come fires: a follow-up task each. A sale's triggers wait
 * from its processing (engine), so none fires before its sale is processed; a 0-day trigger of a
 * batched sale fires at the first tick after its batch. Returns the tasks written.
 */
export async function fireDueSalesTriggers(q: Queryable, now: Date): Promise<number> {
  let fired = 0;
  for (;;) {
    const n = await fireDueTriggers(q, now, taskBatch);
    fired += n;
    if (n < taskBatch) return fired;
  }
}
