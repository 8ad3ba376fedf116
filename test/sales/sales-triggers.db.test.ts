import { describe, expect, it } from "vitest";
import type { SaleRecord } from "../../src/domain/retail-records.ts";
import { releaseDueSalesBatches } from "../../src/scheduler/sales-batches.ts";
import { fireDueSalesTriggers } from "../../src/scheduler/sales-triggers.ts";
import { createUser } from "../../src/services/users.ts";
import type { Role } from "../../src/store/users-table.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, drainInbox, manualClock } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { deliverSales, saleRecord, syncedPosCustomer } from "../setup/sales.ts";

interface Task {
  id: number;
  title: string;
  purchaseId: number;
  clientId: number;
  assignedUserId: number | null;
  dueAt: string;
  state: string;
  closedBy: number | null;
}

let saleNo = 0;
/** a sale of the customer at `at`, one line of `category` worth `total` */
function sale(customerId: string, at: Date, total: number, category: string | null = null) {
  const record: SaleRecord = saleRecord(`t${++saleNo}`, 1, customerId, total);
  return {
    ...record,
    occurredAt: at.toISOString(),
    lines: record.lines.map((l) => ({ ...l, category })),
  };
}

/**
 * A store in `timeZone` whose POS integration's first sync is in (onboarded), one POS customer
 * "p1" (Unassigned), an associate and a manager.
 */
async function onboardedStore(
  engine: (typeof engines)[number],
  start: string,
  timeZone: string,
  salesTiming: "batched" | "realtime",
) {
  const hub = await createTestHub(await engine.open(), { clock: manualClock(new Date(start)) });
  await hub.ctx.db.query("update stores set time_zone = $1", [timeZone]);
  const integrationId = await addOfflineIntegration(hub, { salesTiming });
  const api = hubApi(hub);
  const clientId = await syncedPosCustomer(hub, integrationId, "p1");
  await drainInbox(hub);
  await api("POST", `/v1/integrations/${integrationId}/assignment-by-spend`);
  const user = async (role: Role, name: string) => {
    const { user, token } = await createUser(hub.ctx, hub.admin, {
      name,
      email: `${name.toLowerCase()}@triggers.test`,
      role,
    });
    return { id: user.id, api: hubApi(hub, token) };
  };
  const ann = await user("associate", "Ann");
  const bob = await user("associate", "Bob");
  const mia = await user("manager", "Mia");
  const fire = () => fireDueSalesTriggers(hub.ctx.db, hub.clock.now());
  const tasks = async (query = "") =>
    (await api<{ tasks: Task[] }>("GET", `/v1/tasks${query}`)).body.tasks;
  return { hub, api, integrationId, clientId, ann, bob, mia, fire, tasks };
}

const hours = (n: number) => n * 3_600_000;

