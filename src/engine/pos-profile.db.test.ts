import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { startSyncedPair, type SyncedPair } from "../../test/setup/synced-pair.ts";
import { compareWithPartner, listConflicts, resolveConflicts } from "../services/conflicts.ts";
import { setUserAssociate } from "../services/integrations.ts";
import { createUser } from "../services/users.ts";
import {
  createCustomer,
  customerHistory,
  getCustomer,
  updateCustomer,
} from "../services/customers.ts";

interface PosCustomer {
  id: string;
  version: number;
  firstName: string | null;
  lastName: string | null;
  acquisition: string | null;
  customFields: Record<string, string>;
  contacts: Array<{ id: string; type: string; value: string }>;
}

const fieldMap = { ring_size: "Ring size", birthstone: "Birthstone" };

async function posCustomers(pair: SyncedPair) {
  return (await pair.posCall<{ customers: PosCustomer[] }>("GET", "/staff/customers")).body
    .customers;
}

/** A customer created at the POS and synced into the hub; returns both ids. */
async function fromPos(pair: SyncedPair, body: Record<string, unknown>) {
  const { body: pos } = await pair.posCall<PosCustomer>("POST", "/staff/customers", body);
  await pair.settle();
  const [row] = await pair.ctx.db.query<{ client_id: number }>(
    "select client_id from links where external_id = $1",
    [pos.id],
  );
  return { posId: pos.id, clientId: row!.client_id };
}

/** A customer created in the hub and synced out to the POS. */
async function fromHub(pair: SyncedPair, body: Parameters<typeof createCustomer>[2]) {
  const customer = await createCustomer(pair.ctx, pair.admin, body);
  await pair.settle();
  const after = await getCustomer(pair.ctx, pair.admin, customer.id);
  return { clientId: customer.id, posId: after.sync[0]!.externalId! };
}

const posGet = async (pair: SyncedPair, id: string) =>
  (await pair.posCall<PosCustomer>("GET", `/api/v1/customers/${id}`)).body;

describe.each(engines)("the POS profile through the reference POS, on $name", (engine) => {
  it("F1: a hub email change leaves the old POS email in place and adds the new one", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      contacts: [{ type: "email", value: "ada@old.com" }],
    });
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      contacts: [{ kind: "email", value: "ada@new.com" }],
    });
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
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      assignedAssociateId: "a_3",
    });
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

describe.each(engines)("F5 notes through the reference POS, on $name", (engine) => {
  const posNotes = async (pair: SyncedPair, id: string) =>
    (
      await pair.posCall<PosCustomer & { notes: Array<{ id: string; body: string }> }>(
        "GET",
        `/api/v1/customers/${id}`,
      )
    ).body.notes;

  it("F5: POS notes become hub activity and hub notes become POS notes, edits included, both ways", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      notes: [{ body: "Likes rose gold" }],
    });
    let hub = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(hub.notes?.map((n) => n.body)).toEqual(["Likes rose gold"]);

    // hub -> POS: a new note, then an edit of the POS's own note
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      addNotes: ["Anniversary in May"],
      editNotes: { [hub.notes![0]!.id]: "Likes rose gold, size 6" },
    });
    await pair.settle();
    expect((await posNotes(pair, posId)).map((n) => n.body)).toEqual([
      "Likes rose gold, size 6",
      "Anniversary in May",
    ]);

    // POS -> hub: staff edit the note the hub wrote, and add one
    const [, fromHubNote] = await posNotes(pair, posId);
    await pair.posCall("PATCH", `/staff/customers/${posId}/notes/${fromHubNote!.id}`, {
      body: "Anniversary on May 3",
    });
    await pair.posCall("POST", `/staff/customers/${posId}/notes`, { body: "Called about repair" });
    await pair.settle();
    hub = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(hub.notes?.map((n) => n.body)).toEqual([
      "Likes rose gold, size 6",
      "Anniversary on May 3",
      "Called about repair",
    ]);
    expect(await posNotes(pair, posId)).toHaveLength(3);
    expect(await pair.settle()).toBe(0);
  });

  it("F5: notes written in the hub before the partner exists go out with it, once", async () => {
    const pair = await startSyncedPair(await engine.open(), { pushNewCustomers: false });
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Grace",
      contacts: [{ kind: "email", value: "g@x.io" }],
    });
    await updateCustomer(pair.ctx, pair.admin, created.id, { addNotes: ["Prefers email"] });
    await pair.ctx.db.query(
      "update integrations set options = options || '{\"pushNewCustomers\": true}'",
    );
    await updateCustomer(pair.ctx, pair.admin, created.id, { lastName: "Hopper" });
    await pair.settle();
    const posId = (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!;
    expect((await posNotes(pair, posId)).map((n) => n.body)).toEqual(["Prefers email"]);
    expect((await getCustomer(pair.ctx, pair.admin, created.id)).notes).toHaveLength(1);
  });

  it("F5: the same note edited differently on both sides is a conflict, not an overwrite", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      notes: [{ body: "Ring resize" }],
    });
    const hubNote = (await getCustomer(pair.ctx, pair.admin, clientId)).notes![0]!;
    const [posNote] = await posNotes(pair, posId);
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      editNotes: { [hubNote.id]: "Ring resize to 6" },
    });
    await pair.posCall("PATCH", `/staff/customers/${posId}/notes/${posNote!.id}`, {
      body: "Ring resize to 7",
    });
    await pair.settle();
    expect((await posNotes(pair, posId))[0]!.body).toBe("Ring resize to 7");
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).notes![0]!.body).toBe(
      "Ring resize to 6",
    );
    const conflicts = await listConflicts(pair.ctx, pair.admin);
    expect(conflicts.map((c) => [c.field, c.hubValue, c.externalValue])).toEqual([
      [`note.${posNote!.id}`, "Ring resize to 6", "Ring resize to 7"],
    ]);
  });
});
