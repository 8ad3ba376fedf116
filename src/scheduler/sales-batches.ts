import { lastSalesWindow } from "../domain/sales-windows.ts";
import { releaseHeldSales } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { markSalesReleased, salesBatchSchedules } from "../store/integrations-table.ts";

/**
 * T1, T6: lets held POS sales through to the engine. An integration that batches its sales has
 * them let through when a batch window of the store's time zone has come since the last time; one
 * that takes sales as they come (switched from batched, T6) has any still held let through at
 * once. Returns how many sales were let through.
 */
export async function releaseDueSalesBatches(q: Queryable, now: Date): Promise<number> {
  let released = 0;
  for (const schedule of await salesBatchSchedules(q)) {
    if (schedule.timing === "realtime") {
      released += await releaseHeldSales(q, schedule.integrationId);
      continue;
    }
    // no batch before onboarding: nothing is held until then, and onboarding notes its time
    if (schedule.releasedAt === null) continue;
    const window = lastSalesWindow(schedule.times, schedule.timeZone, now);
    if (!window || schedule.releasedAt >= window) continue;
    released += await releaseHeldSales(q, schedule.integrationId);
    await markSalesReleased(q, schedule.integrationId, now);
  }
  return released;
}
