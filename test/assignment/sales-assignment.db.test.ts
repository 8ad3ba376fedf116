import { describe, expect, it } from "vitest";
import type { SaleRecord } from "../../src/domain/retail-records.ts";
import { processBatch } from "../../src/engine/run-batch.ts";
import { processEvent } from "../../src/engine/run-engine.ts";
import { scheduleOnboardingAssignments } from "../../src/scheduler/onboarding-assignment.ts";
import { createUser } from "../../src/services/users.ts";
import { engines } from "../setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  drainInbox,
  posCustomer,
  type TestHub,
} from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { deliverSales, saleRecord } from "../setup/sales.ts";

let saleNo = 0;
/** a sale of `total` by the associate with `number`, on `day` of November 2026 */
const sale = (customerId: string, number: string | null, total: number, day = 10): SaleRecord => ({
  ...saleRecord(`s${++saleNo}`, 1, customerId, total),
  associateNumber: number,
  occurredAt: `2026-11-${String(day).padStart(2, "0")}T15:00:00.000Z`,
});

interface Customer {
  id: number;
  assignedUserId: number | null;
}

async function storeWithPos(hub: TestHub) {
  // sales as they come (T6), so that A5 acts at once (batches are tested in test/sales)
  const integrationId = await addOfflineIntegration(hub, { salesTiming: "realtime" });
  const api = hubApi(hub);
  const user = async (name: string, number: string) => {
    const { user } = await createUser(hub.ctx, hub.admin, {
      name,
      email: `${name.toLowerCase()}@spend.test`,
      role: "associate",
    });
    const mapped = await api("PUT", `/v1/integrations/${integrationId}/associates/${user.id}`, {
      associateNumber: number,
    });
    expect(mapped.status).toBe(200);
    return user.id;
  };
  /** POS customers merged into the hub (unassigned: they came from the POS); their hub ids */
  const customers = async (...ids: string[]) => {
    await deliver(hub, integrationId, ...ids.map((id) => posCustomer(id, 1, { firstName: id })));
    await drainInbox(hub);
    const rows = await hub.ctx.db.query<{ external_id: string; client_id: number }>(
      "select external_id, client_id from links where integration_id = $1",
      [integrationId],
    );
    return Object.fromEntries(rows.map((r) => [r.external_id, r.client_id]));
  };
  const assigned = async (clientId: number) =>
    (await api<Customer>("GET", `/v1/customers/${clientId}`)).body.assignedUserId;
  return { integrationId, api, user, customers, assigned };
}

