import { describe, expect, it } from "vitest";
import { createCustomer } from "../../src/services/customers.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import type { PartnerPlan } from "../../src/services/partner-plan.ts";
import type { PartnerRunView } from "../../src/services/create-partners.ts";
import { engines } from "../setup/database.ts";
import { hubApi } from "../setup/hub-api.ts";
import { posCustomers } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { startPartnerRun } from "../../src/services/create-partners.ts";
import { actorLabel } from "../../src/services/service-context.ts";
import {
  insertClientsWithIds,
  reserveClientIds,
  reserveIds,
} from "../../src/store/clients-table.ts";
import { recordHubChange } from "../../src/store/inbox.ts";
import { insertLink, insertLinksWithIds } from "../../src/store/links-table.ts";
import { addOfflineIntegration, createTestHub } from "../setup/hub.ts";

const selected = { syncMode: "selected" as const, pushNewCustomers: false };

/** Every table a plan must leave alone, as counts. */
async function footprint(pair: SyncedPair) {
  const [row] = await pair.ctx.db.query(
    `select (select count(*) from clients)::int as clients, (select count(*) from links)::int as links,
            (select count(*) from change_events)::int as events, (select count(*) from jobs)::int as jobs,
            (select count(*) from partner_runs)::int as runs`,
  );
  return { ...row, pos: (await posCustomers(pair)).length };
}

/**
 * A store in selected mode: `pos` customers at the POS (the hub records them without hub
 * customers), `hub` customers in the hub; one of each shares an email (with a differing last
 * name), one POS customer and one hub customer are excluded, one POS customer's number is held by
 * a hub customer. Names and emails are unique per test run.
 */
async function twoLists(pair: SyncedPair, sizes: { pos: number; hub: number }) {
  const api = hubApi(pair);
  const tag = Math.random().toString(36).slice(2, 8);
  const pos: Array<{ id: string; number: string }> = [];
  for (let i = 0; i < sizes.pos; i++) {
    const made = await pair.posCall<{ id: string; number: string }>("POST", "/staff/customers", {
      firstName: `Pos${i}`,
      lastName: `${tag}-p`,
      contacts: [{ type: "email", value: `pos${i}.${tag}@example.com` }],
    });
    pos.push(made.body);
  }
  const hub: Array<{ id: number; customerNumber: string }> = [];
  for (let i = 0; i < sizes.hub; i++)
    hub.push(
      await createCustomer(pair.ctx, pair.admin, {
        firstName: `Hub${i}`,
        lastName: `${tag}-h`,
        lifecycle: "active",
        // hub customer 0 shares POS customer 0's email; hub customer 1 holds POS customer 1's number
        contacts: i === 0 ? [{ kind: "email", value: `pos0.${tag}@example.com` }] : [],
        // the others are numbered apart from the POS's numbers
        customerNumber: i === 1 ? pos[1]!.number : `H${i}-${tag}`,
      }),
    );
  await pair.settle();
  await api(
    "PUT",
    `/v1/integrations/${pair.integrationId}/external-customers/${pos[2]!.id}/exclusion`,
    {
      excluded: true,
    },
  );
  await api("PUT", `/v1/customers/${hub[2]!.id}/exclusion`, {
    integrationId: pair.integrationId,
    excluded: true,
  });
  return { api, pos, hub, tag };
}

/** The engine's workers, one event at a time, until nothing is due. */
async function drain(pair: SyncedPair) {
  while (await processNextEvent(pair.ctx.db, pair.clock)) {
    // until nothing is due
  }
}

