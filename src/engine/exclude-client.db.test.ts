import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  drainInbox,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import {
  createCustomer,
  getCustomer,
  setCustomerExclusion,
  updateCustomer,
} from "../services/customers.ts";
import { integrationOptionsSchema } from "../domain/integration-options.ts";
import { setExternalExclusion } from "../services/external-customers.ts";
import { selectPartner } from "../services/customers.ts";
import { ServiceError } from "../services/service-error.ts";
import type { Db } from "../store/database.ts";
import { updateIntegration } from "../store/integrations-table.ts";

const jobsOf = async (db: Db) =>
  (await db.query<{ kind: string }>("select kind from jobs order by id")).map((j) => j.kind);

describe.each(engines)("excluding a customer from an integration, on $name", (engine) => {
  it("S9: an excluded hub customer is never created, matched or updated in the other system; its partner's changes wait; lifting merges both ways", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, { pushNewCustomers: false });
    const exclude = (clientId: number, excluded: boolean) =>
      setCustomerExclusion(hub.ctx, hub.admin, clientId, { integrationId: integration, excluded });

    // a hub customer without a partner, excluded: no partner is made for it, and a POS customer
    // with its email is not matched to it (a new hub customer is made instead)
    const ada = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Ada",
      contacts: [{ kind: "email", value: "ada@example.com" }],
    });
    expect((await exclude(ada.id, true)).sync[0]).toMatchObject({ status: "excluded" });
    await updateCustomer(hub.ctx, hub.admin, ada.id, { lastName: "Lovelace" });
    await deliver(
      hub,
      integration,
      posCustomer("c_ada", 1, {
        firstName: "Ada",
        contacts: [{ kind: "email", value: "ADA@example.com" }],
      }),
    );
    await drainInbox(hub);
    expect(await jobsOf(db)).toEqual([]);
    expect((await getCustomer(hub.ctx, hub.admin, ada.id)).sync[0]).toMatchObject({
      status: "excluded",
      externalId: null,
    });
    const [{ n: clients } = { n: 0 }] = await db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    expect(clients).toBe(2);
    // lifted: with pushNewCustomers off it is an unlinked customer again, nothing goes out
    expect((await exclude(ada.id, false)).sync[0]).toMatchObject({ status: "unlinked" });
    expect(await jobsOf(db)).toEqual([]);

    // a synced pair, excluded: neither side's changes cross while it is
    await deliver(
      hub,
      integration,
      posCustomer("c_bea", 1, { firstName: "Bea", lastName: "Holm" }),
    );
    await drainInbox(hub);
    const [bea] = (await db.query<{ client_id: number }>(
      "select client_id from links where external_id = 'c_bea'",
    ))!;
    const beaId = bea!.client_id;
    await exclude(beaId, true);
    await updateCustomer(hub.ctx, hub.admin, beaId, { firstName: "Beatrice" });
    await deliver(
      hub,
      integration,
      posCustomer("c_bea", 2, { firstName: "Bea", lastName: "Lund" }),
    );
    await drainInbox(hub);
    expect(await jobsOf(db)).toEqual([]);
    expect(await getCustomer(hub.ctx, hub.admin, beaId)).toMatchObject({
      firstName: "Beatrice",
      lastName: "Holm",
    });
    // setting what already is changes nothing
    await exclude(beaId, true);
    expect(await jobsOf(db)).toEqual([]);

    // lifted: the POS's change comes in and the hub's goes out, at once
    const lifted = await exclude(beaId, false);
    expect(lifted).toMatchObject({ firstName: "Beatrice", lastName: "Lund" });
    expect(lifted.sync[0]).toMatchObject({ status: "synced", externalId: "c_bea" });
    const jobs = await db.query<{ kind: string; payload: { set: Record<string, unknown> } }>(
      "select kind, payload from jobs",
    );
    expect(jobs.map((j) => [j.kind, Object.keys(j.payload.set)])).toEqual([
      ["external.update", ["firstName"]],
    ]);

    // a hub value on its way out when the customer is excluded is not taken for sent: lifted, it
    // goes out again
    await updateCustomer(hub.ctx, hub.admin, beaId, { lastName: "Berg" });
    const pendingOf = async () =>
      (
        await db.query<{ pending: Record<string, unknown> }>(
          "select pending from links where external_id = 'c_bea'",
        )
      )[0]!.pending;
    // on their way out: the first name (since the lift above) and the last name (just now);
    // their jobs are dropped unanswered, as apply drops an excluded link's jobs
    expect(Object.keys(await pendingOf()).sort()).toEqual(["firstName", "lastName"]);
    await db.query("delete from jobs");
    await exclude(beaId, true);
    expect(await pendingOf()).toEqual({});
    await exclude(beaId, false);
    const resent = await db.query<{ payload: { set: Record<string, unknown> } }>(
      "select payload from jobs",
    );
    expect(resent.map((j) => Object.keys(j.payload.set).sort())).toEqual([
      ["firstName", "lastName"],
    ]);

    // a store's exclusions are the managers' and admins' to set
    const associate = { ...hub.admin, role: "associate" as const };
    await expect(
      setCustomerExclusion(hub.ctx, associate, beaId, {
        integrationId: integration,
        excluded: true,
      }),
    ).rejects.toBeInstanceOf(ServiceError);
    expect((await getCustomer(hub.ctx, hub.admin, beaId)).sync[0]).toMatchObject({
      status: "synced",
    });
  });

  it("S9: a customer of the other system excluded is never matched, created in the hub or paired, even once the integration syncs all; lifted, its last copy is taken as new", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const options = integrationOptionsSchema.parse({
      webhooks: false,
      syncMode: "selected",
      pushNewCustomers: false,
    });
    const integration = await addOfflineIntegration(hub, options);
    const exclude = (externalId: string, excluded: boolean) =>
      setExternalExclusion(hub.ctx, hub.admin, integration, externalId, excluded);
    const clients = async () =>
      (await db.query<{ n: number }>("select count(*)::int as n from clients"))[0]!.n;

    await deliver(hub, integration, posCustomer("c_cy", 1, { firstName: "Cy" }));
    await drainInbox(hub);
    expect(await exclude("c_cy", true)).toEqual({
      externalId: "c_cy",
      clientId: null,
      status: "excluded",
    });
    await updateIntegration(
      db,
      hub.ctx.secretKey,
      integration,
      { options: { ...options, syncMode: "all" } },
      hub.clock.now(),
    );
    await deliver(hub, integration, posCustomer("c_cy", 2, { firstName: "Cyril" }));
    await drainInbox(hub);
    expect(await clients()).toBe(0);
    const hubCy = await createCustomer(hub.ctx, hub.admin, { firstName: "Cyril" });
    await expect(
      selectPartner(hub.ctx, hub.admin, hubCy.id, {
        integrationId: integration,
        externalId: "c_cy",
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    // lifted: taken as new, as if it had just arrived (all mode: a hub customer from its last copy)
    const lifted = await exclude("c_cy", false);
    expect(lifted).toMatchObject({ externalId: "c_cy", status: "synced" });
    expect(lifted.clientId).not.toBeNull();
    expect(await getCustomer(hub.ctx, hub.admin, lifted.clientId!)).toMatchObject({
      firstName: "Cyril",
    });

    // a record paired with a hub customer is excluded as that customer is
    expect(await exclude("c_cy", true)).toEqual({
      externalId: "c_cy",
      clientId: lifted.clientId,
      status: "excluded",
    });
    await expect(exclude("c_nobody", true)).rejects.toMatchObject({ code: "not_found" });
  });
});
