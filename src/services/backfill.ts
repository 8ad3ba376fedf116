import { backfillCounts, type FeedProgress } from "../store/backfill-progress.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { storeIntegration } from "./integrations.ts";
import { requireRole } from "./users.ts";

/**
 * T3: where an integration's first sync stands, in the order it goes: `fetching` the customers
 * and the whole sales history page by page, `failing` (a page could not be fetched: it is fetched
 * again, from where it stopped, at the next poll), `processing` what was fetched, `assigning`
 * (A4, within seconds), `done` (onboarded: sales batch from here on, T1).
 */
export type BackfillState = "fetching" | "failing" | "processing" | "assigning" | "done";

export interface BackfillProgress {
  integrationId: number;
  state: BackfillState;
  onboardedAt: string | null;
  salesHistoryPagesPerMinute: number | null;
  feeds: FeedProgress[];
  sales: { fetched: number; processed: number; waiting: number; failing: number };
}

const onboardingFeeds = new Set(["customers", "sales"]);

export async function backfillProgress(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
): Promise<BackfillProgress> {
  requireRole(actor, ["admin", "manager"], "reading the onboarding's progress");
  const integration = await storeIntegration(ctx.db, actor, integrationId);
  const counts = await backfillCounts(ctx.db, integrationId);
  const relevant = counts.feeds.filter((f) => onboardingFeeds.has(f.feed));
  const state: BackfillState =
    integration.onboardedAt !== null
      ? "done"
      : relevant.some((f) => f.lastError !== null)
        ? "failing"
        : counts.feeds.length === 0 || counts.feeds.some((f) => !f.caughtUp)
          ? "fetching"
          : counts.salesWaiting > 0
            ? "processing"
            : "assigning";
  return {
    integrationId,
    state,
    onboardedAt: integration.onboardedAt?.toISOString() ?? null,
    salesHistoryPagesPerMinute: integration.options.salesHistoryPagesPerMinute ?? null,
    feeds: counts.feeds,
    sales: {
      fetched: counts.feeds.find((f) => f.feed === "sales")?.records ?? 0,
      processed: counts.salesProcessed,
      waiting: counts.salesWaiting,
      failing: counts.salesFailing,
    },
  };
}