describe.each(engines)("partner runs (S6, S10) and the plan, on $name", (engine) => {
  it("S6: the plan counts and lists what a run of each side would do, and writes nothing", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const { api, pos, hub } = await twoLists(pair, { pos: 8, hub: 6 });
    const before = await footprint(pair);
    const plan = await api<PartnerPlan>("GET", `/v1/integrations/${pair.integrationId}/plan`);
    expect(plan.status).toBe(200);
    // external side: 8 records, 1 excluded, 1 linked by email, 1 refused (number held): 5 created
    expect(plan.body.external).toMatchObject({
      created: 5,
      linked: 1,
      conflicts: 1,
      refused: 1,
      excluded: 1,
    });
    // hub side: 6 customers, 1 excluded, 1 linked by email, 1 refused (its number is the POS's
    // customer 1's): 3 created there
    expect(plan.body.hub).toMatchObject({
      created: 3,
      linked: 1,
      conflicts: 1,
      refused: 1,
      excluded: 1,
    });
    expect(plan.body.hub.lists.refused).toEqual([
      expect.objectContaining({
        clientId: hub[1]!.id,
        reason: `number ${pos[1]!.number} is in use there`,
      }),
    ]);
    expect(plan.body.summary).toBe(
      "5 customers will be created here, 3 there, 1 linked, 1 start in conflict, 2 excluded, 2 refused (see the lists)",
    );
    expect(plan.body.external.lists.linked).toEqual([
      expect.objectContaining({ clientId: hub[0]!.id, externalId: pos[0]!.id }),
    ]);
    expect(plan.body.external.lists.refused).toEqual([
      expect.objectContaining({
        externalId: pos[1]!.id,
        reason: `number ${pos[1]!.number} is in use in the hub`,
      }),
    ]);
    expect(plan.body.hub.lists.excluded.map((e) => e.clientId)).toEqual([hub[2]!.id]);
    expect(plan.body.external.lists.excluded.map((e) => e.externalId)).toEqual([pos[2]!.id]);
    // with "next", no number is refused
    const next = await api<PartnerPlan>(
      "GET",
      `/v1/integrations/${pair.integrationId}/plan?numberChoice=next&limit=2`,
    );
    expect(next.body.external.created).toBe(6);
    expect(next.body.external.lists.created).toHaveLength(2);
    expect(await footprint(pair)).toEqual(before);
    const bad = await api("GET", `/v1/integrations/${pair.integrationId}/plan?limit=0`);
    expect(bad.status).toBe(400);
  });

  it("S10: transfer all in (S6 side external): a run makes every customer of the other side a hub customer, once, with progress; refusals are counted with their reason; the plan's numbers come true", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const { api, pos, hub } = await twoLists(pair, { pos: 8, hub: 3 });
    const plan = (await api<PartnerPlan>("GET", `/v1/integrations/${pair.integrationId}/plan`))
      .body;
    const started = await api<PartnerRunView>(
      "POST",
      `/v1/integrations/${pair.integrationId}/partner-runs`,
      { side: "external" },
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      total: 7,
      finished: false,
      progress: { done: 0, failed: 0, waiting: 7 },
    });
    await processNextEvent(pair.ctx.db, pair.clock);
    await processNextEvent(pair.ctx.db, pair.clock);
    const midway = await api<PartnerRunView>("GET", `/v1/partner-runs/${started.body.id}`);
    // the first two: pos[0] paired by email, pos[1] refused (its number is held)
    expect(midway.body.progress).toMatchObject({ done: 1, failed: 1, waiting: 5 });
    await drain(pair);
    const run = (await api<PartnerRunView>("GET", `/v1/partner-runs/${started.body.id}`)).body;
    expect(run.finished).toBe(true);
    expect(run.progress).toMatchObject({ done: 6, failed: 1, waiting: 0 });
    expect(run.failures).toEqual([
      {
        externalId: pos[1]!.id,
        reason: expect.stringContaining(`customerNumber: ${pos[1]!.number} is in use`),
        final: true,
      },
    ]);
    expect(run.progress.done).toBe(plan.external.created + plan.external.linked);

    const links = await pair.ctx.db.query<{ external_id: string; client_id: number | null }>(
      "select external_id, client_id from links where integration_id = $1 and external_id is not null",
      [pair.integrationId],
    );
    const clientOf = new Map(links.map((l) => [l.external_id, l.client_id]));
    expect(clientOf.get(pos[0]!.id)).toBe(hub[0]!.id); // paired by email, not duplicated
    expect(clientOf.get(pos[1]!.id)).toBeNull(); // refused: its number is held
    expect(clientOf.get(pos[2]!.id)).toBeNull(); // excluded
    const madeFor = pos.slice(3).map((p) => clientOf.get(p.id));
    expect(madeFor.every((id) => typeof id === "number")).toBe(true);
    expect(new Set(madeFor).size).toBe(5);
    const numbers = await pair.ctx.db.query<{ customer_number: string }>(
      "select customer_number from clients where id = any($1::bigint[])",
      [madeFor],
    );
    expect(numbers.map((n) => n.customer_number).sort()).toEqual(
      pos
        .slice(3)
        .map((p) => p.number)
        .sort(),
    );
    // a second run finds only what is left (the refused one) and creates nothing twice
    const again = await api<PartnerRunView>(
      "POST",
      `/v1/integrations/${pair.integrationId}/partner-runs`,
      { side: "external", numberChoice: "next" },
    );
    expect(again.body.total).toBe(1);
    await drain(pair);
    const clients = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    expect(clients[0]!.n).toBe(3 + 5 + 1);
  });

  it("S10: transfer all out (S6 side hub): a run of the hub side creates the partners in the POS with the hub's numbers, each once, and an excluded customer is left alone", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const { api, hub } = await twoLists(pair, { pos: 3, hub: 6 });
    const posBefore = (await posCustomers(pair)).length;
    const run = await api<PartnerRunView>(
      "POST",
      `/v1/integrations/${pair.integrationId}/partner-runs`,
      { side: "hub" },
    );
    // 6, less the excluded one
    expect(run.body.total).toBe(5);
    await pair.settle();
    const done = (await api<PartnerRunView>("GET", `/v1/partner-runs/${run.body.id}`)).body;
    expect(done).toMatchObject({ finished: true, progress: { done: 4, failed: 1 } });
    // hub 1's number is POS customer 1's: refused, with the reason
    expect(done.failures).toEqual([
      {
        clientId: hub[1]!.id,
        reason: expect.stringMatching(/number: \d+ is in use in integration/),
        final: true,
      },
    ]);
    const atPos = await posCustomers(pair);
    // hub 0 was paired with POS customer 0 by email: 3 new, with the hub's numbers
    expect(atPos.length).toBe(posBefore + 3);
    const numbers = new Set(atPos.map((c) => (c as unknown as { number: string }).number));
    for (const i of [3, 4, 5]) expect(numbers.has(hub[i]!.customerNumber)).toBe(true);
    const states = await pair.ctx.db.query<{ client_id: number; status: string }>(
      "select client_id, status from links where integration_id = $1 and client_id is not null order by client_id",
      [pair.integrationId],
    );
    expect(states.find((s) => s.client_id === hub[2]!.id)?.status).toBe("excluded");
    expect(states.filter((s) => s.status === "synced" || s.status === "conflict")).toHaveLength(4);
    // settled again: nothing more is created (each partner once)
    await pair.settle();
    expect((await posCustomers(pair)).length).toBe(posBefore + 3);
  });

  it("S6: bad input to a run is refused by name and starts nothing (who may start one: the role matrix)", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const url = `/v1/integrations/${pair.integrationId}/partner-runs`;
    const bad = await api<{ error: { message: string } }>("POST", url, { side: "both" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/side/);
    const extra = await api("POST", url, { side: "hub", numberChoice: "typed" });
    expect(extra.status).toBe(400);
    const unknown = await api("POST", `/v1/integrations/999/partner-runs`, { side: "hub" });
    expect(unknown.status).toBe(404);
    const runs = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from partner_runs",
    );
    expect(runs[0]!.n).toBe(0);
  });

  it("S6: only a manager or an admin starts a run, also when the service is called directly (as the CLI does); an associate is refused and nothing is recorded", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    await createCustomer(pair.ctx, pair.admin, { firstName: "Waiting", lifecycle: "active" });
    const associate = { ...pair.admin, role: "associate" as const };
    await expect(
      startPartnerRun(pair.ctx, associate, pair.integrationId, { side: "hub" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const counts = async () =>
      (
        await pair.ctx.db.query<{ runs: number; events: number }>(
          `select (select count(*) from partner_runs)::int as runs,
                  (select count(*) from change_events where run_id is not null)::int as events`,
        )
      )[0];
    expect(await counts()).toEqual({ runs: 0, events: 0 });
    const manager = { ...pair.admin, role: "manager" as const };
    const run = await startPartnerRun(pair.ctx, manager, pair.integrationId, { side: "hub" });
    expect(run.total).toBe(1);
  });

  it("S6: no run starts while its integration is switched off, on either side: refused with the reason, nothing recorded or created", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const { api } = await twoLists(pair, { pos: 4, hub: 3 });
    const clientsBefore = await footprint(pair);
    const off = await api("PATCH", `/v1/integrations/${pair.integrationId}`, { enabled: false });
    expect(off.status).toBe(200);
    for (const side of ["hub", "external"]) {
      const refused = await api<{ error: { message: string } }>(
        "POST",
        `/v1/integrations/${pair.integrationId}/partner-runs`,
        { side },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/is switched off/);
    }
    await drain(pair);
    expect(await footprint(pair)).toEqual(clientsBefore);
  });

  it("S6, S10: a run of more than one page (1000) of customers records each customer once, on either side", async () => {
    const hub = await createTestHub(await engine.open());
    const integrationId = await addOfflineIntegration(hub, selected);
    const many = 1005;
    const now = hub.clock.now();
    const clientIds = await reserveClientIds(hub.ctx.db, many);
    await insertClientsWithIds(
      hub.ctx.db,
      clientIds.map((id, i) => ({
        id,
        storeId: hub.admin.storeId,
        customer: {
          firstName: `Many${i}`,
          lastName: null,
          acquisition: null,
          contacts: [],
          preferences: {},
        },
        createdBy: null,
        assignedUserId: null,
        lifecycle: "active" as const,
        country: "US",
        now,
      })),
    );
    const linkIds = await reserveIds(hub.ctx.db, "links", many);
    await insertLinksWithIds(
      hub.ctx.db,
      linkIds.map((id, i) => ({
        id,
        integrationId,
        clientId: null,
        externalId: `x${i}`,
        externalNumber: `X${i}`,
        status: "unlinked" as const,
        syncEnabled: false,
        external: {
          firstName: `Far${i}`,
          lastName: null,
          acquisition: null,
          contacts: [],
          preferences: {},
        },
        externalVersion: 1,
        now,
      })),
    );
    for (const side of ["hub", "external"] as const) {
      const run = await startPartnerRun(hub.ctx, hub.admin, integrationId, { side });
      expect(run.total).toBe(many);
      const [row] = await hub.ctx.db.query<{ n: number; customers: number }>(
        `select count(*)::int as n,
                count(distinct coalesce(payload->>'clientId', payload->>'externalId'))::int as customers
         from change_events where run_id = $1`,
        [run.id],
      );
      expect(row).toEqual({ n: many, customers: many });
    }
  }, 60_000);

  it("S6, S3: the plan lists, with the reason, a prospect where prospects go out at their first purchase and a record whose copy the hub does not hold yet, as the runs would refuse them", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      ...selected,
      transferWhen: "active",
    });
    const api = hubApi(pair);
    const prospect = await createCustomer(pair.ctx, pair.admin, { firstName: "Prospect" });
    const active = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Active",
      lifecycle: "active",
    });
    await insertLink(pair.ctx.db, {
      integrationId: pair.integrationId,
      clientId: null,
      externalId: "known-by-id",
      status: "unlinked",
      syncEnabled: false,
      now: pair.clock.now(),
    });
    const plan = (await api<PartnerPlan>("GET", `/v1/integrations/${pair.integrationId}/plan`))
      .body;
    expect(plan.hub).toMatchObject({ created: 1, refused: 1 });
    expect(plan.hub.lists.created.map((e) => e.clientId)).toEqual([active.id]);
    expect(plan.hub.lists.refused).toEqual([
      expect.objectContaining({
        clientId: prospect.id,
        reason: "a prospect: sent at its first purchase (transferWhen: active)",
      }),
    ]);
    expect(plan.external).toMatchObject({ created: 0, refused: 1 });
    expect(plan.external.lists.refused).toEqual([
      expect.objectContaining({
        externalId: "known-by-id",
        reason: "the hub holds no copy of it yet",
      }),
    ]);
  });

  it("S6: a queued change the engine refuses is done with the reason as its outcome, and what it wrote before the refusal is undone", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const client = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Kept",
      lastName: "AsItWas",
    });
    const history = async () =>
      (
        await pair.ctx.db.query<{ n: number }>(
          "select count(*)::int as n from audit_log where client_id = $1",
          [client.id],
        )
      )[0]!.n;
    const audited = await history();
    // the name is written first, then the edit of a note the customer does not have is refused
    const id = await recordHubChange(
      pair.ctx.db,
      {
        kind: "client.updated",
        clientId: client.id,
        edit: { lastName: "Changed", editNotes: { "999999": "no such note" } },
      },
      {
        storeId: pair.admin.storeId,
        eventKey: "test:refused-after-a-write",
        actor: actorLabel(pair.admin),
      },
      pair.clock.now(),
    );
    await drain(pair);
    const [event] = await pair.ctx.db.query<{ outcome: string }>(
      "select outcome from change_events where id = $1",
      [id],
    );
    expect(event!.outcome).toMatch(/^refused: editNotes\.999999: customer \d+ has no such note/);
    const after = await pair.ctx.db.query<{ last_name: string }>(
      "select last_name from clients where id = $1",
      [client.id],
    );
    expect(after[0]!.last_name).toBe("AsItWas");
    expect(await history()).toBe(audited);
  });
});
