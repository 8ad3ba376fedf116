import { describe, expect, it } from "vitest";
import { createPartner } from "../../src/apply/create-partner.ts";
import type { CreatePartnerJob } from "../../src/domain/job-payloads.ts";
import { createCustomer } from "../../src/services/customers.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { engines } from "../setup/database.ts";
import { hubApi } from "../setup/hub-api.ts";
import { posCustomers } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import type { HubChange } from "../../src/domain/hub-change.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { numberChoiceSchema } from "../../src/services/create-partners.ts";
import { actorLabel } from "../../src/services/service-context.ts";
import { recordHubChange } from "../../src/store/inbox.ts";
import { insertLink } from "../../src/store/links-table.ts";

interface Customer {
  id: number;
  customerNumber: string;
  firstName: string | null;
  lastName: string | null;
  sync: Array<{ integrationId: number; status: string; externalId: string | null }>;
}
type ApiError = { error: { code: string; message: string } };

/** A POS customer made by store staff; the hub records it without a hub customer (selected mode). */
async function atPos(pair: SyncedPair, body: Record<string, unknown>) {
  const made = await pair.posCall<{ id: string; number: string }>("POST", "/staff/customers", body);
  expect(made.status).toBe(201);
  return made.body;
}

const selected = { syncMode: "selected" as const, pushNewCustomers: false };

