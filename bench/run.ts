// npm run bench: throughput of the sync pipeline on the embedded store and, when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL. Each workload runs in a fresh
// schema against a reference POS on loopback, and prints rows per second.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { startReferencePos } from "../simulators/reference-pos/server.ts";
import { benchHub } from "./bench-hub.ts";
import { measureLatency } from "./latency.ts";
import { applyDueJobs } from "../src/apply/run-apply.ts";
import { recordExternalCustomers } from "../src/store/inbox.ts";
import { systemClock } from "../src/domain/clock.ts";
import { processNextEvent } from "../src/engine/run-engine.ts";
import { createCustomer, updateCustomer } from "../src/services/customers.ts";
import { createIntegration } from "../src/services/integrations.ts";
import { openDatabase, quoteIdent, wrapPglite, type Db } from "../src/store/database.ts";
import { readIntegration } from "../src/store/integrations-table.ts";

const n = Number(process.env["BENCH_SIZE"] ?? 2000);
const apiKey = "bench-key-1234";

const rate = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString("en")}/s`;

async function time(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function workloads(label: string, db: Db) {
  const pos = await startReferencePos({ port: 0, apiKey, seed: n });
  const { ctx, actor } = await benchHub(db);
  const view = await createIntegration(ctx, actor, {
    kind: "pos",
    name: "Bench POS",
    baseUrl: pos.url,
    apiKey,
    options: { webhooks: false, pushNewCustomers: true },
  });
  const integration = (await readIntegration(db, view.id))!;
  const connector = await ctx.resolveConnector(integration);
  const rows: Array<[string, string]> = [];

  // 1. capture: poll the whole feed into the inbox (HTTP pages of 500 + batched inserts)
  let cursor: string | null = null;
  rows.push([
    `capture: poll ${n} POS customers into the inbox`,
    rate(
      n,
      await time(async () => {
        for (;;) {
          const page = await connector.source.pollChanges(cursor, 500);
          await db.transaction((tx) =>
            recordExternalCustomers(
              tx,
              integration.id,
              page.customers,
              { via: "poll" },
              new Date(),
            ),
          );
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
      }),
    ),
  ]);

  // 2. engine: merge each change into the hub (create client, contacts, preferences, link, audit)
  rows.push([
    `engine: import ${n} new customers into the hub`,
    rate(
      n,
      await time(async () => {
        while (await processNextEvent(db, systemClock));
      }),
    ),
  ]);

  // 3. hub edits through the services (event, merge, audit, outbox in one transaction)
  const ids = (
    await db.query<{ id: number }>("select id from clients order by id limit $1", [
      Math.min(n, 1000),
    ])
  ).map((r) => r.id);
  rows.push([
    `services: ${ids.length} hub edits (merge + audit + outbound job each)`,
    rate(
      ids.length,
      await time(async () => {
        for (const id of ids) await updateCustomer(ctx, actor, id, { lastName: "Edited" });
      }),
    ),
  ]);

  // 4. apply: send those edits to the POS (conditional PATCH with idempotency key), 8 at a time
  const applyOptions = {
    db,
    clock: systemClock,
    workerId: "bench",
    resolveConnector: ctx.resolveConnector,
    leaseSeconds: 60,
  };
  rows.push([
    `apply: ${ids.length} outbound updates to the POS over HTTP`,
    rate(
      ids.length,
      await time(async () => {
        while ((await applyDueJobs(applyOptions, 8)) > 0);
      }),
    ),
  ]);

  // 5. new hub customers pushed to the POS (S2: email lookup, then create)
  const fresh = Math.min(n, 500);
  await time(async () => {
    for (let i = 0; i < fresh; i++)
      await createCustomer(ctx, actor, {
        firstName: `New${i}`,
        contacts: [{ kind: "email", value: `new${i}@bench.example` }],
      });
  });
  rows.push([
    `apply: ${fresh} new hub customers created at the POS (lookup + create)`,
    rate(
      fresh,
      await time(async () => {
        while ((await applyDueJobs(applyOptions, 8)) > 0);
      }),
    ),
  ]);
  await pos.close();
  console.log(`\n${label}`);
  for (const [what, value] of rows) console.log(`  ${what.padEnd(66)} ${value}`);
}

const lite = await PGlite.create({ parsers: { 20: Number } });
await lite.exec("create schema bench");
await workloads(`embedded store (PGlite), ${n} customers`, await wrapPglite(lite, "bench"));
await lite.exec("create schema latency");
for (const [what, value] of await measureLatency(await wrapPglite(lite, "latency")))
  console.log(`  ${what.padEnd(66)} ${value}`);
await lite.close();

const url = process.env["BENCH_DATABASE_URL"] ?? process.env["TEST_DATABASE_URL"];
if (url) {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await admin.query(`create schema ${quoteIdent(schema)}`);
  const db = await openDatabase({ url, schema });
  try {
    await workloads(`PostgreSQL server, ${n} customers`, db);
  } finally {
    await db.close();
    await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
    await admin.close();
  }
} else {
  console.log("\n(set BENCH_DATABASE_URL=postgres://... to measure PostgreSQL too)");
}