describe.each(engines)("sales triggers and follow-up tasks, on $name", (engine) => {
  it("T4: a 0-day trigger on a batched sale never fires before the sale is processed, fires when the batch runs, and only once", async () => {
    // 09:00 in Copenhagen; the batch runs at 12:00
    const s = await onboardedStore(engine, "2026-12-01T08:00:00Z", "Europe/Copenhagen", "batched");
    const made = await s.api("POST", "/v1/sales-triggers", {
      name: "Thank-you call",
      daysAfter: 0,
    });
    expect(made.status).toBe(201);
    await deliverSales(s.hub, s.integrationId, sale("p1", s.hub.clock.now(), 120));
    await drainInbox(s.hub);
    // the sale waits in staging: its day has come, but it is not processed, so nothing fires
    s.hub.clock.advance(hours(2));
    expect(await s.fire()).toBe(0);
    expect(await s.tasks()).toEqual([]);

    s.hub.clock.advance(hours(1)); // 12:00: the batch runs
    expect(await releaseDueSalesBatches(s.hub.ctx.db, s.hub.clock.now())).toBe(1);
    await drainInbox(s.hub);
    expect(await s.fire()).toBe(1);
    expect(await s.fire()).toBe(0);
    s.hub.clock.advance(hours(48));
    expect(await s.fire()).toBe(0);
    // the customer is Unassigned (the sale had no associate): the task is the store's queue's
    expect(await s.tasks()).toMatchObject([
      { title: "Thank-you call", clientId: s.clientId, assignedUserId: null, state: "open" },
    ]);
  });

  it("T4: 'N days after the sale' counts calendar days of the store's time zone across a daylight-saving change, and filters by category and minimum amount", async () => {
    // Saturday 31 October 2026, 10:00 in New York (EDT); clocks go back on 1 November
    const s = await onboardedStore(engine, "2026-10-31T14:00:00Z", "America/New_York", "realtime");
    const trigger = await s.api<{ id: number }>("POST", "/v1/sales-triggers", {
      name: "Watch check-in",
      daysAfter: 3,
      category: "watches",
      minAmount: "250.00",
    });
    expect(trigger.status).toBe(201);
    const now = s.hub.clock.now();
    await deliverSales(
      s.hub,
      s.integrationId,
      sale("p1", now, 900, "Watches"), // matches (category compared without case)
      sale("p1", now, 249.99, "Watches"), // under the minimum
      sale("p1", now, 5000, "Rings"), // another category
    );
    await drainInbox(s.hub);
    // the customer is Ann's by the time it fires: the task is hers
    await s.api("PUT", `/v1/customers/${s.clientId}/assignment`, { userId: s.ann.id });

    // 72 hours later is 09:00 EST on 3 November: not the third day's 10:00 yet
    s.hub.clock.advance(hours(72));
    expect(await s.fire()).toBe(0);
    s.hub.clock.advance(hours(1));
    expect(await s.fire()).toBe(1);
    const [task] = await s.tasks();
    expect(task).toMatchObject({
      title: "Watch check-in",
      assignedUserId: s.ann.id,
      dueAt: "2026-11-03T15:00:00.000Z",
    });
    const purchases = await s.api<{ purchases: Array<{ id: number; total: string }> }>(
      "GET",
      `/v1/customers/${s.clientId}/purchases`,
    );
    expect(purchases.body.purchases.find((p) => p.id === task!.purchaseId)?.total).toBe("900.00");
  });

  it("T4: the first sync's history fires no trigger, and a trigger counts only the sales processed after it was made", async () => {
    const hub = await createTestHub(await engine.open(), {
      clock: manualClock(new Date("2026-12-01T08:00:00Z")),
    });
    const api = hubApi(hub);
    expect((await api("POST", "/v1/sales-triggers", { name: "Early", daysAfter: 0 })).status).toBe(
      201,
    );
    const integrationId = await addOfflineIntegration(hub, { salesTiming: "realtime" });
    await syncedPosCustomer(hub, integrationId, "p1");
    await deliverSales(hub, integrationId, sale("p1", hub.clock.now(), 80));
    await drainInbox(hub);
    await api("POST", `/v1/integrations/${integrationId}/assignment-by-spend`);
    expect(await fireDueSalesTriggers(hub.ctx.db, hub.clock.now())).toBe(0);

    // after onboarding a sale counts for the trigger that exists, not for one made after it
    await deliverSales(hub, integrationId, sale("p1", hub.clock.now(), 90));
    await drainInbox(hub);
    await api("POST", "/v1/sales-triggers", { name: "Late", daysAfter: 0 });
    expect(await fireDueSalesTriggers(hub.ctx.db, hub.clock.now())).toBe(1);
    const tasks = await api<{ tasks: Task[] }>("GET", "/v1/tasks");
    expect(tasks.body.tasks.map((t) => t.title)).toEqual(["Early"]);
  });

  it("T4: a sale entered by hand in the hub is processed at once: in the purchases and the report, its seller gets the Unassigned customer (A5), and a 0-day trigger fires for the seller", async () => {
    const s = await onboardedStore(engine, "2026-12-01T08:00:00Z", "Europe/Copenhagen", "batched");
    await s.api("POST", "/v1/sales-triggers", { name: "Welcome note", daysAfter: 0 });
    const entered = await s.ann.api<Record<string, unknown>>(
      "POST",
      `/v1/customers/${s.clientId}/purchases`,
      {
        lines: [
          { description: "Strap fitting", category: "Service", amount: 35.5 },
          { description: "Cleaning kit", quantity: 2, amount: 24 },
        ],
      },
    );
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({
      externalId: null,
      total: "59.50",
      currency: "USD",
      soldBy: s.ann.id,
      lines: [{ name: "Strap fitting" }, { name: "Cleaning kit", quantity: "2.000" }],
    });
    const customer = await s.api<{ assignedUserId: number | null }>(
      "GET",
      `/v1/customers/${s.clientId}`,
    );
    expect(customer.body.assignedUserId).toBe(s.ann.id);
    const report = await s.api<{ rows: unknown[] }>(
      "GET",
      "/v1/sales/report?from=2026-12-01&to=2026-12-01&by=associate",
    );
    expect(report.body.rows).toMatchObject([
      { key: `user ${s.ann.id}`, label: "Ann", sales: 1, total: "59.50" },
    ]);
    // no batch to wait for
    expect(await s.fire()).toBe(1);
    expect(await s.ann.api<{ tasks: Task[] }>("GET", "/v1/tasks?assignedTo=me")).toMatchObject({
      body: { tasks: [{ title: "Welcome note", assignedUserId: s.ann.id }] },
    });
  });

  it("T4: a bad hand-entered sale is refused with the field named, and changes nothing", async () => {
    const s = await onboardedStore(engine, "2026-12-01T08:00:00Z", "UTC", "realtime");
    const count = async () =>
      (await s.hub.ctx.db.query<{ n: number }>("select count(*)::int as n from purchases"))[0]!.n;
    const before = await count();
    const post = (body: unknown, api = s.api) =>
      api<{ error: { code: string; message: string } }>(
        "POST",
        `/v1/customers/${s.clientId}/purchases`,
        body,
      );
    const line = { description: "Ring", amount: 10 };
    for (const [body, where] of [
      [{ lines: [] }, "lines"],
      [{ lines: [{ ...line, colour: "red" }] }, "colour"],
      [{ lines: [{ ...line, amount: 10.005 }] }, "amount"],
      [{ lines: [line], occurredAt: "yesterday" }, "occurredAt"],
      [{ lines: [line], occurredAt: "2026-12-03T10:00:00Z" }, "occurredAt"],
      [{ lines: [line], soldBy: 999_999 }, "soldBy"],
    ] as const) {
      const answer = await post(body);
      expect([where, answer.status]).toEqual([where, 400]);
      expect(answer.body.error.message).toContain(where);
    }
    // an associate enters only their own sales
    const forBob = await post({ lines: [line], soldBy: s.bob.id }, s.ann.api);
    expect(forBob.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("T4: tasks are listed, done or dismissed once: an associate sees and closes their own and the queue's, never a colleague's", async () => {
    const s = await onboardedStore(engine, "2026-12-01T08:00:00Z", "UTC", "realtime");
    await s.api("POST", "/v1/sales-triggers", { name: "Call back", daysAfter: 0 });
    // three customers: Ann's, Bob's, and an Unassigned one (the queue), as they are when it fires
    const customer = async (owner: number | null) => {
      const made = await s.api<{ id: number }>("POST", "/v1/customers", { firstName: "Kit" });
      await s.api("POST", `/v1/customers/${made.body.id}/purchases`, {
        lines: [{ description: "Pendant", amount: 300 }],
      });
      await s.api("PUT", `/v1/customers/${made.body.id}/assignment`, { userId: owner });
      return made.body.id;
    };
    await customer(s.ann.id);
    await customer(s.bob.id);
    await customer(null);
    expect(await s.fire()).toBe(3);
    const all = await s.tasks();
    const [annTask, bobTask, queueTask] = all;
    expect(all.map((t) => t.assignedUserId)).toEqual([s.ann.id, s.bob.id, null]);

    const annSees = await s.ann.api<{ tasks: Task[] }>("GET", "/v1/tasks");
    expect(annSees.body.tasks.map((t) => t.id)).toEqual([annTask!.id, queueTask!.id]);
    expect((await s.ann.api("GET", `/v1/tasks?assignedTo=${s.bob.id}`)).status).toBe(403);
    expect(
      (await s.mia.api<{ tasks: Task[] }>("GET", `/v1/tasks?assignedTo=queue`)).body.tasks,
    ).toMatchObject([{ id: queueTask!.id }]);

    const close = (api: typeof s.api, id: number, state: string) =>
      api<Task & { error?: { code: string } }>("PATCH", `/v1/tasks/${id}`, { state });
    expect((await close(s.ann.api, bobTask!.id, "done")).status).toBe(403);
    expect((await close(s.ann.api, annTask!.id, "finished")).status).toBe(400);
    const done = await close(s.ann.api, annTask!.id, "done");
    expect(done.body).toMatchObject({ state: "done", closedBy: s.ann.id });
    expect((await close(s.ann.api, annTask!.id, "dismissed")).status).toBe(409);
    expect((await close(s.ann.api, queueTask!.id, "dismissed")).body.state).toBe("dismissed");
    expect((await close(s.mia.api, bobTask!.id, "done")).status).toBe(200);

    expect(await s.tasks()).toEqual([]);
    expect((await s.tasks("?state=dismissed")).map((t) => t.id)).toEqual([queueTask!.id]);
    expect((await s.tasks("?state=done")).map((t) => t.id)).toEqual([annTask!.id, bobTask!.id]);
  });

  it("T4: a trigger's change moves its waiting sales to the new day; switched off, it drops them; bad settings are refused with the field named", async () => {
    const s = await onboardedStore(engine, "2026-12-01T08:00:00Z", "UTC", "realtime");
    const trigger = await s.api<{ id: number }>("POST", "/v1/sales-triggers", {
      name: "Week later",
      daysAfter: 7,
    });
    await s.api("POST", `/v1/customers/${s.clientId}/purchases`, {
      lines: [{ description: "Earrings", amount: 80 }],
    });
    const patch = (body: unknown) =>
      s.api<Record<string, unknown> & { error?: { message: string } }>(
        "PATCH",
        `/v1/sales-triggers/${trigger.body.id}`,
        body,
      );
    expect((await patch({ daysAfter: 2 })).body).toMatchObject({
      name: "Week later",
      daysAfter: 2,
    });
    s.hub.clock.advance(hours(48));
    expect(await s.fire()).toBe(1);

    await s.api("POST", `/v1/customers/${s.clientId}/purchases`, {
      lines: [{ description: "Brooch", amount: 60 }],
    });
    expect((await patch({ active: false })).body).toMatchObject({ active: false });
    expect((await patch({ active: true })).body).toMatchObject({ active: true });
    s.hub.clock.advance(hours(48));
    expect(await s.fire()).toBe(0);

    for (const [body, where] of [
      [{ daysAfter: -1 }, "daysAfter"],
      [{ minAmount: "ten" }, "minAmount"],
      [{ colour: "red" }, "colour"],
    ] as const) {
      const answer = await patch(body);
      expect([where, answer.status]).toEqual([where, 400]);
      expect(answer.body.error?.message).toContain(where);
    }
    expect((await s.mia.api("PATCH", "/v1/sales-triggers/999999", { active: false })).status).toBe(
      404,
    );
    expect(
      (await s.ann.api("POST", "/v1/sales-triggers", { name: "x", daysAfter: 1 })).status,
    ).toBe(403);
    const listed = await s.mia.api<{ triggers: unknown[] }>("GET", "/v1/sales-triggers");
    expect(listed.body.triggers).toMatchObject([
      { name: "Week later", daysAfter: 2, active: true },
    ]);
  });

  it("T4: a trigger counts only sales made after it and after onboarding; a filter changed drops the waiting sales it no longer takes; one switched off as its sale was noted fires nothing", async () => {
    // the trigger is made first; the POS is onboarded a month later
    const hub = await createTestHub(await engine.open(), {
      clock: manualClock(new Date("2026-11-01T08:00:00Z")),
    });
    const api = hubApi(hub);
    const made = await api<{ id: number }>("POST", "/v1/sales-triggers", {
      name: "Follow up",
      daysAfter: 1,
    });
    hub.clock.advance(hours(30 * 24));
    const integrationId = await addOfflineIntegration(hub, { salesTiming: "realtime" });
    const clientId = await syncedPosCustomer(hub, integrationId, "p1");
    await drainInbox(hub);
    await api("POST", `/v1/integrations/${integrationId}/assignment-by-spend`);
    // a sale of last week (after the trigger, before onboarding) comes in late: no follow-up
    await deliverSales(
      hub,
      integrationId,
      sale("p1", new Date(hub.clock.now().getTime() - hours(7 * 24)), 80),
    );
    await drainInbox(hub);
    hub.clock.advance(hours(48));
    const fire = () => fireDueSalesTriggers(hub.ctx.db, hub.clock.now());
    expect(await fire()).toBe(0);

    // a sale made an hour before a new trigger, processed after it, counts for the old one only
    const earlier = new Date(hub.clock.now().getTime() - hours(1));
    const tooNew = await api<{ id: number }>("POST", "/v1/sales-triggers", {
      name: "Too new",
      daysAfter: 0,
    });
    await deliverSales(hub, integrationId, sale("p1", earlier, 90));
    await drainInbox(hub);
    hub.clock.advance(hours(24));
    expect(await fire()).toBe(1);
    const fired = await api<{ tasks: Task[] }>("GET", "/v1/tasks");
    expect(fired.body.tasks.map((t) => t.title)).toEqual(["Follow up"]);
    await api("PATCH", `/v1/tasks/${fired.body.tasks[0]!.id}`, { state: "done" });
    await api("PATCH", `/v1/sales-triggers/${tooNew.body.id}`, { active: false });

    // a sale entered now waits a day; the trigger's new category no longer takes it
    await api("POST", `/v1/customers/${clientId}/purchases`, {
      lines: [{ description: "Ring", category: "Rings", amount: 400 }],
    });
    await api("PATCH", `/v1/sales-triggers/${made.body.id}`, { category: "Watches" });
    hub.clock.advance(hours(24));
    expect(await fire()).toBe(0);

    // a watch sale is noted, and the trigger is switched off under it (as a manager's change
    // racing the engine would leave it): the note goes without a task
    await api("POST", `/v1/customers/${clientId}/purchases`, {
      lines: [{ description: "Watch", category: "Watches", amount: 900 }],
    });
    await hub.ctx.db.query("update sales_triggers set active = false where id = $1", [
      made.body.id,
    ]);
    hub.clock.advance(hours(24));
    expect(await fire()).toBe(0);
    const left = await hub.ctx.db.query("select * from sale_trigger_due");
    expect(left).toEqual([]);
    expect((await api<{ tasks: Task[] }>("GET", "/v1/tasks")).body.tasks).toEqual([]);
  });
});
