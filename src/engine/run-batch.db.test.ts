import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { deliverSales, saleRecord } from "../../test/setup/sales.ts";
import { silentLogger } from "../log.ts";
import type { Db } from "../store/database.ts";
import { externalLockKey } from "./lock-keys.ts";
import { createEngineLoop } from "./run-engine.ts";

const count = async (db: Db, sql: string, params: unknown[] = []) =>
  Number(
    (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params))[0]!.n,
  );

const guest = (id: string, version: number, email: string, firstName = "Guest") =>
  posCustomer(id, version, { firstName, contacts: [{ kind: "email", value: email }] });

describe.each(engines)("the engine's batch, on $name", (engine) => {
  it("R8.5, S2, F11: a batch creates new customers set-based; a customer with an email seen earlier or with several changes goes one by one, in order; a stale copy is dropped; each sale is recorded once", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    await deliver(
      hub,
      integration,
      guest("c_1", 1, "ada@example.com", "Ada"),
      // a newer copy first, then the older one: the older is stale (F11)
      guest("c_2", 2, "bob@example.com", "Bob"),
      // the same email as c_1, later in the batch: it goes the one-by-one way, after c_1, and
      // finds c_1's client already linked (S2), so it is a customer of its own, as one event
      // after the other would have it
      guest("c_3", 1, "ADA@example.com"),
      guest("c_2", 1, "bob@example.com", "Stale"),
    );
    await deliverSales(
      hub,
      integration,
      saleRecord("s_1", 1, "c_1", 100),
      saleRecord("s_2", 1, "c_2", 50),
      saleRecord("s_1", 2, "c_1", 100),
      saleRecord("s_9", 1, "c_unknown", 10),
    );
    const loop = createEngineLoop(db, hub.clock, silentLogger, { batchSize: 100 });
    expect(await loop.step()).toBe(true);

    expect(await count(db, "select 1 from clients")).toBe(3);
    const names = await db.query<{ first_name: string }>(
      "select first_name from clients order by id",
    );
    expect(names.map((r) => r.first_name)).toEqual(["Ada", "Bob", "Guest"]);
    expect(
      await db.query("select external_id, status, external_version from links order by id"),
    ).toEqual([
      { external_id: "c_1", status: "synced", external_version: 1 },
      { external_id: "c_2", status: "synced", external_version: 2 },
      { external_id: "c_3", status: "synced", external_version: 1 },
    ]);
    const outcomes = await db.query<{ event_key: string; outcome: string | null }>(
      "select event_key, outcome from change_events order by id",
    );
    expect(outcomes.map((o) => `${o.event_key} ${o.outcome}`)).toEqual([
      "c_1@1 created",
      "c_2@2 created",
      "c_3@1 created",
      "c_2@1 stale",
      expect.stringMatching(/^sale:s_1@1 purchase:\d+$/),
      expect.stringMatching(/^sale:s_2@1 purchase:\d+$/),
      "sale:s_1@2 duplicate",
      "sale:s_9@1 null",
    ]);
    expect(await count(db, "select 1 from purchases")).toBe(2);
    // onboarding sends nothing back: the customers came from the POS
    expect(await count(db, "select 1 from jobs")).toBe(0);
  });

  it.skipIf(engine.name === "pglite")(
    "R8.5: an event whose customer another transaction holds is left for a later batch, and so are the customer's later events; the others go on",
    async () => {
      const db = await engine.open();
      const hub = await createTestHub(db);
      const integration = await addOfflineIntegration(hub);
      await deliver(
        hub,
        integration,
        guest("c_1", 1, "ada@example.com", "Ada"),
        guest("c_2", 1, "bob@example.com"),
        guest("c_1", 2, "ada@example.com", "Adaline"),
      );
      let release!: () => void;
      let held!: () => void;
      const isHeld = new Promise<void>((resolve) => (held = resolve));
      const holder = db.transaction(async (tx) => {
        await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
          externalLockKey(integration, "c_1"),
        ]);
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isHeld;
      const loop = createEngineLoop(db, hub.clock, silentLogger, { batchSize: 100 });
      expect(await loop.step()).toBe(true);
      expect(
        await db.query("select external_id from links join clients c on c.id = client_id"),
      ).toEqual([{ external_id: "c_2" }]);
      expect(await count(db, "select 1 from change_events where processed_at is null")).toBe(2);

      release();
      await holder;
      expect(await loop.step()).toBe(true);
      const outcomes = await db.query<{ event_key: string; outcome: string }>(
        "select event_key, outcome from change_events where external_id = 'c_1' order by id",
      );
      expect(outcomes).toEqual([
        { event_key: "c_1@1", outcome: "created" },
        { event_key: "c_1@2", outcome: "merged" },
      ]);
      expect(await db.query("select first_name from clients where first_name like 'Ada%'")).toEqual(
        [{ first_name: "Adaline" }],
      );
    },
  );

  it.skipIf(engine.name === "pglite")(
    "R8.5: a sale whose customer another transaction holds (a batch creating it) is left for a later batch, not put to wait with backoff",
    async () => {
      const db = await engine.open();
      const hub = await createTestHub(db);
      const integration = await addOfflineIntegration(hub);
      await deliverSales(hub, integration, saleRecord("s_1", 1, "c_1", 100));
      let release!: () => void;
      let held!: () => void;
      const isHeld = new Promise<void>((resolve) => (held = resolve));
      const holder = db.transaction(async (tx) => {
        await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
          externalLockKey(integration, "c_1"),
        ]);
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isHeld;
      const loop = createEngineLoop(db, hub.clock, silentLogger, { batchSize: 100 });
      await loop.step();
      // untouched: due at once, no attempt spent, no error
      expect(
        await db.query(
          "select attempts, retry_at, last_error, processed_at from change_events where external_id = 's_1'",
        ),
      ).toEqual([{ attempts: 0, retry_at: null, last_error: null, processed_at: null }]);

      await deliver(hub, integration, guest("c_1", 1, "ada@example.com", "Ada"));
      release();
      await holder;
      expect(await loop.step()).toBe(true);
      expect(await db.query("select outcome from change_events where external_id = 's_1'")).toEqual(
        [{ outcome: expect.stringMatching(/^purchase:/) as unknown }],
      );
    },
  );

  it.skipIf(engine.name === "pglite")(
    "R8.5: two engines with overlapping batches, many versions of the same customers and their sales, never deadlock, record every sale once and never apply an older copy of a customer after a newer one",
    async () => {
      const db = await engine.open();
      const hub = await createTestHub(db);
      const integration = await addOfflineIntegration(hub);
      const customers = 60;
      for (let version = 1; version <= 5; version++) {
        await deliver(
          hub,
          integration,
          ...Array.from({ length: customers }, (_, i) =>
            guest(`c_${i}`, version, `guest${i}@example.com`, `V${version}`),
          ),
        );
        await deliverSales(
          hub,
          integration,
          ...Array.from({ length: customers }, (_, i) =>
            saleRecord(`s_${i}_${version}`, 1, `c_${i}`, 10 + version),
          ),
        );
      }
      const loops = [1, 2].map(() =>
        createEngineLoop(db, hub.clock, silentLogger, { batchSize: 37 }),
      );
      await Promise.all(
        loops.map(async (loop) => {
          for (let idle = 0; idle < 3;) {
            if (await loop.step()) idle = 0;
            else {
              idle += 1;
              // a sale claimed before its customer was created waits (1 s, 2 s, ...)
              hub.clock.advance(60_000);
              await new Promise((resolve) => setTimeout(resolve, 30));
            }
          }
        }),
      );
      expect(await count(db, "select 1 from change_events where processed_at is null")).toBe(0);
      expect(await count(db, "select 1 from change_events where outcome = 'failed'")).toBe(0);
      expect(await count(db, "select 1 from clients")).toBe(customers);
      expect(await count(db, "select 1 from clients where first_name <> 'V5'")).toBe(0);
      expect(await count(db, "select 1 from links where external_version <> 5")).toBe(0);
      expect(await count(db, "select 1 from purchases")).toBe(customers * 5);
      // per customer, the names applied only ever move forward (a copy older than one applied
      // is stale, F11), each once, ending at V5: two workers may skip a version, never reorder
      const histories = await db.query<{ names: string[] }>(
        `select array_agg(new_value #>> '{}' order by id) as names from audit_log
         where field = 'firstName' group by client_id`,
      );
      expect(histories).toHaveLength(customers);
      for (const { names } of histories) {
        expect(names.at(-1)).toBe("V5");
        expect([...names].sort()).toEqual(names);
        expect(new Set(names).size).toBe(names.length);
      }
    },
  );
});
