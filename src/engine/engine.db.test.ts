import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import {
  createCustomer,
  customerHistory,
  enableSync,
  getCustomer,
  updateCustomer,
} from "../services/customers.ts";
import type { Db } from "../store/database.ts";
import { processNextEvent } from "./run-engine.ts";

async function drain(db: Db, clock: { now(): Date }) {
  while (await processNextEvent(db, clock)) {
    // until the inbox is empty
  }
}

const count = async (db: Db, sql: string, params: unknown[] = []) =>
  Number(
    (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params))[0]!.n,
  );

describe.each(engines)("engine on $name", (engine) => {
  it("S4: the same external change delivered twice is applied once", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    const ada = posCustomer("c1", 5, {
      firstName: "Ada",
      contacts: [{ kind: "email", value: "ada@example.com" }],
    });
    expect(await deliver(hub, integration, ada)).toBe(1);
    expect(await deliver(hub, integration, ada)).toBe(0);
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from clients")).toBe(1);
    expect(await count(db, "select 1 from links where status = 'synced'")).toBe(1);
  });

  it("S2: an external customer with a hub customer's email (any case) is linked, not duplicated", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, { pushNewCustomers: false });
    const grace = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Grace",
      contacts: [{ kind: "email", value: "Grace@Example.com" }],
    });
    await deliver(
      hub,
      integration,
      posCustomer("c9", 3, {
        firstName: "Grace",
        lastName: "Hopper",
        contacts: [{ kind: "email", value: " grace@example.COM " }],
      }),
    );
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from clients")).toBe(1);
    const after = await getCustomer(hub.ctx, hub.admin, grace.id);
    expect(after.lastName).toBe("Hopper");
    expect(after.sync[0]).toMatchObject({ status: "synced", externalId: "c9" });
  });

  it("S1: in selected mode an external customer is recorded unlinked, not created in the hub", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, { syncMode: "selected" });
    await deliver(hub, integration, posCustomer("c2", 1, { firstName: "Alan" }));
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from clients")).toBe(0);
    expect(
      await count(db, "select 1 from links where status = 'unlinked' and client_id is null"),
    ).toBe(1);
  });

  it("S1: customers recorded in selected mode become hub customers once the integration syncs all", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, { syncMode: "selected" });
    await deliver(hub, integration, posCustomer("c7", 1, { firstName: "Alan" }));
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from clients")).toBe(0);
    await db.query(`update integrations set options = options || '{"syncMode": "all"}'`);
    await deliver(
      hub,
      integration,
      posCustomer("c7", 2, { firstName: "Alan", lastName: "Turing" }),
    );
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from clients")).toBe(1);
    expect(
      await count(db, "select 1 from links where external_id = 'c7' and client_id is not null"),
    ).toBe(1);
  });

  it("F11: a stale or echoed external copy changes nothing and sends nothing", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    await deliver(
      hub,
      integration,
      posCustomer("c3", 10, { firstName: "Alan", lastName: "Turing" }),
    );
    await drain(db, hub.clock);
    await deliver(hub, integration, posCustomer("c3", 9, { firstName: "Old" }));
    await drain(db, hub.clock);
    const [client] = await db.query<{ id: number; first_name: string }>(
      "select id, first_name from clients",
    );
    expect(client!.first_name).toBe("Alan");
    const outcomes = await db.query<{ outcome: string }>(
      "select outcome from change_events order by id",
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(["created", "stale"]);
    // the same values again under a newer version: nothing to apply, nothing to send
    await deliver(
      hub,
      integration,
      posCustomer("c3", 11, { firstName: "Alan", lastName: "Turing" }),
    );
    await drain(db, hub.clock);
    expect(await count(db, "select 1 from jobs")).toBe(0);
    expect(await count(db, "select 1 from audit_log where client_id = $1", [client!.id])).toBe(2);
  });

  it("F12: a field changed on both sides differently opens a conflict and overwrites neither", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    await deliver(
      hub,
      integration,
      posCustomer("c4", 1, { firstName: "Ada", lastName: "Lovelace" }),
    );
    await drain(db, hub.clock);
    const [{ id }] = (await db.query<{ id: number }>("select id from clients")) as [{ id: number }];
    await updateCustomer(hub.ctx, hub.admin, id, { lastName: "King" });
    await deliver(hub, integration, posCustomer("c4", 2, { firstName: "Ada", lastName: "Byron" }));
    await drain(db, hub.clock);
    const customer = await getCustomer(hub.ctx, hub.admin, id);
    expect(customer.lastName).toBe("King");
    expect(customer.sync[0]!.status).toBe("conflict");
    const conflicts = await db.query<{
      field: string;
      hub_value: string;
      external_value: string;
      base_value: string;
    }>(
      "select field, hub_value, external_value, base_value from conflicts where resolved_at is null",
    );
    expect(conflicts).toEqual([
      { field: "lastName", hub_value: "King", external_value: "Byron", base_value: "Lovelace" },
    ]);
    // the hub's pending write must not overwrite the POS: it will carry expect=Lovelace
    const jobs = await db.query<{ payload: { set: Record<string, string> } }>(
      "select payload from jobs",
    );
    expect(jobs.map((j) => j.payload.set)).toEqual([{ lastName: "King" }]);
  });

  it("F12: every applied change is in the audit history with source and actor", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    await deliver(hub, integration, posCustomer("c5", 1, { firstName: "Ada" }));
    await drain(db, hub.clock);
    const [{ id }] = (await db.query<{ id: number }>("select id from clients")) as [{ id: number }];
    await updateCustomer(hub.ctx, hub.admin, id, { firstName: "Adah" });
    await deliver(
      hub,
      integration,
      posCustomer("c5", 2, { firstName: "Adah", lastName: "Lovelace" }),
    );
    await drain(db, hub.clock);
    const history = await customerHistory(hub.ctx, hub.admin, id);
    expect(history.map((h) => [h.field, h.oldValue, h.newValue, h.source, h.actor])).toEqual([
      ["firstName", null, "Ada", "pos", "connector:pos"],
      ["firstName", "Ada", "Adah", "hub", `user:${hub.admin.userId}`],
      ["lastName", null, "Lovelace", "pos", "connector:pos"],
    ]);
  });
});