describe.each(engines)("assignment by sales, on $name", (engine) => {
  it("A4: seed 004 as written: 4 sales of 1,500 with A and 2 of 1,800 with B assign the client to B; returns count against the spend; a tie goes to the most recent sale; an unmapped number is reported and assigns after it is mapped", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await storeWithPos(hub);
    const a = await s.user("Ann", "11");
    const b = await s.user("Bob", "22");
    const c = await s.customers("seed", "refund", "tie", "unmapped", "nothing", "shared");
    // a number stands for one user: mapping it to a second is refused...
    const dan = await s.user("Dan", "44");
    const { user: eve } = await createUser(hub.ctx, hub.admin, {
      name: "Eve",
      email: "eve@spend.test",
      role: "associate",
    });
    const twice = await s.api("PUT", `/v1/integrations/${s.integrationId}/associates/${eve.id}`, {
      associateNumber: "44",
    });
    expect(twice.status).toBe(409);
    // ...but a store upgraded from before that check may hold one twice: it assigns no one
    await hub.ctx.db.query(
      `insert into user_associates (store_id, user_id, integration_id, associate_number)
       select store_id, id, $2, '44' from users where id = $1`,
      [eve.id, s.integrationId],
    );
    await deliverSales(
      hub,
      s.integrationId,
      // seed 004: A on 4 sales totalling 1,500; B on 2 totalling 1,800: B
      sale("seed", "11", 300),
      sale("seed", "11", 400),
      sale("seed", "11", 500),
      sale("seed", "11", 300),
      sale("seed", "22", 900),
      sale("seed", "22", 900),
      // A sold 1,000 but 600 came back: B's 500 is more
      sale("refund", "11", 1000),
      sale("refund", "11", -600),
      sale("refund", "22", 500),
      // the same spend: the associate of the most recent sale
      sale("tie", "22", 500, 3),
      sale("tie", "11", 500, 9),
      // the largest spender's number maps to no one: the client waits for it
      sale("unmapped", "33", 2000),
      sale("unmapped", "11", 100),
      // everything returned: no one
      sale("nothing", "11", 200),
      sale("nothing", "11", -200),
      // a number two users hold
      sale("shared", "44", 300),
    );
    await drainInbox(hub);
    // before onboarding, purchases assign no one (A5 waits for A4)
    for (const id of Object.values(c)) expect(await s.assigned(id)).toBeNull();

    const run = await s.api<Record<string, unknown>>(
      "POST",
      `/v1/integrations/${s.integrationId}/assignment-by-spend`,
    );
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      assigned: 3,
      onboardedNow: true,
      unmapped: [
        { associateNumber: "33", why: "unmapped", sales: 1, total: "2000.00", clientsWaiting: 1 },
        {
          associateNumber: "44",
          why: "held by several users",
          sales: 1,
          total: "300.00",
          clientsWaiting: 1,
        },
      ],
    });
    expect(await s.assigned(c["seed"]!)).toBe(b);
    expect(await s.assigned(c["refund"]!)).toBe(b);
    expect(await s.assigned(c["tie"]!)).toBe(a);
    expect(await s.assigned(c["unmapped"]!)).toBeNull();
    expect(await s.assigned(c["nothing"]!)).toBeNull();
    expect(await s.assigned(c["shared"]!)).toBeNull();
    expect(dan).not.toBe(eve.id);
    const history = await s.api<{ entries: Array<Record<string, unknown>> }>(
      "GET",
      `/v1/customers/${c["seed"]}/history?field=assignedUserId`,
    );
    expect(history.body.entries).toMatchObject([
      {
        oldValue: null,
        newValue: b,
        reason: "A4: largest total spend, 1800.00 in 2 sales with associate 22",
      },
    ]);

    // mapped now, the run again assigns the waiting client; no one else changes (A6)
    await s.api("PUT", `/v1/customers/${c["tie"]}/assignment`, { userId: b });
    const cara = await s.user("Cara", "33");
    const again = await s.api<Record<string, unknown>>(
      "POST",
      `/v1/integrations/${s.integrationId}/assignment-by-spend`,
    );
    expect(again.body).toMatchObject({
      assigned: 1,
      onboardedNow: false,
      unmapped: [{ associateNumber: "44" }],
    });
    expect(await s.assigned(c["unmapped"]!)).toBe(cara);
    expect(await s.assigned(c["tie"]!)).toBe(b);
  });

  it("A5, A6: after onboarding a purchase by an Unassigned client assigns the associate who made it (one at a time and in a batch); a later purchase with another associate changes nothing", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await storeWithPos(hub);
    const a = await s.user("Ann", "11");
    const b = await s.user("Bob", "22");
    await s.api("POST", `/v1/integrations/${s.integrationId}/assignment-by-spend`);
    const c = await s.customers("one", "batch", "nobody");

    await deliverSales(hub, s.integrationId, sale("one", "22", 80));
    await drainInbox(hub);
    expect(await s.assigned(c["one"]!)).toBe(b);

    // a batch: the earliest of the client's purchases decides; an unmapped number assigns no one
    await deliverSales(
      hub,
      s.integrationId,
      sale("batch", "11", 40, 12),
      sale("batch", "22", 900, 14),
      sale("nobody", "99", 500),
      sale("one", "11", 5000),
    );
    const result = await processBatch(hub.ctx.db, () => hub.clock.now(), processEvent, {
      limit: 50,
    });
    expect(result.handled).toHaveLength(4);
    expect(await s.assigned(c["batch"]!)).toBe(a);
    expect(await s.assigned(c["nobody"]!)).toBeNull();
    expect(await s.assigned(c["one"]!)).toBe(b);
    const history = await s.api<{ entries: Array<Record<string, unknown>> }>(
      "GET",
      `/v1/customers/${c["batch"]}/history?field=assignedUserId`,
    );
    expect(history.body.entries).toMatchObject([
      {
        newValue: a,
        actor: "system",
        reason: expect.stringMatching(
          /^A5: first purchase since onboarding \(sale s\d+, associate 11\)$/,
        ),
      },
    ]);
  });

  it("A6: a client with an associate keeps them whatever it buys from whom: a larger sale by another associate, one at a time or in a batch, the assignment by spend run again, or a sale entered in the hub by another seller", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await storeWithPos(hub);
    const a = await s.user("Ann", "11");
    const b = await s.user("Bob", "22");
    await s.api("POST", `/v1/integrations/${s.integrationId}/assignment-by-spend`);
    const c = await s.customers("kept");
    const kept = c["kept"]!;
    expect((await s.api("PUT", `/v1/customers/${kept}/assignment`, { userId: a })).status).toBe(
      200,
    );

    await deliverSales(hub, s.integrationId, sale("kept", "22", 7300));
    await drainInbox(hub);
    expect(await s.assigned(kept)).toBe(a);
    await deliverSales(
      hub,
      s.integrationId,
      sale("kept", "22", 9100, 12),
      sale("kept", "22", 8200, 14),
    );
    await processBatch(hub.ctx.db, () => hub.clock.now(), processEvent, { limit: 50 });
    expect(await s.assigned(kept)).toBe(a);
    await s.api("POST", `/v1/integrations/${s.integrationId}/assignment-by-spend`);
    expect(await s.assigned(kept)).toBe(a);
    const entered = await s.api("POST", `/v1/customers/${kept}/purchases`, {
      soldBy: b,
      lines: [{ description: "Bracelet", amount: 6400 }],
    });
    expect(entered.status).toBe(201);
    expect(await s.assigned(kept)).toBe(a);
    // the history holds the one change by hand, none by a rule
    const history = await s.api<{ entries: Array<{ reason: string | null }> }>(
      "GET",
      `/v1/customers/${kept}/history?field=assignedUserId`,
    );
    expect(history.body.entries.map((e) => e.reason)).toEqual(["A8: set by hand"]);
  });

  it("A4: the scheduler hands the onboarding assignment to the engine once, when every feed has caught up and no change waits untried", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await storeWithPos(hub);
    const b = await s.user("Bob", "22");
    const c = await s.customers("first");
    await deliverSales(hub, s.integrationId, sale("first", "22", 120));
    const cursors = (feed: string, caughtUp: boolean) =>
      hub.ctx.db.query(
        `insert into poll_cursors (store_id, integration_id, feed, caught_up)
         select store_id, id, $2, $3 from integrations where id = $1
         on conflict (store_id, integration_id, feed) do update set caught_up = excluded.caught_up`,
        [s.integrationId, feed, caughtUp],
      );
    // the sale is in, but the sales feed is still fetching: not yet
    await drainInbox(hub);
    await cursors("customers", true);
    await cursors("sales", false);
    expect(await scheduleOnboardingAssignments(hub.ctx.db, hub.clock.now())).toBe(0);
    // every feed caught up, but a change waits untried in the inbox: not yet
    await cursors("sales", true);
    const c2 = await s.customers("second");
    await deliverSales(hub, s.integrationId, sale("second", "22", 10));
    expect(await scheduleOnboardingAssignments(hub.ctx.db, hub.clock.now())).toBe(0);
    await drainInbox(hub);
    expect(await s.assigned(c["first"]!)).toBeNull();
    expect(await s.assigned(c2["second"]!)).toBeNull();
    expect(await scheduleOnboardingAssignments(hub.ctx.db, hub.clock.now())).toBe(1);
    // once: another worker, or a later tick, hands nothing more
    expect(await scheduleOnboardingAssignments(hub.ctx.db, hub.clock.now())).toBe(0);
    await drainInbox(hub);
    expect(await s.assigned(c["first"]!)).toBe(b);
    expect(await scheduleOnboardingAssignments(hub.ctx.db, hub.clock.now())).toBe(0);
  });
});