describe.each(engines)("create partner, one customer (S5), on $name", (engine) => {
  it("S5: a customer of the other system becomes a hub customer with its number (keep), the next free number (next) or a typed one; a number in use is refused and nothing changes", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const base = `/v1/integrations/${pair.integrationId}/external-customers`;
    const kept = await atPos(pair, { firstName: "Kept", lastName: "Number" });
    const typed = await atPos(pair, { firstName: "Typed", lastName: "Number" });
    const next = await atPos(pair, { firstName: "Next", lastName: "Number" });
    const clash = await atPos(pair, { firstName: "Clash", lastName: "Number" });
    await pair.settle();

    const one = await api<Customer>("POST", `${base}/${kept.id}/partner-creation`, {});
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ firstName: "Kept", customerNumber: kept.number });
    expect(one.body.sync[0]).toMatchObject({ status: "synced", externalId: kept.id });

    const two = await api<Customer>("POST", `${base}/${next.id}/partner-creation`, {
      numberChoice: "next",
    });
    expect(two.status).toBe(201);
    // the hub's next free number: one past the highest it has given (the kept one)
    expect(two.body.customerNumber).toBe(String(Number(kept.number) + 1));
    expect(two.body.customerNumber).not.toBe(next.number);

    const three = await api<Customer>("POST", `${base}/${typed.id}/partner-creation`, {
      numberChoice: "typed",
      number: "VIP-1",
    });
    expect(three.body.customerNumber).toBe("VIP-1");

    const clients = async () =>
      (await pair.ctx.db.query<{ n: number }>("select count(*)::int as n from clients"))[0]!.n;
    const before = await clients();
    const inUse = await api<ApiError>("POST", `${base}/${clash.id}/partner-creation`, {
      numberChoice: "typed",
      number: "VIP-1",
    });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/VIP-1 is in use by customer/);
    const noNumber = await api<ApiError>("POST", `${base}/${clash.id}/partner-creation`, {
      numberChoice: "typed",
    });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.error.message).toMatch(/number/);
    const twice = await api<ApiError>("POST", `${base}/${kept.id}/partner-creation`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already has a hub customer/);
    const unknown = await api<ApiError>("POST", `${base}/nobody/partner-creation`, {});
    expect(unknown.status).toBe(404);
    const stray = await api<ApiError>("POST", `${base}/${clash.id}/partner-creation`, {
      numberChoice: "keep",
      sneaky: true,
    });
    expect(stray.status).toBe(400);
    expect(await clients()).toBe(before);

    // S9: an excluded record is never made a hub customer
    await api("PUT", `${base}/${clash.id}/exclusion`, { excluded: true });
    const excluded = await api<ApiError>("POST", `${base}/${clash.id}/partner-creation`, {});
    expect(excluded.status).toBe(409);
    expect(excluded.body.error.message).toMatch(/excluded/);
    expect(await clients()).toBe(before);

    // the hub customers made stay in step with their partners afterwards
    await pair.posCall("PATCH", `/staff/customers/${kept.id}`, { set: { lastName: "Changed" } });
    await pair.settle();
    const now = await api<Customer>("GET", `/v1/customers/${one.body.id}`);
    expect(now.body.lastName).toBe("Changed");
  });

  it("S5, S2: a customer of the other system with the email of a hub customer without a partner is paired with it, not duplicated; differing values start in conflict", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const hub = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Ines",
      lastName: "Lund",
      contacts: [{ kind: "email", value: "ines@lund.example" }],
    });
    const pos = await atPos(pair, {
      firstName: "Inés",
      lastName: "Lund",
      contacts: [{ type: "email", value: "INES@lund.example" }],
    });
    await pair.settle();
    const made = await api<Customer>(
      "POST",
      `/v1/integrations/${pair.integrationId}/external-customers/${pos.id}/partner-creation`,
      {},
    );
    expect(made.status).toBe(201);
    expect(made.body.id).toBe(hub.id);
    expect(made.body.customerNumber).toBe(hub.customerNumber);
    expect(made.body.sync[0]).toMatchObject({ status: "conflict", externalId: pos.id });
    const count = await pair.ctx.db.query<{ n: number }>("select count(*)::int as n from clients");
    expect(count[0]!.n).toBe(1);
  });

  it("S5: a hub customer's partner is created in the POS with the hub's number (keep), the POS's next one (next) or a typed one; a number the hub knows there is refused", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const make = (firstName: string) =>
      createCustomer(pair.ctx, pair.admin, { firstName, lifecycle: "active" });
    const keep = await make("Keep");
    const next = await make("Next");
    const typed = await make("Typed");
    const clash = await make("Clash");
    const existing = await atPos(pair, { firstName: "Already", lastName: "There" });
    await pair.settle();

    const create = (id: number, body: Record<string, unknown>) =>
      api<Customer | ApiError>("POST", `/v1/customers/${id}/partner-creation`, {
        integrationId: pair.integrationId,
        ...body,
      });
    expect((await create(keep.id, {})).status).toBe(202);
    expect((await create(next.id, { numberChoice: "next" })).status).toBe(202);
    expect((await create(typed.id, { numberChoice: "typed", number: "H-42" })).status).toBe(202);
    const inUse = await create(clash.id, { numberChoice: "typed", number: existing.number });
    expect(inUse.status).toBe(409);
    expect((inUse.body as ApiError).error.message).toMatch(
      new RegExp(`number: ${existing.number} is in use in integration`),
    );
    const queued = await create(keep.id, {});
    expect(queued.status).toBe(409);
    expect((queued.body as ApiError).error.message).toMatch(/being created already/);
    await pair.settle();

    const byName = Object.fromEntries((await posCustomers(pair)).map((c) => [c.firstName, c]));
    const numberOf = (name: string) => (byName[name] as unknown as { number: string }).number;
    expect(numberOf("Keep")).toBe(keep.customerNumber);
    expect(numberOf("Typed")).toBe("H-42");
    expect(Number(numberOf("Next"))).toBeGreaterThan(Number(existing.number));
    expect(byName["Clash"]).toBeUndefined();
    const linked = await api<Customer>("GET", `/v1/customers/${keep.id}`);
    expect(linked.body.sync[0]!.status).toBe("synced");
    const again = await create(keep.id, {});
    expect(again.status).toBe(409);
    expect((again.body as ApiError).error.message).toMatch(/already has a partner/);
  });

  it("S5, S3: with transferWhen 'active' a prospect's partner is not created (refused with the reason); an active customer's is", async () => {
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
    const create = (id: number) =>
      api<ApiError>("POST", `/v1/customers/${id}/partner-creation`, {
        integrationId: pair.integrationId,
      });
    const refused = await create(prospect.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/is a prospect.*transferWhen: active/);
    expect((await create(active.id)).status).toBe(202);
    await pair.settle();
    expect((await posCustomers(pair)).map((c) => c.firstName)).toEqual(["Active"]);
  });

  it("S9, S2: a customer of the other system excluded between a partner's create finding it by email and recording the pair is not paired; the job fails to try again", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const record = await atPos(pair, {
      firstName: "Excluded",
      lastName: "Meanwhile",
      contacts: [{ type: "email", value: "meanwhile@example.com" }],
    });
    await pair.settle();
    const hub = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Excluded",
      lastName: "Meanwhile",
      lifecycle: "active",
      contacts: [{ kind: "email", value: "meanwhile@example.com" }],
    });
    await api("POST", `/v1/customers/${hub.id}/partner-creation`, {
      integrationId: pair.integrationId,
    });
    const [job] = await pair.ctx.db.query<{ payload: CreatePartnerJob }>(
      "select payload from jobs where kind = 'partner.create'",
    );
    const integration = (await readIntegration(pair.ctx.db, pair.integrationId))!;
    const connector = await pair.ctx.resolveConnector(integration);
    // the apply stage's two steps, with a manager's exclusion in between
    const found = await createPartner(
      { db: pair.ctx.db, now: () => pair.clock.now(), idempotencyKey: "race-1" },
      job!.payload,
      integration,
      connector,
    );
    expect(found.outcome).toBe(`matched ${record.id} by email`);
    const excluded = await api(
      "PUT",
      `/v1/integrations/${pair.integrationId}/external-customers/${record.id}/exclusion`,
      { excluded: true },
    );
    expect(excluded.status).toBe(200);
    await expect(pair.ctx.db.transaction((tx) => found.record!(tx))).rejects.toThrow(
      /paired or excluded while its match was made/,
    );
    const [row] = await pair.ctx.db.query<{ client_id: number | null; status: string }>(
      "select client_id, status from links where external_id = $1",
      [record.id],
    );
    expect(row).toEqual({ client_id: null, status: "excluded" });
    // its next try passes the excluded record by and makes a new partner
    await pair.settle();
    const [own] = await pair.ctx.db.query<{ external_id: string; status: string }>(
      "select external_id, status from links where client_id = $1",
      [hub.id],
    );
    expect(own!.external_id).not.toBe(record.id);
    expect(own!.status).toBe("synced");
    expect(await posCustomers(pair)).toHaveLength(2);
  });

  it("S5, S9: a hub customer excluded from an integration gets no partner there, nor any customer while the integration is switched off; each refused with the reason, nothing queued", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const excluded = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Excluded",
      lifecycle: "active",
    });
    const other = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Other",
      lifecycle: "active",
    });
    const excluding = await api("PUT", `/v1/customers/${excluded.id}/exclusion`, {
      integrationId: pair.integrationId,
      excluded: true,
    });
    expect(excluding.status).toBe(200);
    const create = (id: number) =>
      api<ApiError>("POST", `/v1/customers/${id}/partner-creation`, {
        integrationId: pair.integrationId,
      });
    const refused = await create(excluded.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/is excluded from integration \d+ \(S9\)/);

    const record = await atPos(pair, { firstName: "Recorded", lastName: "Record" });
    await pair.settle();
    const off = await api("PATCH", `/v1/integrations/${pair.integrationId}`, { enabled: false });
    expect(off.status).toBe(200);
    const whileOff = await create(other.id);
    expect(whileOff.status).toBe(409);
    expect(whileOff.body.error.message).toMatch(/is switched off/);
    const jobs = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from jobs where kind = 'partner.create'",
    );
    expect(jobs[0]!.n).toBe(0);
    // nor is a hub customer made from the other side's record while it is off
    const here = await api<ApiError>(
      "POST",
      `/v1/integrations/${pair.integrationId}/external-customers/${record.id}/partner-creation`,
      {},
    );
    expect(here.status).toBe(409);
    expect(here.body.error.message).toMatch(/is switched off/);
    const clients = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    expect(clients[0]!.n).toBe(2);
  });

  it("S5: a queued partner creation with numberChoice 'typed' but no number is refused with the reason, on either side; no number is made up and nothing is created", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const hub = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Hub",
      lifecycle: "active",
    });
    const pos = await atPos(pair, { firstName: "Pos", lastName: "Side" });
    await pair.settle();
    // a change that did not come through the API's schema (which refuses it at once)
    const queue = (change: HubChange) =>
      recordHubChange(
        pair.ctx.db,
        change,
        {
          storeId: pair.admin.storeId,
          eventKey: `test:${change.kind}`,
          actor: actorLabel(pair.admin),
        },
        pair.clock.now(),
      );
    const ids = [
      await queue({
        kind: "client.partnerCreate",
        clientId: hub.id,
        integrationId: pair.integrationId,
        numberChoice: "typed",
      }),
      await queue({
        kind: "record.partnerCreate",
        integrationId: pair.integrationId,
        externalId: pos.id,
        numberChoice: "typed",
      }),
    ];
    while (await processNextEvent(pair.ctx.db, pair.clock)) {
      // until nothing is due
    }
    const outcomes = await pair.ctx.db.query<{ outcome: string }>(
      "select outcome from change_events where id = any($1::bigint[]) order by id",
      [ids],
    );
    expect(outcomes.map((o) => o.outcome)).toEqual([
      "refused: number: a typed number is needed with numberChoice 'typed'",
      "refused: number: a typed number is needed with numberChoice 'typed'",
    ]);
    const [counts] = await pair.ctx.db.query<{ clients: number; jobs: number }>(
      `select (select count(*) from clients)::int as clients,
              (select count(*) from jobs where kind = 'partner.create')::int as jobs`,
    );
    expect(counts).toEqual({ clients: 1, jobs: 0 });
    expect(await posCustomers(pair)).toHaveLength(1);
  });

  it("S5: a customer of the other system whose copy the hub does not hold yet is not made a hub customer: refused with the reason (409), nothing created", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    // the hub knows the record by its id only (no copy of its data yet)
    await insertLink(pair.ctx.db, {
      integrationId: pair.integrationId,
      clientId: null,
      externalId: "known-by-id",
      externalNumber: "77",
      status: "unlinked",
      syncEnabled: false,
      now: pair.clock.now(),
    });
    const refused = await api<ApiError>(
      "POST",
      `/v1/integrations/${pair.integrationId}/external-customers/known-by-id/partner-creation`,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/holds no copy of customer known-by-id/);
    const clients = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    expect(clients[0]!.n).toBe(0);
  });

  it("S5: a number is given only with numberChoice 'typed', and 'typed' needs one: refused by the field's name before anything is recorded", async () => {
    const pair = await startSyncedPair(await engine.open(), selected);
    const api = hubApi(pair);
    const hub = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Hub",
      lifecycle: "active",
    });
    const pos = await atPos(pair, { firstName: "Pos", lastName: "Side" });
    await pair.settle();
    const events = async () =>
      (await pair.ctx.db.query<{ n: number }>("select count(*)::int as n from change_events"))[0]!
        .n;
    const before = await events();
    for (const numberChoice of ["keep", "next"]) {
      const here = await api<ApiError>(
        "POST",
        `/v1/integrations/${pair.integrationId}/external-customers/${pos.id}/partner-creation`,
        { numberChoice, number: "K-1" },
      );
      expect(here.status).toBe(400);
      expect(here.body.error.message).toMatch(/number.*only with numberChoice 'typed'/);
      const there = await api<ApiError>("POST", `/v1/customers/${hub.id}/partner-creation`, {
        integrationId: pair.integrationId,
        numberChoice,
        number: "K-1",
      });
      expect(there.status).toBe(400);
      expect(there.body.error.message).toMatch(/number.*only with numberChoice 'typed'/);
    }
    expect(await events()).toBe(before);
    // 'typed' without a number is the schema's to refuse, at the field (the engine refuses it too)
    const typed = numberChoiceSchema.safeParse({ numberChoice: "typed" });
    expect(typed.success).toBe(false);
    expect(typed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["number", "a number is needed with numberChoice 'typed'"],
    ]);
    const clients = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    expect(clients[0]!.n).toBe(1);
  });
});
