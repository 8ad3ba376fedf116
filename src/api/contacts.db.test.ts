import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { fromPos, posGet } from "../../test/setup/pos-helpers.ts";
import { startRoleFixture } from "../../test/setup/role-fixture.ts";
import { customerHistory, getCustomer } from "../services/customers.ts";

const address = "Flat 2/3, 1 High St., Springfield";

/** A customer with an email, a phone and an address, synced with the POS, and a way to edit it. */
async function customerWithContacts(open: () => ReturnType<(typeof engines)[number]["open"]>) {
  const f = await startRoleFixture(await open());
  const { clientId, posId } = await fromPos(f.pair, {
    firstName: "Cora",
    contacts: [
      { type: "email", value: "cora@contacts.test" },
      { type: "phone", value: "+1 646 555 0199" },
      { type: "address", value: address },
    ],
  });
  const contacts = async () =>
    (await getCustomer(f.pair.ctx, f.pair.admin, clientId)).contacts.map((c) => c.value);
  const atPos = async () => (await posGet(f.pair, posId)).contacts.map((c) => c.value);
  const path = (kind: string, value: string) =>
    `/v1/customers/${clientId}/contacts/${kind}/${encodeURIComponent(value)}`;
  return { f, clientId, posId, contacts, atPos, path, admin: f.users.admin };
}

describe.each(engines)("R7.15 contacts one at a time, on $name", (engine) => {
  it("R7.15: changing one email leaves the phone and the address alone, in the hub and at the POS (F1: the POS keeps the old email)", async () => {
    const { f, clientId, contacts, atPos, path, admin } = await customerWithContacts(engine.open);
    const changed = await f.call(admin, "PATCH", path("email", "CORA@contacts.test"), {
      value: "cora@new.test",
    });
    expect(changed.status).toBe(200);
    expect(await contacts()).toEqual(["+1 646 555 0199", address, "cora@new.test"]);
    await f.pair.settle();
    expect(await contacts()).toEqual(["+1 646 555 0199", address, "cora@new.test"]);
    expect(await atPos()).toEqual([
      "cora@contacts.test",
      "+1 646 555 0199",
      address,
      "cora@new.test",
    ]);
    const history = await customerHistory(f.pair.ctx, f.pair.admin, clientId, "contact");
    expect(
      history
        .filter((h) => h.source === "hub")
        .map((h) => [h.field, h.oldValue, h.newValue, h.actor]),
    ).toEqual([
      [
        "contact.email.cora@contacts.test",
        "cora@contacts.test",
        null,
        `user:${admin.actor.userId}`,
      ],
      ["contact.email.cora@new.test", null, "cora@new.test", `user:${admin.actor.userId}`],
    ]);
  });

  it("R7.15: a customer edit that names contacts is refused, says what to use instead, and changes nothing", async () => {
    const { f, clientId, contacts, admin } = await customerWithContacts(engine.open);
    const before = await f.dump();
    const refused = await f.call(admin, "PATCH", `/v1/customers/${clientId}`, {
      lastName: "Lost",
      contacts: [{ kind: "email", value: "cora@contacts.test" }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: "invalid", message: expect.stringMatching(/contacts.*PUT \/v1\/customers/) },
    });
    expect(await f.dump()).toBe(before);
    expect(await contacts()).toHaveLength(3);
  });

  it("R7.15: one contact added and one removed, the others untouched; the POS gets the new one and keeps the removed one (F1)", async () => {
    const { f, clientId, contacts, atPos, path, admin } = await customerWithContacts(engine.open);
    const added = await f.call(admin, "POST", `/v1/customers/${clientId}/contacts`, {
      kind: "phone",
      value: "+1 212 555 0100",
    });
    expect(added.status).toBe(201);
    // an address with a slash in it, named in the path percent-encoded, matched normalised
    const removed = await f.call(
      admin,
      "DELETE",
      path("address", "flat 2/3 1 high st springfield"),
    );
    expect(removed.status).toBe(200);
    await f.pair.settle();
    expect(await contacts()).toEqual(["cora@contacts.test", "+1 646 555 0199", "+1 212 555 0100"]);
    expect(await atPos()).toEqual([
      "cora@contacts.test",
      "+1 646 555 0199",
      address,
      "+1 212 555 0100",
    ]);
  });

  it("R7.15: replacing the whole list is explicit (PUT); duplicates, unknown contacts and existing ones are told apart", async () => {
    const { f, clientId, contacts, path, admin } = await customerWithContacts(engine.open);
    const before = await f.dump();
    const duplicate = await f.call(admin, "PUT", `/v1/customers/${clientId}/contacts`, {
      contacts: [
        { kind: "email", value: "a@contacts.test" },
        { kind: "email", value: " A@Contacts.TEST" },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ error: { message: /^contacts\.1: the same email/ } });
    const unknown = await f.call(admin, "DELETE", path("email", "nobody@contacts.test"));
    expect(unknown.status).toBe(404);
    const twice = await f.call(admin, "POST", `/v1/customers/${clientId}/contacts`, {
      kind: "email",
      value: "Cora@Contacts.test",
    });
    expect(twice.status).toBe(409);
    const badValue = await f.call(admin, "PATCH", path("email", "cora@contacts.test"), {
      value: "cora@",
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body).toMatchObject({ error: { message: /^value: 'cora@' is not an email/ } });
    expect(await f.dump()).toBe(before);

    const replaced = await f.call(admin, "PUT", `/v1/customers/${clientId}/contacts`, {
      contacts: [{ kind: "email", value: "only@contacts.test" }],
    });
    expect(replaced.status).toBe(200);
    expect(await contacts()).toEqual(["only@contacts.test"]);
  });
});
