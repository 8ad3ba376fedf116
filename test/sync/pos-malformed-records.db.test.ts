import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { customerPurchases } from "../../src/services/activity.ts";
import { getCustomer, listCustomers } from "../../src/services/customers.ts";
import { engines } from "../setup/database.ts";
import { fromPos } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

/** Makes the POS serve a record's current version in its feed with one field replaced. */
async function malform(pair: SyncedPair, kind: string, id: string, field: string, value?: unknown) {
  const made = await pair.posCall("POST", "/staff/faults/malformed", { kind, id, field, value });
  expect(made.status).toBe(200);
}

/** The POS repairs the record: it is served whole again, at a new version. */
async function repair(pair: SyncedPair, kind: string, id: string) {
  expect((await pair.posCall("POST", "/staff/faults/malformed/repair", { kind, id })).status).toBe(
    200,
  );
}

interface FailedEvent {
  kind: string;
  externalId: string | null;
  customerId: number | null;
  state: string;
  lastError: string;
}

/** What GET /v1/events/failed lists, as the store's admin sees it. */
async function listedFailures(pair: SyncedPair): Promise<FailedEvent[]> {
  const response = await createApp(pair.ctx).request("/v1/events/failed", {
    headers: { authorization: `Bearer ${pair.token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: FailedEvent[] }).events;
}

async function cursorErrors(pair: SyncedPair) {
  const rows = await pair.ctx.db.query<{ feed: string; last_error: string | null }>(
    "select feed, last_error from poll_cursors order by feed",
  );
  return rows.filter((r) => r.last_error !== null);
}

describe.each(engines)("a malformed record in a POS feed, on $name", (engine) => {
  it("R7.1: a customer the POS serves malformed does not stop the changes feed; it is listed with the field, and comes in once repaired", async () => {
    const pair = await startSyncedPair(await engine.open());
    const ada = await fromPos(pair, { firstName: "Ada" });
    const before = await pair.posCall("POST", "/staff/customers", { firstName: "Before" });
    expect(before.status).toBe(201);
    // Ada's next version is served with an email that is a number, between two good changes
    const edit = { set: { firstName: "Adah" } };
    expect((await pair.posCall("PATCH", `/staff/customers/${ada.posId}`, edit)).status).toBe(200);
    await malform(pair, "customer", ada.posId, "contacts", [
      { id: "cm_x", type: "email", value: 4155550123 },
    ]);
    await pair.posCall("POST", "/staff/customers", { firstName: "After" });
    await pair.settle();

    const names = async () =>
      (await listCustomers(pair.ctx, pair.admin, { limit: 10 })).customers
        .map((c) => c.firstName)
        .sort();
    expect(await names()).toEqual(["Ada", "After", "Before"]);
    expect(await cursorErrors(pair)).toEqual([]);
    const [failed, ...others] = await listedFailures(pair);
    expect(others).toEqual([]);
    expect(failed).toMatchObject({
      kind: "customer.rejected",
      externalId: ada.posId,
      customerId: ada.clientId,
      state: "parked",
    });
    expect(failed!.lastError).toMatch(/^customer c_\d+ \(version \d+\): .*contacts\.0\.value: /);
    expect(failed!.lastError).not.toContain("4155550123");
    const sync = async () => (await getCustomer(pair.ctx, pair.admin, ada.clientId)).sync[0]!;
    expect(await sync()).toMatchObject({ status: "error", lastError: failed!.lastError });

    await repair(pair, "customer", ada.posId);
    await pair.settle();
    expect(await names()).toEqual(["Adah", "After", "Before"]);
    expect(await listedFailures(pair)).toEqual([]);
    expect(await sync()).toMatchObject({ status: "synced", lastError: null });
  });

  it("R7.1: a sale the POS serves with a missing field does not stop the sales feed; it is listed with the field, and comes in once repaired", async () => {
    const pair = await startSyncedPair(await engine.open());
    const bea = await fromPos(pair, { firstName: "Bea" });
    const ring = async (amount: number) => {
      const sale = await pair.posCall<{ id: string }>("POST", "/staff/sales", {
        customerId: bea.posId,
        lines: [{ description: `Order of ${amount}`, amount }],
      });
      expect(sale.status).toBe(201);
      return sale.body.id;
    };
    const first = await ring(110);
    const bad = await ring(220);
    await malform(pair, "sale", bad, "currency"); // no value: the field is missing
    const last = await ring(330);
    await pair.settle();

    const purchases = async () =>
      (await customerPurchases(pair.ctx, pair.admin, bea.clientId))
        .map((p) => [p.externalId, p.total])
        .sort();
    expect(await purchases()).toEqual([
      [first, "110.00"],
      [last, "330.00"],
    ]);
    expect(await cursorErrors(pair)).toEqual([]);
    const failed = await listedFailures(pair);
    expect(failed).toMatchObject([{ kind: "sale.rejected", externalId: bad, state: "parked" }]);
    expect(failed[0]!.lastError).toMatch(new RegExp(`^sale ${bad}: .*currency: `));

    await repair(pair, "sale", bad);
    await pair.settle();
    expect(await purchases()).toEqual([
      [first, "110.00"],
      [bad, "220.00"],
      [last, "330.00"],
    ]);
    expect(await listedFailures(pair)).toEqual([]);
  });
});
