// R8.5: how many SQL statements one merged edit costs, counted through a Db wrapper (no timing):
// a POS edit of a synced customer (processNextEvent, as W2's POS edits arrive) and a hub edit
// (updateCustomer, as W2's hub edits arrive). Runs on PGlite in memory, or on PostgreSQL in a
// fresh schema with --url. Counts what goes through `query` (begin and commit of each transaction
// are not). `npx tsx bench/statements-per-edit.ts [--url postgres://...] [--list]`
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { ExternalCustomer } from "../src/domain/customer.ts";
import { integrationOptionsSchema } from "../src/domain/integration-options.ts";
import { processNextEvent } from "../src/engine/run-engine.ts";
import { silentLogger } from "../src/log.ts";
import { createConnectorResolver } from "../src/services/connector-resolver.ts";
import { updateCustomer } from "../src/services/customers.ts";
import type { Actor, ServiceContext } from "../src/services/service-context.ts";
import { bootstrapHub } from "../src/services/users.ts";
import { insertChangeEvents } from "../src/store/change-events-table.ts";
import {
  openDatabase,
  pgliteExtensions,
  quoteIdent,
  wrapPglite,
  type Db,
  type Queryable,
} from "../src/store/database.ts";
import { insertIntegration } from "../src/store/integrations-table.ts";
import { migrate } from "../src/store/migrate.ts";
import { externalEventKey } from "../src/domain/customer.ts";

const { values: flags } = parseArgs({
  options: { url: { type: "string" }, list: { type: "boolean", default: false } },
});

let counting = false;
const statements: string[] = [];
function counted<T extends Queryable>(q: T): T {
  return new Proxy(q, {
    get(target, prop, receiver) {
      if (prop === "query")
        return (sql: string, params?: readonly unknown[]) => {
          if (counting) statements.push(sql.replace(/\s+/g, " ").slice(0, 110));
          return target.query(sql, params);
        };
      if (prop === "transaction")
        return (fn: (tx: Queryable) => Promise<unknown>) =>
          (target as unknown as Db).transaction((tx) => fn(counted(tx)));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

async function open(): Promise<{ db: Db; done: () => Promise<void> }> {
  if (!flags.url) {
    const lite = await PGlite.create({ parsers: { 20: Number }, extensions: pgliteExtensions });
    const db = await wrapPglite(lite);
    await migrate(db);
    return { db, done: () => lite.close() };
  }
  const schema = `stmt_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: flags.url, poolSize: 1 });
  await admin.query(`create schema ${quoteIdent(schema)}`);
  const db = await openDatabase({ url: flags.url, schema });
  await migrate(db);
  return {
    db,
    done: async () => {
      await db.close();
      await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
      await admin.close();
    },
  };
}

const { db: raw, done } = await open();
const db = counted(raw);
let now = new Date("2026-11-22T09:00:00Z").getTime();
const clock = { now: () => new Date((now += 1000)) };
const secretKey = randomBytes(32);
const ctx: ServiceContext = {
  db,
  clock,
  secretKey,
  resolveConnector: createConnectorResolver(db, secretKey, { timeoutMs: 5000, maxAttempts: 2 }),
  connectors: undefined,
  log: silentLogger,
  publicUrl: "http://127.0.0.1:1",
};
const boot = await bootstrapHub(ctx, { storeName: "Bench", adminEmail: "admin@bench.local" });
const admin: Actor = { userId: boot.admin.id, storeId: boot.storeId, role: "admin" };
const integrationId = await insertIntegration(db, secretKey, {
  storeId: admin.storeId,
  kind: "pos",
  profile: "pos",
  name: "Offline POS",
  baseUrl: "http://127.0.0.1:1",
  credentials: { apiKey: "k", webhookSecret: "s" },
  options: integrationOptionsSchema.parse({ webhooks: false }),
  now: clock.now(),
});

const customer = (version: number, lastName: string): ExternalCustomer => ({
  id: "c1",
  number: "1001",
  version,
  customer: {
    firstName: "Ada",
    lastName,
    acquisition: "store",
    contacts: [
      { kind: "email", value: "ada@example.com" },
      { kind: "phone", value: "+1 415 555 0100" },
    ],
    preferences: { size: "M", colour: "blue" },
    notes: [{ id: "n1", body: "likes wool" }],
  },
});
const deliver = (c: ExternalCustomer) =>
  insertChangeEvents(db, [
    {
      integrationId,
      source: "external",
      eventKey: externalEventKey(c),
      kind: "customer.test",
      externalId: c.id,
      version: c.version,
      payload: c,
      actor: "test",
      receivedAt: clock.now(),
    },
  ]);
const drain = async () => {
  while (await processNextEvent(db, clock)) {
    // until the inbox is empty
  }
};

async function measure(name: string, run: () => Promise<unknown>) {
  statements.length = 0;
  counting = true;
  await run();
  counting = false;
  console.log(`${name}: ${statements.length} statements`);
  if (flags.list) for (const s of statements) console.log(`    ${s}`);
}

await deliver(customer(1, "Lovelace"));
await drain();
const [client] = await raw.query<{ id: number }>("select id from clients");
for (let n = 2; n <= 3; n++) {
  await deliver(customer(n, `Lovelace-${n}`));
  await measure(`POS edit (lastName), version ${n}`, () => processNextEvent(db, clock));
}
await measure("hub edit (firstName)", () =>
  updateCustomer(ctx, admin, client!.id, { firstName: "Augusta" }),
);
await done();
