import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { startRoleFixture, type RoleFixture } from "../../test/setup/role-fixture.ts";

/** Every call that changes a customer, on the fixture's customer (conflict, contacts, an item). */
function changes(f: RoleFixture): Array<[string, string, unknown?]> {
  const id = f.customerId;
  return [
    ["PATCH", `/v1/customers/${id}`, { firstName: "Taken" }],
    ["POST", `/v1/customers/${id}/contacts`, { kind: "email", value: "added@roles.test" }],
    [
      "PATCH",
      `/v1/customers/${id}/contacts/email/${encodeURIComponent("una@roles.test")}`,
      { value: "taken@roles.test" },
    ],
    ["DELETE", `/v1/customers/${id}/contacts/phone/${encodeURIComponent("+1 212 555 0142")}`],
    ["PUT", `/v1/customers/${id}/contacts`, { contacts: [] }],
    [
      "POST",
      `/v1/customers/${id}/resolve`,
      {
        integrationId: f.pair.integrationId,
        fields: { lastName: { take: "value", value: "Mine" } },
      },
    ],
    ["POST", `/v1/customers/${id}/messages`, { channel: "text", body: "Hi" }],
    ["POST", `/v1/customers/${id}/collections/Holiday%20ideas/items`, { description: "Pearls" }],
    ["DELETE", `/v1/customers/${id}/collections/Holiday%20ideas/items/${f.itemId}`],
    ["POST", `/v1/integrations/${f.pair.integrationId}/sync`, { customerIds: [id] }],
  ];
}

const assignTo = (f: RoleFixture, userId: number | null) =>
  f.pair.ctx.db.query("update clients set assigned_user_id = $2 where id = $1", [
    f.customerId,
    userId,
  ]);

describe.each(engines)("R7.12 A7: whose customers an associate may change, on $name", (engine) => {
  it("R7.12: an associate can't change, resolve or sync another user's customer: 403 and nothing changes on either system", async () => {
    const f = await startRoleFixture(await engine.open());
    await assignTo(f, f.users.manager.actor.userId);
    for (const [method, path, body] of changes(f)) {
      const before = await f.dump();
      const answer = await f.call(f.users.associate, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 403]);
      expect(answer.body).toMatchObject({ error: { message: /assigned to another user.*A7/ } });
      expect(await f.dump(), `${method} ${path} changed data`).toBe(before);
    }
  });

  it("R7.12: an associate changes their own customers; a manager changes anyone's", async () => {
    for (const role of ["associate", "manager"] as const) {
      const f = await startRoleFixture(await engine.open());
      await assignTo(f, f.users.associate.actor.userId);
      for (const [method, path, body] of changes(f)) {
        const answer = await f.call(f.users[role], method, path, body);
        expect([role, method, path, answer.status]).toEqual([
          role,
          method,
          path,
          method === "POST" && !path.endsWith("/resolve") && !path.endsWith("/sync") ? 201 : 200,
        ]);
      }
    }
  });

  it("R7.12: enabling sync for a whole filtered list is for managers and admins; an associate's try queues nothing", async () => {
    const f = await startRoleFixture(await engine.open());
    const bulk = { filter: { q: "roles.test" } };
    const sync = `/v1/integrations/${f.pair.integrationId}/sync`;
    const before = await f.dump();
    const refused = await f.call(f.users.associate, "POST", sync, bulk);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { message: /whole filtered list/ } });
    expect(await f.dump()).toBe(before);
    const queued = await f.call(f.users.manager, "POST", sync, bulk);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ synced: 0, queued: 2 });
  });
});
