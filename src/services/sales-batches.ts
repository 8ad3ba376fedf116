import { nextSalesWindow } from "../domain/sales-windows.ts";
import { heldSales, releaseHeldSales } from "../store/change-events-table.ts";
import { markSalesReleased, salesBatchSchedules } from "../store/integrations-table.ts";
import { getIntegration } from "./integrations.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

/** T1: an integration's sales batches as a store owner sees them. */
export interface SalesBatchStatus {
  integrationId: number;
  timing: "batched" | "realtime";
  /** the windows, local times of the store's time zone */
  times: string[];
  timeZone: string;
  /** when the next batch runs (null: sales are taken as they come) */
  nextRunAt: string | null;
  lastRunAt: string | null;
  /** the sales waiting for it, their total, and since when */
  held: { count: number; total: string | null; oldestReceivedAt: string | null };
}

export async function salesBatchStatus(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
): Promise<SalesBatchStatus> {
  requireRole(actor, ["admin", "manager"], "reading the sales batches");
  await getIntegration(ctx, actor, integrationId);
  const [schedule] = await salesBatchSchedules(ctx.db, integrationId);
  if (!schedule)
    throw new ServiceError(
      "conflict",
      `integration ${integrationId} is disabled: it takes no sales`,
    );
  const held = await heldSales(ctx.db, integrationId);
  return {
    integrationId,
    timing: schedule.timing,
    times: schedule.times,
    timeZone: schedule.timeZone,
    nextRunAt:
      schedule.timing === "realtime"
        ? null
        : nextSalesWindow(schedule.times, schedule.timeZone, ctx.clock.now()).toISOString(),
    lastRunAt: schedule.releasedAt?.toISOString() ?? null,
    held: {
      count: held.count,
      total: held.total,
      oldestReceivedAt: held.oldestReceivedAt?.toISOString() ?? null,
    },
  };
}

/**
 * T1: a manager runs the integration's sales batch now: the held sales go to the engine at once
 * (processed within seconds), and the next window takes what comes after.
 */
export async function runSalesBatchNow(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
): Promise<SalesBatchStatus & { released: number }> {
  requireRole(actor, ["admin", "manager"], "running a sales batch");
  await getIntegration(ctx, actor, integrationId);
  const released = await ctx.db.transaction(async (tx) => {
    const n = await releaseHeldSales(tx, integrationId);
    await markSalesReleased(tx, integrationId, ctx.clock.now());
    return n;
  });
  ctx.log.info({ integration: integrationId, released, by: actor.userId }, "sales batch run now");
  return { ...(await salesBatchStatus(ctx, actor, integrationId)), released };
}
