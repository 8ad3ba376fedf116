import { describe, expect, it } from "vitest";
import { pollIntegration } from "../../src/capture/poll-integration.ts";
import { scheduleOnboardingAssignments } from "../../src/scheduler/onboarding-assignment.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { engines } from "../setup/database.ts";
import { drainInbox } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

interface Backfill {
  state: string;
  onboardedAt: string | null;
  feeds: Array<{
    feed: string;
    caughtUp: boolean;
    pages: number;
    records: number;
    lastError: string | null;
    notBefore: string | null;
  }>;
  sales: { fetched: number; processed: number; waiting: number; failing: number };
}

/** one poll of the integration's feeds, five records a page, as a worker's capture loop does */
async function poll(pair: SyncedPair) {
  const integration = (await readIntegration(pair.ctx.db, pair.integrationId))!;
  return pollIntegration(
    {
      db: pair.ctx.db,
      resolveConnector: pair.ctx.resolveConnector,
      now: () => pair.clock.now(),
      pageSize: 5,
    },
    integration,
  );
}

describe.each(engines)("the onboarding backfill, on $name", (engine) => {
  it("T3: the whole sales history comes in pages, throttled, with its progress shown; a page that fails is fetched again from where it stopped, each sale once, and onboarding waits for it", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      salesHistoryPagesPerMinute: 30, // a page every 2 s
    });
    const api = hubApi(pair);
    const progress = async () =>
      (await api<Backfill>("GET", `/v1/integrations/${pair.integrationId}/backfill`)).body;
    const customer = await pair.posCall<{ id: string }>("POST", "/staff/customers", {
      firstName: "Hedda",
      lastName: "History",
    });
    // twelve sales of unique amounts: three pages of five
    for (let n = 1; n <= 12; n++)
      await pair.posCall("POST", "/staff/sales", {
        customerId: customer.body.id,
        occurredAt: new Date(Date.UTC(2025, 0, n)).toISOString(),
        lines: [{ description: `Sale ${n}`, amount: 100 + n }],
      });

    // the first poll: the customers, then one page of history; the next waits its turn
    await poll(pair);
    let p = await progress();
    expect(p.state).toBe("fetching");
    expect(p.sales.fetched).toBe(5);
    expect(p.feeds.find((f) => f.feed === "sales")).toMatchObject({
      caughtUp: false,
      pages: 1,
      notBefore: new Date(pair.clock.now().getTime() + 2000).toISOString(),
    });
    await poll(pair);
    expect((await progress()).sales.fetched).toBe(5);

    // the POS fails every request for a while: the page is not fetched and onboarding stays open
    pair.clock.advance(2000);
    await pair.posCall("POST", "/staff/faults", { failNextRequests: 100, status: 500 });
    await expect(poll(pair)).rejects.toThrow(/sales/);
    await drainInbox(pair);
    expect(await scheduleOnboardingAssignments(pair.ctx.db, pair.clock.now())).toBe(0);
    p = await progress();
    expect(p.state).toBe("failing");
    expect(p.feeds.find((f) => f.feed === "sales")?.lastError).toMatch(/500|internal/);
    expect(p.sales).toMatchObject({ fetched: 5, processed: 5 });

    // it answers again: the history goes on from the failed page, at its pace, to the end
    await pair.posCall("POST", "/staff/faults", { failNextRequests: 0, status: 500 });
    for (let round = 0; round < 10 && (await progress()).state !== "processing"; round++) {
      pair.clock.advance(2000);
      await poll(pair);
    }
    p = await progress();
    expect(p.state).toBe("processing");
    expect(p.feeds.find((f) => f.feed === "sales")).toMatchObject({ pages: 3, records: 12 });
    await drainInbox(pair);
    expect((await progress()).state).toBe("assigning");
    const totals = await pair.ctx.db.query<{ total: string }>(
      "select total::text from purchases where integration_id = $1 order by total",
      [pair.integrationId],
    );
    expect(totals.map((t) => Number(t.total))).toEqual(
      Array.from({ length: 12 }, (_, n) => 101 + n),
    );

    // the first sync is in: onboarding ends (A4), and from here on sales batch (T1)
    expect(await scheduleOnboardingAssignments(pair.ctx.db, pair.clock.now())).toBe(1);
    await drainInbox(pair);
    p = await progress();
    expect(p.state).toBe("done");
    expect(p.onboardedAt).not.toBeNull();
  });
});