describe.each(engines)("sending hub customers out, on $name", (engine) => {
  const jobsOf = async (db: Db) =>
    (await db.query<{ kind: string }>("select kind from jobs order by id")).map((j) => j.kind);

  it("S2: a customer created in the hub is queued for its partner; with pushNewCustomers off it stays in the hub", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub);
    await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    expect(await jobsOf(db)).toEqual(["partner.create"]);
    await db.query("update integrations set options = options || '{\"pushNewCustomers\": false}'");
    await createCustomer(hub.ctx, hub.admin, { firstName: "Bob" });
    expect(await jobsOf(db)).toEqual(["partner.create"]);
  });

  it("S3: with transferWhen 'active', a prospect goes out only when it becomes active", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub, { transferWhen: "active" });
    const ada = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    await updateCustomer(hub.ctx, hub.admin, ada.id, { lastName: "Lovelace" });
    expect(await jobsOf(db)).toEqual([]);
    await updateCustomer(hub.ctx, hub.admin, ada.id, { lifecycle: "active" });
    expect(await jobsOf(db)).toEqual(["partner.create"]);
    // a further edit while the partner is being created does not queue a second creation
    await updateCustomer(hub.ctx, hub.admin, ada.id, { firstName: "Augusta" });
    expect(await jobsOf(db)).toEqual(["partner.create"]);
  });

  it("S1: in selected mode nothing goes out until a user enables sync for the customer", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, {
      syncMode: "selected",
      pushNewCustomers: false,
    });
    const ada = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    await updateCustomer(hub.ctx, hub.admin, ada.id, { lastName: "Lovelace" });
    expect(await jobsOf(db)).toEqual([]);
    const [synced] = await enableSync(hub.ctx, hub.admin, integration, [ada.id]);
    expect(await jobsOf(db)).toEqual(["partner.create"]);
    expect(synced!.sync[0]).toMatchObject({ status: "unlinked", externalId: null });
  });
});
