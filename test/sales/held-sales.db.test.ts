import { describe, expect, it } from "vitest";
import type { SaleRecord } from "../../src/domain/retail-records.ts";
import { processBatch } from "../../src/engine/run-batch.ts";
import { processEvent } from "../../src/engine/run-engine.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, drainInbox, type TestHub } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { deliverSales, saleRecord, syncedPosCustomer } from "../setup/sales.ts";

let saleNo = 0;
const sale = (fields: Partial<SaleRecord> = {}): SaleRecord => ({
  ...saleRecord(`h${++saleNo}`, 1, "p1", 80),
  ...fields,
});

interface FailedEvent {
  id: number;
  kind: string;
  externalId: string | null;
  lastError: string | null;
  state: string;
  customerId: number | null;
}

const purchaseIds = async (hub: TestHub) =>
  (
    await hub.ctx.db.query<{ external_id: string }>(
      "select external_id from purchases order by external_id",
    )
  ).map((r) => r.external_id);

describe.each(engines)("sales held back (T2), on $name", (engine) => {
  it.each(["one at a time", "in a batch"])(
    "T2: a sale with no lines, totals that do not add up, or a currency not the store's is held at once with its reason (%s); the others go on; fixed, a retry processes it once",
    async (how) => {
      const hub = await createTestHub(await engine.open());
      const api = hubApi(hub);
      const integrationId = await addOfflineIntegration(hub, { salesTiming: "realtime" });
      const customerId = await syncedPosCustomer(hub, integrationId, "p1");
      const good = sale();
      const empty = sale({ lines: [], total: 0 });
      const wrong = sale({ total: 95 });
      const kroner = sale({ currency: "DKK" });
      await deliverSales(hub, integrationId, empty, good, wrong, kroner);
      if (how === "in a batch")
        await processBatch(hub.ctx.db, () => hub.clock.now(), processEvent, { limit: 50 });
      else await drainInbox(hub);
      expect(await purchaseIds(hub)).toEqual([good.id]);

      const failed = await api<{ events: FailedEvent[] }>("GET", "/v1/events/failed");
      // R11.6: each held sale names the hub customer it is for
      expect(failed.body.events.map((e) => e.customerId)).toEqual([
        customerId,
        customerId,
        customerId,
      ]);
      const reasons = Object.fromEntries(
        failed.body.events.map((e) => [e.externalId, [e.lastError, e.state]]),
      );
      expect(reasons).toEqual({
        [empty.id]: [expect.stringMatching(/held: it has no lines/), "parked"],
        [wrong.id]: [
          expect.stringMatching(/held: the total 95\.00 is not the sum of its lines, 80\.00/),
          "parked",
        ],
        [kroner.id]: [
          expect.stringMatching(/held: its currency DKK is not the store's \(USD\)/),
          "parked",
        ],
      });

      // the store's currency was wrong: fixed, the held sale goes through on retry, once
      expect((await api("PATCH", "/v1/store", { currency: "DKK" })).status).toBe(200);
      const id = failed.body.events.find((e) => e.externalId === kroner.id)!.id;
      expect((await api("POST", `/v1/events/${id}/retry`)).status).toBeLessThan(300);
      await drainInbox(hub);
      expect(await purchaseIds(hub)).toEqual([good.id, kroner.id].sort());
    },
  );

  it("T2: the store's settings change only what a PATCH names; a bad time zone, currency or country is refused and changes nothing (admins only: the role matrix)", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const before = (await api("GET", "/v1/store")).body;
    const zone = await api("PATCH", "/v1/store", { timeZone: "Europe/Copenhagen" });
    expect(zone.body).toEqual({ ...before, timeZone: "Europe/Copenhagen" });
    for (const body of [
      { timeZone: "Mars/Olympus" },
      { currency: "usd" },
      { currency: "ABC" },
      { country: "XX" },
      { name: "" },
      { vat: 25 },
    ]) {
      const bad = await api<{ error: { message: string } }>("PATCH", "/v1/store", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api("GET", "/v1/store")).body).toEqual(zone.body);
  });
});
