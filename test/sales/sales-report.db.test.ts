import { describe, expect, it } from "vitest";
import type { SaleRecord } from "../../src/domain/retail-records.ts";
import { createUser } from "../../src/services/users.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, drainInbox } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { deliverSales, syncedPosCustomer } from "../setup/sales.ts";

const line = (category: string, amount: number): SaleRecord["lines"][number] => ({
  kind: "item",
  inventoryId: null,
  sku: null,
  description: `${category} piece`,
  category,
  vendor: null,
  quantity: 1,
  amount,
});

const sale = (
  id: string,
  customerId: string,
  associateNumber: string,
  occurredAt: string,
  lines: SaleRecord["lines"],
): SaleRecord => ({
  id,
  version: 1,
  customerId,
  associateNumber,
  occurredAt,
  currency: "USD",
  total: lines.reduce((n, l) => n + l.amount, 0),
  lines,
  serviceJobs: [],
});

interface Report {
  currency: string;
  timeZone: string;
  rows: Array<{ key: string; label: string; sales: number; total: string }>;
}

describe.each(engines)("sales log and report (T5), on $name", (engine) => {
  it("T5: processed sales by store-local day, associate and category, in the store's currency; a held sale is not in them; the log pages newest first", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    await api("PATCH", "/v1/store", { timeZone: "Europe/Copenhagen" });
    const integrationId = await addOfflineIntegration(hub, { salesTiming: "realtime" });
    const mapped = async (name: string, number: string) => {
      const { user } = await createUser(hub.ctx, hub.admin, {
        name,
        email: `${name.toLowerCase()}@report.test`,
        role: "associate",
      });
      await api("PUT", `/v1/integrations/${integrationId}/associates/${user.id}`, {
        associateNumber: number,
      });
      return user.id;
    };
    const ann = await mapped("Ann", "11");
    const bob = await mapped("Bob", "22");
    await syncedPosCustomer(hub, integrationId, "p1");
    await syncedPosCustomer(hub, integrationId, "p2");
    const held = {
      ...sale("s5", "p1", "11", "2026-11-11T12:00:00Z", [line("Rings", 70)]),
      total: 1,
    };
    await deliverSales(
      hub,
      integrationId,
      sale("s1", "p1", "11", "2026-11-10T10:00:00Z", [line("Rings", 100)]),
      // 00:30 on the 11th in Copenhagen
      sale("s2", "p1", "22", "2026-11-10T23:30:00Z", [line("Watches", 300), line("Rings", 50)]),
      // a return, by a number no one holds
      sale("s3", "p2", "99", "2026-11-12T12:00:00Z", [line("Rings", -40)]),
      held,
    );
    await drainInbox(hub);
    const report = (by: string, from = "2026-11-10", to = "2026-11-12") =>
      api<Report>("GET", `/v1/sales/report?from=${from}&to=${to}&by=${by}`);

    expect((await report("day")).body).toMatchObject({
      currency: "USD",
      timeZone: "Europe/Copenhagen",
      rows: [
        { key: "2026-11-10", sales: 1, total: "100.00" },
        { key: "2026-11-11", sales: 1, total: "350.00" },
        { key: "2026-11-12", sales: 1, total: "-40.00" },
      ],
    });
    expect((await report("associate")).body.rows).toEqual(
      expect.arrayContaining([
        { key: `user ${ann}`, label: "Ann", sales: 1, total: "100.00" },
        { key: `user ${bob}`, label: "Bob", sales: 1, total: "350.00" },
        { key: "number 99", label: "number 99", sales: 1, total: "-40.00" },
      ]),
    );
    expect((await report("associate")).body.rows).toHaveLength(3);
    expect((await report("category")).body.rows).toEqual([
      { key: "Rings", label: "Rings", sales: 3, total: "110.00" },
      { key: "Watches", label: "Watches", sales: 1, total: "300.00" },
    ]);
    // one day only: the 11th in Copenhagen holds the sale made late on the 10th in UTC
    expect((await report("day", "2026-11-11", "2026-11-11")).body.rows).toEqual([
      { key: "2026-11-11", label: "2026-11-11", sales: 1, total: "350.00" },
    ]);

    const first = await api<{
      sales: Array<{ externalId: string; day: string; purchaseId: number; categories: string[] }>;
    }>("GET", "/v1/sales?from=2026-11-10&to=2026-11-12&limit=2");
    expect(first.body.sales.map((s) => [s.externalId, s.day])).toEqual([
      ["s3", "2026-11-12"],
      ["s2", "2026-11-11"],
    ]);
    expect(first.body.sales[1]!.categories).toEqual(["Rings", "Watches"]);
    const next = await api<{ sales: Array<{ externalId: string }> }>(
      "GET",
      `/v1/sales?from=2026-11-10&to=2026-11-12&limit=2&before=${first.body.sales[1]!.purchaseId}`,
    );
    expect(next.body.sales.map((s) => s.externalId)).toEqual(["s1"]);
  });

  it("T5: a range that is not days in order, or longer than a year, is refused naming the field", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    for (const [query, field] of [
      ["from=2026-11-12&to=2026-11-10", /^to: /],
      ["from=2026-02-30&to=2026-03-01", /^from: /],
      ["from=2025-01-01&to=2026-06-01", /^to: at most 366 days/],
      ["from=yesterday&to=2026-06-01", /^from/],
    ] as const) {
      const bad = await api<{ error: { message: string } }>("GET", `/v1/sales/report?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.message).toMatch(field);
    }
  });
});
