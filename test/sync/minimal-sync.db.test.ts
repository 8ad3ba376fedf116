import { describe, expect, it } from "vitest";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { pollIntegration } from "../../src/capture/poll-integration.ts";
import { connectorRegistry } from "../../src/connectors/registry.ts";
import { posConnector } from "../../src/connectors/pos/manifest.ts";
import { parseActorId } from "../../src/domain/actor-id.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { listConflicts } from "../../src/services/conflicts.ts";
import {
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "../../src/services/customers.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import type { Db } from "../../src/store/database.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { minimalConnector } from "../connectors/minimal/manifest.ts";
import { startMinimalSimulator } from "../connectors/minimal/simulator.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

/**
 * R8.2: the minimal connector (no webhooks, no conditional writes, no idempotency keys, no lookup
 * by email; numbers the hub picks) synced through the same engine as the POS: only the registry
 * the test hub is given knows it.
 */
async function startMinimalPair(db: Db) {
  const hub = await createTestHub(db, {
    connectors: connectorRegistry(posConnector, minimalConnector),
  });
  const ledger = await startMinimalSimulator();
  afterThisTest(() => ledger.close());
  const integration = await createIntegration(hub.ctx, hub.admin, {
    kind: "minimal",
    name: "Ledger",
    baseUrl: ledger.url,
    credentials: { token: ledger.token },
    connection: { pageSize: 3 },
    options: { pollIntervalSeconds: 1, fieldMap: { ring: "Ring size" } },
  });
  const applyOptions = {
    db,
    clock: hub.clock,
    workerId: "test",
    resolveConnector: hub.ctx.resolveConnector,
    leaseSeconds: 30,
  };
  const pollAndMerge = async () => {
    hub.clock.advance(60_000); // past the poll interval, and any job's backoff
    const row = (await readIntegration(db, integration.id))!;
    let moved =
      (await pollIntegration(
        { db, resolveConnector: hub.ctx.resolveConnector, now: () => hub.clock.now() },
        row,
      )) ?? 0;
    while (await processNextEvent(db, hub.clock)) moved++;
    return moved;
  };
  const settle = async () => {
    for (let round = 0; round < 30; round++) {
      const moved = (await pollAndMerge()) + (await applyDueJobs(applyOptions, 8));
      if (moved === 0) return;
    }
    throw new Error("the pair did not settle in 30 rounds");
  };
  const jobs = () =>
    db.query<{ kind: string; state: string; result: unknown; last_error: string | null }>(
      "select kind, state, result, last_error from jobs order by id",
    );
  return { ...hub, ledger, integration, applyOptions, settle, jobs };
}

describe.each(engines)(
  "R8.2: the minimal connector through the same engine, on $name",
  (engine) => {
    it("R8.2: its manifest decides the integration: no webhooks, its own credentials and options, its profile", async () => {
      const pair = await startMinimalPair(await engine.open());
      expect(pair.integration).toMatchObject({
        kind: "minimal",
        connection: { pageSize: 3 },
        options: { webhooks: false },
      });
      const row = await readIntegration(pair.ctx.db, pair.integration.id);
      expect(row?.profile).toBe("customers");
    });

    it("R8.2: system -> hub: a ledger customer comes into the hub, and an edit at the ledger follows", async () => {
      const pair = await startMinimalPair(await engine.open());
      const m = pair.ledger.createAsStaff({
        given_name: "Ada",
        family_name: "Lovelace",
        emails: ["ada@example.com"],
        attributes: { ring: "6", internal: "x" },
      });
      await pair.settle();
      const [ada] = (await listCustomers(pair.ctx, pair.admin, { limit: 10 })).customers;
      expect(ada).toMatchObject({
        firstName: "Ada",
        lastName: "Lovelace",
        contacts: [{ kind: "email", value: "ada@example.com" }],
        preferences: { "Ring size": "6" },
      });
      expect(ada!.sync[0]).toMatchObject({ status: "synced", externalId: m.id });
      pair.ledger.editAsStaff(m.id, { given_name: "Augusta" });
      await pair.settle();
      expect((await getCustomer(pair.ctx, pair.admin, ada!.id)).firstName).toBe("Augusta");
      // nothing went back: the ledger's customer is as its staff left it
      expect(pair.ledger.customers()).toEqual([
        expect.objectContaining({ id: m.id, given_name: "Augusta", attributes: m.attributes }),
      ]);
    });

    it("R8.2: hub -> system: a hub customer gets a ledger partner under a number the hub picked, and a hub edit follows", async () => {
      const pair = await startMinimalPair(await engine.open());
      const grace = await createCustomer(pair.ctx, pair.admin, {
        firstName: "Grace",
        lastName: "Hopper",
        contacts: [{ kind: "email", value: "grace@example.com" }],
        preferences: { "Ring size": "7" },
      });
      await pair.settle();
      expect(pair.ledger.customers()).toEqual([
        expect.objectContaining({
          number: `T${grace.id}`,
          ref: `tandem:${grace.id}`,
          given_name: "Grace",
          emails: ["grace@example.com"],
          attributes: { ring: "7" },
        }),
      ]);
      await updateCustomer(pair.ctx, pair.admin, grace.id, {
        lastName: "Murray Hopper",
        preferences: { "Ring size": "7.5" },
        // the ledger holds no notes: its profile sends none, and nothing fails for it
        addNotes: ["Asked about the sapphire"],
      });
      await pair.settle();
      expect(pair.ledger.customers()).toEqual([
        expect.objectContaining({ family_name: "Murray Hopper", attributes: { ring: "7.5" } }),
      ]);
      const view = await getCustomer(pair.ctx, pair.admin, grace.id);
      expect(view.sync[0]).toMatchObject({ status: "synced", externalNumber: `T${grace.id}` });
      expect(view.notes?.map((n) => n.body)).toEqual(["Asked about the sapphire"]);
      expect(await listConflicts(pair.ctx, pair.admin)).toEqual([]);
      expect((await pair.jobs()).every((j) => j.state === "done")).toBe(true);
      // R8.3: the ledger's answers went into the inbox as a connector's changes (an ActorId)
      const answers = await pair.ctx.db.query<{ kind: string; actor: string }>(
        "select distinct kind, actor from change_events where kind in ('customer.created', 'customer.updated') order by kind",
      );
      expect(answers).toEqual([
        { kind: "customer.created", actor: "connector:answer" },
        { kind: "customer.updated", actor: "connector:answer" },
      ]);
      for (const { actor } of answers) expect(parseActorId(actor).type).toBe("connector");
    });

    it("R8.2, F12: a change at the ledger the hub has not seen yet is caught by the kit's read-before-write, never overwritten, and becomes a conflict", async () => {
      const pair = await startMinimalPair(await engine.open());
      const m = pair.ledger.createAsStaff({ given_name: "Ada", emails: ["ada@example.com"] });
      await pair.settle();
      const [ada] = (await listCustomers(pair.ctx, pair.admin, { limit: 10 })).customers;
      // at the same time: staff rename her at the ledger, a user renames her in the hub
      pair.ledger.editAsStaff(m.id, { given_name: "Adah" });
      await updateCustomer(pair.ctx, pair.admin, ada!.id, { firstName: "Augusta" });
      // the hub's write goes first, before any poll has brought the ledger's change
      expect(await applyDueJobs(pair.applyOptions, 8)).toBe(1);
      expect(pair.ledger.customers()[0]!.given_name).toBe("Adah");
      expect((await pair.jobs()).at(-1)).toMatchObject({
        kind: "external.update",
        state: "done",
        result: "superseded: the external system changed first",
      });
      await pair.settle();
      expect(pair.ledger.customers()[0]!.given_name).toBe("Adah");
      expect(await listConflicts(pair.ctx, pair.admin)).toEqual([
        expect.objectContaining({ field: "firstName", hubValue: "Augusta", externalValue: "Adah" }),
      ]);
    });

    it("R8.2, F2, F12: a custom field changed at the ledger and in the hub at once is caught by the kit's read-before-write (setPreference) and becomes a conflict", async () => {
      const pair = await startMinimalPair(await engine.open());
      const m = pair.ledger.createAsStaff({
        given_name: "Ada",
        emails: ["ada@example.com"],
        attributes: { ring: "6" },
      });
      await pair.settle();
      const [ada] = (await listCustomers(pair.ctx, pair.admin, { limit: 10 })).customers;
      expect(ada?.preferences).toEqual({ "Ring size": "6" });
      pair.ledger.editAsStaff(m.id, { attributes: { ring: "6.5" } });
      await updateCustomer(pair.ctx, pair.admin, ada!.id, { preferences: { "Ring size": "7" } });
      expect(await applyDueJobs(pair.applyOptions, 8)).toBe(1);
      expect(pair.ledger.customers()[0]!.attributes).toEqual({ ring: "6.5" });
      expect((await pair.jobs()).at(-1)).toMatchObject({
        kind: "external.update",
        state: "done",
        result: "superseded: the external system changed first",
      });
      await pair.settle();
      expect(pair.ledger.customers()[0]!.attributes).toEqual({ ring: "6.5" });
      expect(await listConflicts(pair.ctx, pair.admin)).toEqual([
        expect.objectContaining({ hubValue: "7", externalValue: "6.5" }),
      ]);
    });

    it("R8.2, S2: a create whose answer was lost is found by its number and ref, not made twice (the ledger has no idempotency keys)", async () => {
      const pair = await startMinimalPair(await engine.open());
      pair.ledger.loseNextAnswers(1);
      const grace = await createCustomer(pair.ctx, pair.admin, {
        firstName: "Grace",
        contacts: [{ kind: "email", value: "grace@example.com" }],
      });
      // the create is done at the ledger, its answer lost: the job fails and waits for its retry
      await applyDueJobs(pair.applyOptions, 8);
      expect(pair.ledger.customers()).toHaveLength(1);
      expect((await pair.jobs())[0]).toMatchObject({ kind: "partner.create", state: "ready" });
      // the retry, before any poll could show the customer to the engine
      pair.clock.advance(3600_000);
      expect(await applyDueJobs(pair.applyOptions, 8)).toBe(1);
      const [job] = await pair.jobs();
      expect(job).toMatchObject({ state: "done" });
      expect(job!.result).toMatch(/^matched m\d+ by its number and ref$/);
      await pair.settle();
      expect(pair.ledger.customers()).toEqual([
        expect.objectContaining({ number: `T${grace.id}`, ref: `tandem:${grace.id}` }),
      ]);
      const view = await getCustomer(pair.ctx, pair.admin, grace.id);
      expect(view.sync[0]).toMatchObject({ status: "synced", externalNumber: `T${grace.id}` });
      expect((await listCustomers(pair.ctx, pair.admin, { limit: 10 })).customers).toHaveLength(1);
    });
  },
);
