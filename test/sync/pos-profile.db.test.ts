import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { engines } from "../setup/database.ts";
import { crashAfter, startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { changeContact } from "../../src/services/customer-contacts.ts";
import { retryDeadJob, storeJobs } from "../../src/services/jobs.ts";
import {
  compareWithPartner,
  listConflicts,
  resolveConflicts,
} from "../../src/services/conflicts.ts";
import { setUserAssociate } from "../../src/services/integrations.ts";
import { createUser } from "../../src/services/users.ts";
import {
  createCustomer,
  customerHistory,
  getCustomer,
  updateCustomer,
} from "../../src/services/customers.ts";
import { fieldMap, fromHub, fromPos, posCustomers, posGet } from "../setup/pos-helpers.ts";

/** The hub's HTTP API in process, called as the pair's admin. */
function hubApi(pair: SyncedPair) {
  const app = createApp(pair.ctx);
  return async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${pair.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

describe.each(engines)("the POS profile through the reference POS, on $name", (engine) => {
  it("F1: a hub email change leaves the old POS email in place and adds the new one", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      contacts: [{ type: "email", value: "ada@old.com" }],
    });
    await changeContact(
      pair.ctx,
      pair.admin,
      clientId,
      { kind: "email", value: "ada@old.com" },
      { value: "ada@new.com" },
    );
    await pair.settle();
    const atPos = await posGet(pair, posId);
    expect(atPos.contacts.map((c) => c.value)).toEqual(["ada@old.com", "ada@new.com"]);
    // the hub keeps what the user chose; the old POS value does not come back
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).contacts).toEqual([
      { kind: "email", value: "ada@new.com" },
    ]);
  });

  it("F1: a contact change made at the POS overwrites the hub's matching value", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      contacts: [{ type: "phone", value: "+1 212 555 0101" }],
    });
    const atPos = await posGet(pair, posId);
    await pair.posCall("PATCH", `/staff/customers/${posId}`, {
      contacts: [{ id: atPos.contacts[0]!.id, type: "phone", value: "+1 212 555 0199" }],
    });
    await pair.settle();
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).contacts).toEqual([
      { kind: "phone", value: "+1 212 555 0199" },
    ]);
    expect((await posGet(pair, posId)).contacts.map((c) => c.value)).toEqual(["+1 212 555 0199"]);
  });

  it("F2: mapped custom fields and preferences flow both ways; unmapped ones stay on their side", async () => {
    const pair = await startSyncedPair(await engine.open(), { fieldMap });
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      customFields: { ring_size: "6", internal_code: "X1" },
    });
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).preferences).toEqual({
      "Ring size": "6",
    });
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      preferences: { Birthstone: "Garnet", "Favourite colour": "Blue" },
    });
    await pair.settle();
    expect((await posGet(pair, posId)).customFields).toEqual({
      ring_size: "6",
      internal_code: "X1",
      birthstone: "Garnet",
    });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, {
      set: { customFields: { ring_size: "6.5" } },
    });
    await pair.settle();
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).preferences).toEqual({
      "Ring size": "6.5",
      Birthstone: "Garnet",
      "Favourite colour": "Blue",
    });
  });

  it("F3: acquisition goes to the POS only when the hub creates the POS customer; POS changes always come in", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromHub(pair, {
      firstName: "Grace",
      acquisition: "Instagram",
      contacts: [{ kind: "email", value: "grace@example.com" }],
    });
    expect((await posGet(pair, posId)).acquisition).toBe("Instagram");
    await updateCustomer(pair.ctx, pair.admin, clientId, { acquisition: "Referral" });
    await pair.settle();
    expect((await posGet(pair, posId)).acquisition).toBe("Instagram");
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { acquisition: "Walk-in" } });
    await pair.settle();
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).acquisition).toBe("Walk-in");
    expect(await listConflicts(pair.ctx, pair.admin)).toEqual([]);
  });

  it("F10: the POS's assigned associate is not mapped to the hub's assignment", async () => {
    const pair = await startSyncedPair(await engine.open());
    // even with a hub user mapped to that POS associate (number 3 is a_3 at the reference POS)
    const { user } = await createUser(pair.ctx, pair.admin, {
      name: "Rosa",
      email: "rosa@t.local",
      role: "associate",
    });
    await setUserAssociate(pair.ctx, pair.admin, pair.integrationId, user.id, "3");
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      assignedAssociateId: "a_3",
    });
    expect((await posGet(pair, posId)) as unknown).toMatchObject({ assignedAssociateId: "a_3" });
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).assignedUserId).toBeNull();
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "Lovelace" } });
    await pair.settle();
    const history = await customerHistory(pair.ctx, pair.admin, clientId);
    expect(history.some((h) => /associate/i.test(h.field))).toBe(false);
  });

  it("F11: a hub edit is written to the POS once and its echo is neither applied nor sent back", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromHub(pair, {
      firstName: "Grace",
      contacts: [{ kind: "email", value: "g@example.com" }],
    });
    const before = (await posGet(pair, posId)).version;
    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "Hopper" });
    await pair.settle();
    expect((await posGet(pair, posId)).version).toBe(before + 1);
    expect(await pair.settle()).toBe(0);
    const history = await customerHistory(pair.ctx, pair.admin, clientId);
    expect(history.filter((h) => h.field === "lastName")).toHaveLength(1);
  });

  it("F12: both sides changed a name: conflict, neither overwritten; one resolution updates both and is audited", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada", lastName: "Lovelace" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "King" });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "Byron" } });
    await pair.settle();
    expect((await posGet(pair, posId)).lastName).toBe("Byron");
    const customer = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(customer.lastName).toBe("King");
    expect(customer.sync[0]!.status).toBe("conflict");
    const conflicts = await listConflicts(pair.ctx, pair.admin);
    expect(conflicts.map((c) => [c.field, c.baseValue, c.hubValue, c.externalValue])).toEqual([
      ["lastName", "Lovelace", "King", "Byron"],
    ]);

    const comparison = await compareWithPartner(pair.ctx, pair.admin, clientId, pair.integrationId);
    expect(comparison.fields.find((f) => f.field === "lastName")).toMatchObject({
      hub: "King",
      external: "Byron",
      differs: true,
      conflict: true,
      rule: "F12",
    });

    const resolved = await resolveConflicts(pair.ctx, pair.admin, clientId, {
      integrationId: pair.integrationId,
      fields: { lastName: { take: "value", value: "King-Noel" } },
    });
    expect(resolved.lastName).toBe("King-Noel");
    await pair.settle();
    expect((await posGet(pair, posId)).lastName).toBe("King-Noel");
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).sync[0]!.status).toBe("synced");
    expect(await listConflicts(pair.ctx, pair.admin)).toEqual([]);
    const audit = (await customerHistory(pair.ctx, pair.admin, clientId)).filter(
      (h) => h.field === "lastName",
    );
    expect(audit.at(-1)).toMatchObject({
      oldValue: "King",
      newValue: "King-Noel",
      source: "hub",
      actor: `user:${pair.admin.userId}`,
    });
  });

  it("R11.3: a typed value passes the checks an edit of the field makes; one refused is a 400 naming the field and changes nothing", async () => {
    const pair = await startSyncedPair(await engine.open(), { fieldMap });
    const api = hubApi(pair);
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      lastName: "Lovelace",
      customFields: { ring_size: "6" },
    });
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      lastName: "King",
      preferences: { "Ring size": "7" },
    });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, {
      set: { lastName: "Byron", customFields: { ring_size: "8" } },
    });
    await pair.settle();
    const open = async () => (await listConflicts(pair.ctx, pair.admin)).map((c) => c.field).sort();
    expect(await open()).toEqual(["lastName", "pref.Ring size"]);
    const long = "L".repeat(300);
    // the edit refuses it
    const edit = await api("PATCH", `/v1/customers/${clientId}`, { lastName: long });
    expect(edit.status).toBe(400);
    // and so does a resolution that types it, with the other field's resolution in the same submit
    const resolve = await api("POST", `/v1/customers/${clientId}/resolve`, {
      integrationId: pair.integrationId,
      fields: {
        "pref.Ring size": { take: "external" },
        lastName: { take: "value", value: long },
      },
    });
    expect(resolve.status).toBe(400);
    expect(JSON.stringify(resolve.body)).toMatch(/fields\.lastName\.value: .*200/);
    await pair.settle();
    const customer = await getCustomer(pair.ctx, pair.admin, clientId);
    expect([customer.lastName, customer.preferences["Ring size"]]).toEqual(["King", "7"]);
    expect(await open()).toEqual(["lastName", "pref.Ring size"]);
    expect((await posGet(pair, posId)).lastName).toBe("Byron");
    // a value an edit takes is taken
    const fine = await api("POST", `/v1/customers/${clientId}/resolve`, {
      integrationId: pair.integrationId,
      fields: { lastName: { take: "value", value: "L".repeat(200) } },
    });
    expect(fine.status).toBe(200);
    await pair.settle();
    expect((await posGet(pair, posId)).lastName).toBe("L".repeat(200));
  });

  it("F12: taking the external value settles the conflict without writing to the POS", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { firstName: "Adah" });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { firstName: "Augusta" } });
    await pair.settle();
    const version = (await posGet(pair, posId)).version;
    await resolveConflicts(pair.ctx, pair.admin, clientId, {
      integrationId: pair.integrationId,
      fields: { firstName: { take: "external" } },
    });
    await pair.settle();
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).firstName).toBe("Augusta");
    expect((await posGet(pair, posId)).version).toBe(version);
    await expect(
      resolveConflicts(pair.ctx, pair.admin, clientId, {
        integrationId: pair.integrationId,
        fields: { firstName: { take: "hub" } },
      }),
    ).rejects.toThrow(/no open conflict/);
    expect((await posCustomers(pair)).length).toBe(1);
  });

  it("S12: compare shows whether a partner exists and its fields beside the hub's, fetched fresh, differences marked", async () => {
    const pair = await startSyncedPair(await engine.open(), { pushNewCustomers: false });
    const alone = await createCustomer(pair.ctx, pair.admin, { firstName: "Solo" });
    await pair.settle();
    expect(
      await compareWithPartner(pair.ctx, pair.admin, alone.id, pair.integrationId),
    ).toMatchObject({ partner: false, status: "unlinked", fields: [] });

    const { clientId, posId } = await fromPos(pair, {
      firstName: "Grace",
      lastName: "Hopper",
      contacts: [{ type: "email", value: "grace@example.com" }],
    });
    // changed at the POS, not yet polled: compare still shows it, because it asks the POS
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "Murray" } });
    const comparison = await compareWithPartner(pair.ctx, pair.admin, clientId, pair.integrationId);
    expect(comparison).toMatchObject({ partner: true, status: "synced", externalId: posId });
    const row = (field: string) => comparison.fields.find((f) => f.field === field);
    expect(row("lastName")).toMatchObject({ hub: "Hopper", external: "Murray", differs: true });
    expect(row("firstName")).toMatchObject({ hub: "Grace", external: "Grace", differs: false });
    expect(row("contact.email.grace@example.com")).toMatchObject({ differs: false, rule: "F1" });
  });
  it("F9: changes the hub sends are attributed to the user's POS associate, or to the default associate", async () => {
    const pair = await startSyncedPair(await engine.open(), { defaultAssociateNumber: "9" });
    const { user } = await createUser(pair.ctx, pair.admin, {
      name: "Rosa",
      email: "rosa@test.local",
      role: "associate",
    });
    await setUserAssociate(pair.ctx, pair.admin, pair.integrationId, user.id, "3");
    const rosa = { userId: user.id, storeId: pair.admin.storeId, role: "associate" as const };
    const created = await createCustomer(pair.ctx, rosa, {
      firstName: "Ada",
      contacts: [{ kind: "email", value: "a@x.io" }],
    });
    await pair.settle();
    await updateCustomer(pair.ctx, pair.admin, created.id, { lastName: "Lovelace" });
    await pair.settle();
    const posId = (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!;
    const history = await pair.posCall<{
      changes: Array<{ associateNumber: string | null; via: string }>;
    }>("GET", `/staff/customers/${posId}/history`);
    expect(history.body.changes.map((c) => [c.via, c.associateNumber])).toEqual([
      ["integration", "3"],
      ["integration", "9"],
    ]);
  });
});

