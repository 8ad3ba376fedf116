// R8.5's quick harness: the engine stage of onboarding alone. Fills the inbox with N new POS
// customers (2-3 contacts, custom fields, some notes and wishes) and their sales (L lines in
// all), then times the engine draining it, in batches of B (1 = one event per transaction, the
// engine before R8.5), on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL with W workers.
//   BENCH_SIZE=20000 BENCH_LINES=200000 BENCH_BATCH=500 BENCH_WORKERS=2 npx tsx bench/engine-batch.ts
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { profile, report } from "./query-profile.ts";
import type { ExternalCustomer } from "../src/domain/customer.ts";
import { integrationOptionsSchema } from "../src/domain/integration-options.ts";
import type { SaleRecord } from "../src/domain/retail-records.ts";
import { systemClock } from "../src/domain/clock.ts";
import { createEngineLoop } from "../src/engine/run-engine.ts";
import { silentLogger } from "../src/log.ts";
import { createConnectorResolver } from "../src/services/connector-resolver.ts";
import type { ServiceContext } from "../src/services/service-context.ts";
import { bootstrapHub } from "../src/services/users.ts";
import { migrate } from "../src/store/migrate.ts";
import {
  analyzeInbox,
  insertChangeEvents,
  type NewChangeEvent,
} from "../src/store/change-events-table.ts";
import {
  openDatabase,
  pgliteExtensions,
  quoteIdent,
  wrapPglite,
  type Db,
} from "../src/store/database.ts";
import { insertIntegration } from "../src/store/integrations-table.ts";

const n = Number(process.env["BENCH_SIZE"] ?? 5000);
const lineCount = Number(process.env["BENCH_LINES"] ?? n * 10);
const batchSize = Number(process.env["BENCH_BATCH"] ?? 500);
const workers = Number(process.env["BENCH_WORKERS"] ?? 2);
const linesPerSale = 3;

/** A migrated hub with a store and its admin on `db`. */
async function benchHub(db: Db) {
  await migrate(db);
  const secretKey = randomBytes(32);
  const ctx: ServiceContext = {
    db,
    clock: systemClock,
    secretKey,
    resolveConnector: createConnectorResolver(db, secretKey),
    log: silentLogger,
    publicUrl: "http://127.0.0.1:1",
  };
  const boot = await bootstrapHub(ctx, { storeName: "Bench", adminEmail: "bench@example.com" });
  return { ctx, actor: { storeId: boot.storeId } };
}

function customer(i: number): ExternalCustomer {
  const contacts: ExternalCustomer["customer"]["contacts"] = [
    { kind: "email", value: `guest${i}@bench.example` },
    { kind: "phone", value: `+1312555${String(i % 10000).padStart(4, "0")}` },
  ];
  if (i % 2 === 0) contacts.push({ kind: "address", value: `${i} Main St, Springfield, IL` });
  return {
    id: `c_${i}`,
    number: String(1000 + i),
    version: 1,
    customer: {
      firstName: `Guest${i}`,
      lastName: "Bench",
      acquisition: "Walk-in",
      contacts,
      preferences: { Birthstone: "Opal", "Ring size": String(4 + (i % 6)) },
      notes: i % 4 === 0 ? [{ id: `n_${i}`, body: "Asked about pearls" }] : [],
      wishes:
        i % 5 === 1
          ? [{ id: `w_${i}`, inventoryId: `inv_${i % 200}`, description: "Pearl strand" }]
          : [],
    },
  };
}

function sale(s: number): SaleRecord {
  return {
    id: `s_${s}`,
    version: 1,
    customerId: `c_${s % n}`,
    associateNumber: "1",
    occurredAt: "2026-01-02T10:00:00.000Z",
    currency: "USD",
    total: 300,
    lines: Array.from({ length: linesPerSale }, (_, k) => ({
      kind: "item" as const,
      inventoryId: k === 0 ? `inv_${s}` : null,
      sku: null,
      description: `Item ${k}`,
      category: "Rings",
      vendor: null,
      quantity: 1,
      amount: 100,
    })),
    serviceJobs: [],
  };
}

