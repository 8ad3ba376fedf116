import { describe, expect, it } from "vitest";
import { releaseDueSalesBatches } from "../../src/scheduler/sales-batches.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, manualClock, type TestHub } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { deliverSales, saleRecord, syncedPosCustomer } from "../setup/sales.ts";
import { drainInbox } from "../setup/hub.ts";

let saleNo = 0;
const sale = (customerId: string, total: number) =>
  saleRecord(`b${++saleNo}`, 1, customerId, total);

const purchases = async (hub: TestHub) =>
  (await hub.ctx.db.query<{ n: number }>("select count(*)::int as n from purchases"))[0]!.n;

/** A Copenhagen store with a POS integration whose first sync is in (onboarded). */
async function onboardedStore(engine: (typeof engines)[number]) {
  // Tuesday 1 December 2026, 09:00 in Copenhagen
  const hub = await createTestHub(await engine.open(), {
    clock: manualClock(new Date("2026-12-01T08:00:00Z")),
  });
  await hub.ctx.db.query("update stores set time_zone = 'Europe/Copenhagen'");
  const integrationId = await addOfflineIntegration(hub, { salesTiming: "batched" });
  const api = hubApi(hub);
  // the history of the first sync comes in as it comes (T3), then onboarding ends (A4)
  await syncedPosCustomer(hub, integrationId, "p1");
  await deliverSales(hub, integrationId, sale("p1", 10));
  await drainInbox(hub);
  expect(await purchases(hub)).toBe(1);
  await api("POST", `/v1/integrations/${integrationId}/assignment-by-spend`);
  return { hub, api, integrationId };
}

describe.each(engines)("sales batches, on $name", (engine) => {
  it("T1: after onboarding a POS sale waits in staging for the next window of the store's time zone (12:00, 23:00), then is processed once; the store sees the batch and what it holds", async () => {
    const { hub, api, integrationId } = await onboardedStore(engine);
    await deliverSales(hub, integrationId, sale("p1", 25), sale("p1", 75));
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(1);

    const status = await api<Record<string, unknown>>(
      "GET",
      `/v1/integrations/${integrationId}/sales-batch`,
    );
    expect(status.body).toMatchObject({
      timing: "batched",
      times: ["12:00", "23:00"],
      timeZone: "Europe/Copenhagen",
      nextRunAt: "2026-12-01T11:00:00.000Z",
      held: { count: 2, total: "100.00" },
    });

    // 11:59 in Copenhagen: not yet
    hub.clock.advance(2 * 3_600_000 + 59 * 60_000);
    expect(await releaseDueSalesBatches(hub.ctx.db, hub.clock.now())).toBe(0);
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(1);
    // 12:00: the batch goes, once
    hub.clock.advance(60_000);
    expect(await releaseDueSalesBatches(hub.ctx.db, hub.clock.now())).toBe(2);
    expect(await releaseDueSalesBatches(hub.ctx.db, hub.clock.now())).toBe(0);
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(3);

    // a sale after it waits for 23:00
    await deliverSales(hub, integrationId, sale("p1", 5));
    hub.clock.advance(3_600_000);
    expect(await releaseDueSalesBatches(hub.ctx.db, hub.clock.now())).toBe(0);
    const after = await api<Record<string, unknown>>(
      "GET",
      `/v1/integrations/${integrationId}/sales-batch`,
    );
    expect(after.body).toMatchObject({
      nextRunAt: "2026-12-01T22:00:00.000Z",
      held: { count: 1 },
    });
  });

  it("T1: a manager runs the batch now: the held sales are processed at once", async () => {
    const { hub, api, integrationId } = await onboardedStore(engine);
    await deliverSales(hub, integrationId, sale("p1", 30));
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(1);
    const run = await api<Record<string, unknown>>(
      "POST",
      `/v1/integrations/${integrationId}/sales-batch/run`,
    );
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ released: 1, held: { count: 0 } });
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(2);
  });

  it("T6: an integration switched to real time takes its sales as they come, and lets the held ones through at the scheduler's next tick", async () => {
    const { hub, api, integrationId } = await onboardedStore(engine);
    await deliverSales(hub, integrationId, sale("p1", 40));
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(1);
    const patched = await api("PATCH", `/v1/integrations/${integrationId}`, {
      options: { salesTiming: "realtime" },
    });
    expect(patched.status).toBe(200);
    expect(await releaseDueSalesBatches(hub.ctx.db, hub.clock.now())).toBe(1);
    await deliverSales(hub, integrationId, sale("p1", 60));
    await drainInbox(hub);
    expect(await purchases(hub)).toBe(3);
    const status = await api<Record<string, unknown>>(
      "GET",
      `/v1/integrations/${integrationId}/sales-batch`,
    );
    expect(status.body).toMatchObject({ timing: "realtime", nextRunAt: null, held: { count: 0 } });
  });
});