describe.each(engines)("S11 sync sections, on $name", (engine) => {
  it("S11: a customer's status per integration moves unlinked -> synced -> conflict -> synced, and error when a write fails for good; R8.4: a retry of its dead job whose sync fails leaves the job dead", async () => {
    const pair = await startSyncedPair(await engine.open());
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Ada",
      contacts: [{ kind: "email", value: "s11@x.io" }],
    });
    expect(created.sync[0]!.status).toBe("unlinked");
    await pair.settle();
    const status = async () => (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!;
    expect((await status()).status).toBe("synced");
    const posId = (await status()).externalId!;

    await updateCustomer(pair.ctx, pair.admin, created.id, { lastName: "King" });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "Byron" } });
    await pair.settle();
    expect((await status()).status).toBe("conflict");
    await resolveConflicts(pair.ctx, pair.admin, created.id, {
      integrationId: pair.integrationId,
      fields: { lastName: { take: "hub" } },
    });
    await pair.settle();
    expect((await status()).status).toBe("synced");

    // the POS refuses every write: after its retries the job is dead and the customer is in error
    await pair.posCall("POST", "/staff/faults", { failNextRequests: 1000, status: 500 });
    await updateCustomer(pair.ctx, pair.admin, created.id, { firstName: "Augusta" });
    for (let attempt = 0; attempt < 12; attempt++) {
      pair.clock.advance(1_000_000); // past any backoff
      await applyDueJobs(pair.applyOptions, 8);
    }
    const failed = await status();
    expect(failed.status).toBe("error");
    expect(failed.lastError).toMatch(/500/);
    const [job] = await pair.ctx.db.query<{ id: number; state: string }>(
      "select id, state from jobs where kind = 'external.update' order by id desc limit 1",
    );
    expect(job!.state).toBe("dead");

    // the POS is back; a user retries: the customer is synced again with what the hub holds now
    await pair.posCall("POST", "/staff/faults", { failNextRequests: 0, status: 500 });
    expect((await storeJobs(pair.ctx, pair.admin, "dead")).map((j) => j.id)).toEqual([job!.id]);
    // R8.4: closing the dead job and the sync it asks for are one transaction: a sync that fails
    // (here the database refuses its inbox event) leaves the job dead, for another retry
    await pair.ctx.db.exec(`
      create function refuse_sync() returns trigger language plpgsql as $$
        begin raise exception 'sync refused by the test'; end $$;
      create trigger refuse_sync before insert on change_events
        for each row when (new.kind = 'client.sync') execute function refuse_sync();`);
    await expect(retryDeadJob(pair.ctx, pair.admin, job!.id)).rejects.toThrow(/sync refused/);
    await pair.ctx.db.exec("drop trigger refuse_sync on change_events");
    expect((await storeJobs(pair.ctx, pair.admin, "dead")).map((j) => j.id)).toEqual([job!.id]);
    await retryDeadJob(pair.ctx, pair.admin, job!.id);
    await pair.settle();
    expect((await status()).status).toBe("synced");
    expect((await posGet(pair, posId)).firstName).toBe("Augusta");
    expect(await storeJobs(pair.ctx, pair.admin, "dead")).toEqual([]);
  });

  it("F11: a hub edit made after the partner was created, before its change event is merged, loses nothing", async () => {
    const pair = await startSyncedPair(await engine.open());
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Grace",
      lastName: "Hopper",
      contacts: [{ kind: "email", value: "grace@navy.example" }],
    });
    await applyDueJobs(pair.applyOptions, 8); // the partner is created; the engine has not run yet
    const edited = await updateCustomer(pair.ctx, pair.admin, created.id, {
      addNotes: ["Prefers email"],
    });
    expect(edited).toMatchObject({
      firstName: "Grace",
      lastName: "Hopper",
      contacts: [{ value: "grace@navy.example" }],
    });
    await pair.settle();
    const history = await customerHistory(pair.ctx, pair.admin, created.id);
    expect(history.filter((h) => h.source === "pos")).toEqual([]);
    expect(await listConflicts(pair.ctx, pair.admin)).toEqual([]);
  });

  /**
   * The hub renames Lovelace to King; the worker writes "King" to the POS and dies before
   * recording the answer; meanwhile the user corrects the name to King-Noel.
   */
  async function lostAnswerThenNewerEdit() {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada", lastName: "Lovelace" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "King" });
    await applyDueJobs(
      { ...pair.applyOptions, resolveConnector: crashAfter(pair, "updateCustomer") },
      8,
    );
    expect((await posGet(pair, posId)).lastName).toBe("King");
    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "King-Noel" });
    return { pair, clientId, posId };
  }

  it("F11: a write whose answer was lost, then a newer hub edit: the POS's copy of the first is the hub's own, not a conflict", async () => {
    const { pair, clientId, posId } = await lostAnswerThenNewerEdit();
    // then the POS's change feed shows "King"
    await pair.settle();
    expect(await listConflicts(pair.ctx, pair.admin)).toEqual([]);
    expect((await posGet(pair, posId)).lastName).toBe("King-Noel");
    const customer = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(customer.lastName).toBe("King-Noel");
    expect(customer.sync[0]!.status).toBe("synced");
  });

  it("F12: a POS edit to a value the hub never sent is still a conflict, even with a lost answer pending", async () => {
    const { pair, clientId, posId } = await lostAnswerThenNewerEdit();
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "Byron" } });
    await pair.settle();
    expect((await posGet(pair, posId)).lastName).toBe("Byron");
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).lastName).toBe("King-Noel");
    expect((await listConflicts(pair.ctx, pair.admin)).map((c) => c.field)).toEqual(["lastName"]);
  });

  it("S2: a crash after the POS created the partner does not duplicate the customer when its webhook comes first", async () => {
    const pair = await startSyncedPair(await engine.open());
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Nomail",
      lastName: "Person",
    });
    // the worker creates the POS customer and dies before recording it
    await applyDueJobs(
      { ...pair.applyOptions, resolveConnector: crashAfter(pair, "createCustomer") },
      8,
    );
    await pair.settle(); // the poll brings the new POS customer first; then the job is retried
    const [{ n }] = (await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    )) as [{ n: number }];
    expect(n).toBe(1);
    expect((await posCustomers(pair)).length).toBe(1);
    expect((await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]).toMatchObject({
      status: "synced",
    });
  });
});
