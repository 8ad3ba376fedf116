import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { fromPosSale, posSaleSchema } from "../../src/connectors/pos/retail-mapping.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { customerPurchases } from "../../src/services/activity.ts";
import { createCustomer, enableSync } from "../../src/services/customers.ts";
import { failingEvents } from "../../src/services/events.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { fromPos } from "../setup/pos-helpers.ts";
import { eventually } from "../setup/processes.ts";
import { deliverSales } from "../setup/sales.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

/** The hub's API over real HTTP on loopback (the webhook endpoint is part of it). */
async function serveHub(pair: SyncedPair): Promise<string> {
  const app = createApp(pair.ctx);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
      afterThisTest(() => new Promise<void>((done) => server.close(() => done())));
      resolve(`http://127.0.0.1:${(info as AddressInfo).port}`);
    });
  });
}

interface Relayed {
  status: number;
  body: { received?: number; recorded?: number };
}

/**
 * A loopback relay between the POS and the hub that hands every delivery to the hub twice, as
 * happens when the POS never hears the first answer and delivers again. Records the hub's answers.
 */
async function doublingRelay(target: string) {
  const answers: Relayed[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "x-pos-event-id", "x-pos-timestamp", "x-pos-signature"])
        headers[name] = String(req.headers[name] ?? "");
      for (let n = 0; n < 2; n++) {
        const response = await fetch(target, { method: "POST", headers, body });
        answers.push({ status: response.status, body: (await response.json()) as never });
      }
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(() => new Promise<void>((done) => server.close(() => done())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/relay`, answers };
}

/** Subscribes `url` to the POS's webhooks with the integration's own secret. */
async function subscribe(pair: SyncedPair, url: string) {
  const integration = (await readIntegration(pair.ctx.db, pair.integrationId))!;
  await (await pair.ctx.resolveConnector(integration)).webhook!.register(url);
  // the POS signs with the wall clock; the hub checks the timestamp against its own
  pair.clock.advance(Date.now() - pair.clock.now().getTime());
}

const drain = async (pair: SyncedPair) => {
  let n = 0;
  while (await processNextEvent(pair.ctx.db, pair.clock)) n++;
  return n;
};
const pollCursors = (pair: SyncedPair) =>
  pair.ctx.db.query("select feed, cursor, last_polled_at from poll_cursors order by feed");
const saleEvents = (pair: SyncedPair) =>
  pair.ctx.db.query<{ kind: string; actor: string; outcome: string | null }>(
    "select kind, actor, outcome from change_events where kind like 'sale.%' order by id",
  );

describe.each(engines)("F6 sales through the reference POS, on $name", (engine) => {
  it("F6, R7.6: a sale reaches the hub as a purchase by webhook, without any poll", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    const hubUrl = await serveHub(pair);
    await subscribe(pair, `${hubUrl}/hooks/${pair.integrationId}`);
    const cursorsBefore = await pollCursors(pair);

    const sale = await pair.posCall<{ id: string }>("POST", "/staff/sales", {
      customerId: posId,
      lines: [{ description: "Engraved locket", amount: 310 }],
    });
    expect(sale.status).toBe(201);
    await eventually(
      async () => ((await saleEvents(pair)).length > 0 ? true : undefined),
      10_000,
      "the sale's webhook at the hub",
    );
    await drain(pair);
    const purchases = await customerPurchases(pair.ctx, pair.admin, clientId);
    expect(purchases.map((p) => [p.externalId, p.total])).toEqual([[sale.body.id, "310.00"]]);
    expect(await saleEvents(pair)).toEqual([
      { kind: "sale.webhook", actor: "connector:webhook", outcome: `purchase:${purchases[0]!.id}` },
    ]);
    // nothing was polled meanwhile: every feed's cursor is where it was
    expect(await pollCursors(pair)).toEqual(cursorsBefore);
  });

  it("F6: a sale delivered twice becomes one purchase, whether the webhook comes again or the sale comes back under a newer version", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    const hubUrl = await serveHub(pair);
    const relay = await doublingRelay(`${hubUrl}/hooks/${pair.integrationId}`);
    await subscribe(pair, relay.url);

    const sale = await pair.posCall<unknown>("POST", "/staff/sales", {
      customerId: posId,
      lines: [{ description: "Pearl studs", amount: 240 }],
    });
    await eventually(
      async () => (relay.answers.length === 2 ? true : undefined),
      10_000,
      "both deliveries answered",
    );
    // the hub takes the first delivery and knows the second for the same change (S4)
    expect(relay.answers).toEqual([
      { status: 202, body: { received: 1, recorded: 1 } },
      { status: 202, body: { received: 1, recorded: 0 } },
    ]);
    await drain(pair);
    // the same sale again under a newer version (a POS that re-saves a sale): still one purchase
    const record = fromPosSale(posSaleSchema.parse(sale.body));
    await deliverSales(pair, pair.integrationId, { ...record, version: record.version + 100 });
    await drain(pair);
    await pair.settle();
    const purchases = await customerPurchases(pair.ctx, pair.admin, clientId);
    expect(purchases.map((p) => [p.externalId, p.total])).toEqual([[record.id, "240.00"]]);
    expect((await saleEvents(pair)).map((e) => e.outcome)).toEqual([
      `purchase:${purchases[0]!.id}`,
      "duplicate",
    ]);
  });

  it("F6, S1: in selected mode a sale of a customer who does not sync is skipped, not an error, and comes in once the customer syncs", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      syncMode: "selected",
      pushNewCustomers: false,
    });
    const bea = await pair.posCall<{ id: string }>("POST", "/staff/customers", {
      firstName: "Bea",
      contacts: [{ type: "email", value: "bea@example.com" }],
    });
    const sale = await pair.posCall<{ id: string }>("POST", "/staff/sales", {
      customerId: bea.body.id,
      lines: [{ description: "Silver cuff", amount: 95 }],
    });
    await pair.settle();
    expect(await saleEvents(pair)).toEqual([
      { kind: "sale.poll", actor: "connector:poll", outcome: "skipped: customer not synced" },
    ]);
    expect(await failingEvents(pair.ctx, pair.admin, 100)).toEqual([]);

    // the store decides to sync Bea: the hub's customer is paired with hers by email (S2)
    const hubBea = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Bea",
      contacts: [{ kind: "email", value: "bea@example.com" }],
    });
    await enableSync(pair.ctx, pair.admin, pair.integrationId, [hubBea.id]);
    await pair.settle();
    const purchases = await customerPurchases(pair.ctx, pair.admin, hubBea.id);
    expect(purchases.map((p) => [p.externalId, p.total])).toEqual([[sale.body.id, "95.00"]]);
    expect(await failingEvents(pair.ctx, pair.admin, 100)).toEqual([]);
  });
});
