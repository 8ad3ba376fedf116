import { z } from "zod";
import {
  salesLog,
  salesReport,
  type ReportGrouping,
  type ReportRow,
  type SaleLogRow,
} from "../store/sales-report.ts";
import { listUsers } from "../store/users-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { getStore } from "./store-settings.ts";
import { requireRole } from "./users.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day like 2026-12-01");

/** The most days one report or log covers (a year and a day). */
const maxDays = 366;

export const salesRangeSchema = z.object({ from: day, to: day });

/** The store-local days asked for, checked: real days, in order, at most a year apart. */
function rangeOf(input: unknown): { from: string; to: string } {
  const parsed = salesRangeSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const { from, to } = parsed.data;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== from)
    throw new ServiceError("invalid", `from: ${from} is not a day of the calendar`);
  if (Number.isNaN(end) || new Date(end).toISOString().slice(0, 10) !== to)
    throw new ServiceError("invalid", `to: ${to} is not a day of the calendar`);
  if (end < start) throw new ServiceError("invalid", `to: ${to} is before from (${from})`);
  if ((end - start) / 86_400_000 >= maxDays)
    throw new ServiceError("invalid", `to: at most ${maxDays} days at once`);
  return { from, to };
}

/**
 * T5: the sales log: processed sales of the store-local days, newest first, with the customer,
 * the associate and the categories. Managers and admins (a store's takings).
 */
export async function listSales(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; limit: number; before?: number | undefined },
): Promise<{ currency: string; timeZone: string; sales: SaleLogRow[] }> {
  requireRole(actor, ["admin", "manager"], "reading the sales log");
  const range = rangeOf({ from: query.from, to: query.to });
  const store = await getStore(ctx, actor);
  const sales = await salesLog(
    ctx.db,
    { storeId: store.id, timeZone: store.timeZone, ...range },
    { limit: query.limit, before: query.before },
  );
  return { currency: store.currency, timeZone: store.timeZone, sales };
}

/**
 * T5: the sales report: totals and counts by store-local day, associate or category, over
 * processed sales, in the store's currency and time zone. Managers and admins.
 */
export async function reportSales(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; by: ReportGrouping },
): Promise<{
  currency: string;
  timeZone: string;
  by: ReportGrouping;
  rows: Array<ReportRow & { label: string }>;
}> {
  requireRole(actor, ["admin", "manager"], "reading the sales report");
  const range = rangeOf({ from: query.from, to: query.to });
  const store = await getStore(ctx, actor);
  const rows = await salesReport(
    ctx.db,
    { storeId: store.id, timeZone: store.timeZone, ...range },
    query.by,
  );
  const names =
    query.by === "associate"
      ? new Map((await listUsers(ctx.db, store.id)).map((u) => [`user ${u.id}`, u.name]))
      : new Map<string, string>();
  return {
    currency: store.currency,
    timeZone: store.timeZone,
    by: query.by,
    rows: rows.map((r) => ({ ...r, label: names.get(r.key) ?? r.key })),
  };
}
