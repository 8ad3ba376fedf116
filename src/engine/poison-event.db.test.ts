import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
  type TestHub,
} from "../../test/setup/hub.ts";
import { deliverSales, saleRecord, syncedPosCustomer } from "../../test/setup/sales.ts";
import { createApp } from "../api/app.ts";
import { getCustomer } from "../services/customers.ts";
import { createUser } from "../services/users.ts";
import type { Db } from "../store/database.ts";
import { processNextEvent } from "./run-engine.ts";

async function drain(db: Db, clock: { now(): Date }) {
  let steps = 0;
  while (await processNextEvent(db, clock)) steps++;
  return steps;
}

interface EventRow {
  attempts: number;
  retry_at: Date | null;
  processed_at: Date | null;
  outcome: string | null;
  last_error: string | null;
}
const eventOf = async (db: Db, key: string) =>
  (
    await db.query<EventRow & { id: number }>("select * from change_events where event_key = $1", [
      key,
    ])
  )[0]!;
const count = async (db: Db, sql: string) =>
  Number((await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`))[0]!.n);

function api(hub: TestHub) {
  const app = createApp(hub.ctx);
  return async <T = Record<string, unknown>>(method: string, path: string, token: string) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}

interface EventJson {
  id: number;
  kind: string;
  externalId: string | null;
  customerId: number | null;
  state: string;
  attempts: number;
  lastError: string | null;
}

// A sale no purchase column can hold (numeric(12, 2)): the database refuses it every time.
const poisonTotal = 1e13;

describe.each(engines)("one failing event never stops the others, on $name", (engine) => {
  it("R7.1: a poison event among a thousand good ones: all good ones are processed, the poison is retried with backoff, parked, listed and retried through the API", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    const ada = await syncedPosCustomer(hub, integration, "c_ada");

    // the poison is the oldest event in the inbox: the one a wedged engine would claim forever
    await deliverSales(hub, integration, saleRecord("s_poison", 2, "c_ada", poisonTotal));
    await deliverSales(hub, integration, saleRecord("s_good", 3, "c_ada", 120));
    const good = Array.from({ length: 999 }, (_, n) =>
      posCustomer(`c_${n}`, 10 + n, { firstName: `Guest ${n}` }),
    );
    await deliver(hub, integration, ...good);
    const started = Date.now();
    expect(await drain(db, hub.clock)).toBe(1001);
    const ms = Date.now() - started;
    console.info(`${engine.name}: 1001 events with a poison among them in ${ms} ms`);

    expect(await count(db, "select 1 from clients")).toBe(1000);
    expect(await count(db, "select 1 from purchases")).toBe(1);
    expect(
      await count(db, "select 1 from change_events where processed_at is null and outcome is null"),
    ).toBe(1);

    // S11: Ada is in the error section, with a reason a person can read
    const poisonKey = "sale:s_poison@2";
    const first = await eventOf(db, poisonKey);
    expect(first).toMatchObject({ attempts: 1, processed_at: null });
    expect(first.last_error).toMatch(/^sale s_poison: .*numeric field overflow/);
    const ada1 = await getCustomer(hub.ctx, hub.admin, ada);
    expect(ada1.sync[0]).toMatchObject({ status: "error", lastError: first.last_error });

    // retried with backoff: each wait longer than the one before, until it is parked
    const waits: number[] = [];
    let event = first;
    let failedAt = hub.clock.now();
    for (let round = 0; round < 20 && event.processed_at === null; round++) {
      const wait = event.retry_at!.getTime() - failedAt.getTime();
      waits.push(wait);
      hub.clock.advance(wait - 1);
      expect(await drain(db, hub.clock)).toBe(0); // not before its time
      hub.clock.advance(1);
      expect(await drain(db, hub.clock)).toBe(1);
      failedAt = hub.clock.now();
      const next = await eventOf(db, poisonKey);
      expect(next.attempts).toBe(event.attempts + 1);
      event = next;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    expect(event).toMatchObject({ attempts: 8, outcome: "failed", retry_at: null });
    expect(event.last_error).toMatch(/^sale s_poison: .*numeric field overflow/);
    // parked: no longer tried by itself
    hub.clock.advance(24 * 3600_000);
    expect(await drain(db, hub.clock)).toBe(0);
    expect((await eventOf(db, poisonKey)).attempts).toBe(8);
    // the others still flow
    await deliver(hub, integration, posCustomer("c_late", 5000, { firstName: "Late" }));
    expect(await drain(db, hub.clock)).toBe(1);

    // listed through the API, for admins and managers only
    const call = api(hub);
    const { token: associate } = await createUser(hub.ctx, hub.admin, {
      name: "Sam",
      email: "sam@test.local",
      role: "associate",
    });
    expect((await call("GET", "/v1/events/failed", associate)).status).toBe(403);
    const listed = await call<{ events: EventJson[] }>("GET", "/v1/events/failed", hub.token);
    expect(listed.status).toBe(200);
    expect(listed.body.events).toEqual([
      expect.objectContaining({
        id: event.id,
        kind: "sale.webhook",
        externalId: "s_poison",
        customerId: ada,
        state: "parked",
        attempts: 8,
        lastError: event.last_error,
      }),
    ]);

    // retried through the API: tried at once with fresh attempts, and failing again it waits again
    const path = `/v1/events/${event.id}/retry`;
    expect((await call("POST", path, associate)).status).toBe(403);
    expect((await eventOf(db, poisonKey)).attempts).toBe(8);
    const retried = await call<EventJson>("POST", path, hub.token);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: event.id, state: "waiting", attempts: 1 });
    expect(retried.body.lastError).toMatch(/numeric field overflow/);
    const again = await eventOf(db, poisonKey);
    expect(again.retry_at!.getTime()).toBeGreaterThan(hub.clock.now().getTime());
    expect((await getCustomer(hub.ctx, hub.admin, ada)).sync[0]!.status).toBe("error");
    // an event that is not failing is not retried (nothing is applied twice)
    const [done] = await db.query<{ id: number }>(
      "select id from change_events where event_key = 'sale:s_good@3'",
    );
    expect((await call("POST", `/v1/events/${done!.id}/retry`, hub.token)).status).toBe(409);
    expect((await call("POST", "/v1/events/999999/retry", hub.token)).status).toBe(404);
    expect(await count(db, "select 1 from purchases")).toBe(1);
  });

  it("S11: a customer whose inbound change failed shows error with the reason, and leaves the error section once a retry goes through", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    const ada = await syncedPosCustomer(hub, integration, "c_ada");
    // a fault the store owner's team can fix: purchases refused for a while
    await db.exec(`
      create function refuse_purchase() returns trigger language plpgsql as $$
        begin raise exception 'purchases are closed for the year-end count'; end $$;
      create trigger refuse_purchase before insert on purchases for each row
        execute function refuse_purchase();`);
    await deliverSales(
      hub,
      integration,
      saleRecord("s_1", 2, "c_ada", 80),
      saleRecord("s_2", 3, "c_ada", 90),
    );
    expect(await drain(db, hub.clock)).toBe(2);
    const failing = (await getCustomer(hub.ctx, hub.admin, ada)).sync[0]!;
    expect(failing.status).toBe("error");
    expect(failing.lastError).toMatch(/^sale s_\d: purchases are closed for the year-end count$/);
    const call = api(hub);
    const listed = await call<{ events: EventJson[] }>("GET", "/v1/events/failed", hub.token);
    expect(listed.body.events.map((e) => [e.externalId, e.state, e.customerId])).toEqual([
      ["s_1", "waiting", ada],
      ["s_2", "waiting", ada],
    ]);

    await db.exec("drop trigger refuse_purchase on purchases");
    const [first, second] = listed.body.events;
    const retried = await call<EventJson>("POST", `/v1/events/${first!.id}/retry`, hub.token);
    expect(retried.body).toMatchObject({ state: "processed", attempts: 0 });
    // the other sale is still failing: Ada stays in the error section until it goes through too
    expect((await getCustomer(hub.ctx, hub.admin, ada)).sync[0]!.status).toBe("error");
    await call("POST", `/v1/events/${second!.id}/retry`, hub.token);
    const after = (await getCustomer(hub.ctx, hub.admin, ada)).sync[0]!;
    expect(after).toMatchObject({ status: "synced", lastError: null });
    expect(await count(db, "select 1 from purchases")).toBe(2);
    const empty = await call<{ events: EventJson[] }>("GET", "/v1/events/failed", hub.token);
    expect(empty.body.events).toEqual([]);
  });
});
