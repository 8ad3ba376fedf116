import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { syncedPosCustomer } from "../../test/setup/sales.ts";
import { createApp } from "../api/app.ts";
import { insertChangeEvents } from "../store/change-events-table.ts";
import type { Db } from "../store/database.ts";
import { processNextEvent } from "./run-engine.ts";

async function drain(db: Db, clock: { now(): Date }) {
  let steps = 0;
  while (await processNextEvent(db, clock)) steps++;
  return steps;
}

describe.each(engines)("inbox payloads are checked when claimed, on $name", (engine) => {
  it("R8.4: an event whose payload does not fit its kind fails with the reason (no values), is listed, and never stops the others", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    const ada = await syncedPosCustomer(hub, integration, "c_ada");
    const now = hub.clock.now();
    const bad = (eventKey: string, kind: string, payload: unknown, source = "external") => ({
      integrationId: source === "hub" ? null : integration,
      storeId: hub.admin.storeId,
      source: source as "external" | "hub",
      eventKey,
      kind,
      externalId: source === "hub" ? null : "x_1",
      clientId: source === "hub" ? ada : null,
      version: 7,
      payload,
      actor: "test",
      receivedAt: now,
    });
    await insertChangeEvents(db, [
      // a sale whose customer id is a number and whose total is missing
      bad("bad-sale", "sale.webhook", { id: "s_1", version: 7, customerId: 42, secret: "Ada" }),
      // a customer without its customer record
      bad("bad-customer", "customer.webhook", { id: "c_2", version: 7, number: null }),
      // a hub change naming a kind the engine does not have, and one whose kind lies
      bad("bad-hub", "client.vanish", { kind: "client.vanish", clientId: ada }, "hub"),
      bad(
        "lying-hub",
        "client.sync",
        { kind: "client.resync", clientId: ada, integrationId: integration },
        "hub",
      ),
    ]);
    await deliver(hub, integration, posCustomer("c_good", 3, { firstName: "Grace" }));
    expect(await drain(db, hub.clock)).toBe(5);

    const rows = await db.query<{ event_key: string; last_error: string; processed_at: Date }>(
      "select event_key, last_error, processed_at from change_events where last_error is not null order by id",
    );
    expect(rows.map((r) => [r.event_key, r.processed_at])).toEqual([
      ["bad-sale", null],
      ["bad-customer", null],
      ["bad-hub", null],
      ["lying-hub", null],
    ]);
    const [sale, customer, hubKind, lying] = rows.map((r) => r.last_error);
    expect(sale).toMatch(/^sale x_1: the sale payload is not valid: customerId: .*expected string/);
    expect(sale).toMatch(/total: /);
    expect(sale).not.toMatch(/Ada|42/);
    expect(customer).toMatch(/the customer payload is not valid: customer: /);
    expect(hubKind).toMatch(
      /^hub change client.vanish: the hub change client.vanish payload is not valid: kind: /,
    );
    expect(lying).toMatch(/the hub change is a client.resync, but its event is a client.sync/);
    // the good customer went through after them
    expect(
      await db.query("select 1 from links where external_id = 'c_good' and client_id is not null"),
    ).toHaveLength(1);

    // listed as failing, waiting for their retry like any failing event
    const app = createApp(hub.ctx);
    const response = await app.request("/v1/events/failed", {
      headers: { authorization: `Bearer ${hub.token}` },
    });
    const listed = (await response.json()) as {
      events: Array<{ lastError: string; state: string }>;
    };
    expect(listed.events.map((e) => [e.lastError, e.state])).toEqual(
      [sale, customer, hubKind, lying].map((error) => [error, "waiting"]),
    );
  });
});