async function fill(db: Db, integrationId: number) {
  const now = new Date();
  const events: NewChangeEvent[] = [];
  const flush = async () => {
    await insertChangeEvents(db, events.splice(0));
  };
  for (let i = 0; i < n; i++) {
    const c = customer(i);
    events.push({
      integrationId,
      source: "external",
      eventKey: `${c.id}@1`,
      kind: "customer.poll",
      externalId: c.id,
      version: 1,
      payload: c,
      actor: "connector:poll",
      receivedAt: now,
    });
    if (events.length === 2000) await flush();
  }
  for (let s = 0; s < lineCount / linesPerSale; s++) {
    const record = sale(s);
    events.push({
      integrationId,
      source: "external",
      eventKey: `sale:${record.id}@1`,
      kind: "sale.poll",
      externalId: record.id,
      version: 1,
      payload: record,
      actor: "connector:poll",
      receivedAt: now,
    });
    if (events.length === 2000) await flush();
  }
  await flush();
}

async function drain(dbs: Db[], size: number) {
  await Promise.all(
    dbs.map(async (db) => {
      const loop = createEngineLoop(db, systemClock, silentLogger, { batchSize: size });
      let idle = 0;
      while (idle < 3) {
        if (await loop.step()) idle = 0;
        else {
          idle += 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }),
  );
}

async function run(label: string, db0: Db, more: Db[] = []) {
  const db = process.env["BENCH_PROF"] ? profile(db0) : db0;
  const { ctx, actor } = await benchHub(db);
  const integrationId = await insertIntegration(db, ctx.secretKey, {
    storeId: actor.storeId,
    kind: "pos",
    profile: "pos",
    name: "Bench POS",
    baseUrl: "http://127.0.0.1:1",
    credentials: { apiKey: "k", webhookSecret: "s" },
    options: integrationOptionsSchema.parse({ webhooks: false }),
    now: new Date(),
  });
  await fill(db, integrationId);
  await analyzeInbox(db); // as the worker's capture does while the inbox grows
  const records = n + Math.floor(lineCount / linesPerSale) * linesPerSale;
  const started = performance.now();
  await drain([db, ...more], batchSize);
  const ms = performance.now() - started;
  if (process.env["BENCH_PROF"]) report();
  const [counts] = await db.query<Record<string, number>>(
    `select (select count(*) from clients)::int as clients, (select count(*) from purchases)::int as purchases,
            (select count(*) from purchase_lines)::int as lines, (select count(*) from jobs)::int as jobs,
            (select count(*) from change_events where processed_at is null)::int as waiting`,
  );
  console.log(
    `${label}: ${n} customers + ${records - n} sale lines, batch ${batchSize}, ${1 + more.length} engine(s): ` +
      `${(ms / 1000).toFixed(1)} s, ${Math.round((records / ms) * 1000).toLocaleString("en")} records/s ` +
      JSON.stringify(counts),
  );
}

if (process.env["BENCH_PGLITE"] !== "0") {
  const lite = await PGlite.create({ parsers: { 20: Number }, extensions: pgliteExtensions });
  await lite.exec("create schema bench");
  await run("PGlite", await wrapPglite(lite, "bench"));
  await lite.close();
}
const url = process.env["BENCH_DATABASE_URL"];
if (url) {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await admin.query(`create schema ${quoteIdent(schema)}`);
  const dbs = await Promise.all(
    Array.from({ length: workers }, () => openDatabase({ url, schema, poolSize: 2 })),
  );
  try {
    await run("PostgreSQL", dbs[0]!, dbs.slice(1));
  } finally {
    await Promise.all(dbs.map((db) => db.close()));
    await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
    await admin.close();
  }
}
