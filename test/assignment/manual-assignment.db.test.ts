import { describe, expect, it } from "vitest";
import { createUser } from "../../src/services/users.ts";
import type { Role } from "../../src/store/users-table.ts";
import { engines } from "../setup/database.ts";
import { createTestHub, type TestHub } from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";

interface Customer {
  id: number;
  assignedUserId: number | null;
}
interface HistoryEntry {
  field: string;
  oldValue: unknown;
  newValue: unknown;
  actor: string;
  reason: string | null;
}

async function store(hub: TestHub) {
  const add = async (role: Role, name: string) => {
    const { user, token } = await createUser(hub.ctx, hub.admin, {
      name,
      email: `${name.toLowerCase()}@assign.test`,
      role,
    });
    return { id: user.id, api: hubApi(hub, token) };
  };
  const ann = await add("associate", "Ann");
  const bob = await add("associate", "Bob");
  const mia = await add("manager", "Mia");
  const admin = { id: hub.admin.userId!, api: hubApi(hub) };
  // customers created by the admin are the admin's (A2); make them Unassigned to start
  const customer = async () => {
    const made = await admin.api<Customer>("POST", "/v1/customers", { firstName: "Cleo" });
    await admin.api("PUT", `/v1/customers/${made.body.id}/assignment`, { userId: null });
    return made.body.id;
  };
  const assigned = async (id: number) =>
    (await admin.api<Customer>("GET", `/v1/customers/${id}`)).body.assignedUserId;
  const history = async (id: number) =>
    (
      await admin.api<{ entries: HistoryEntry[] }>(
        "GET",
        `/v1/customers/${id}/history?field=assignedUserId`,
      )
    ).body.entries;
  return { ann, bob, mia, admin, customer, assigned, history };
}

describe.each(engines)("assignment by hand, on $name", (engine) => {
  it("A2: a customer created in the hub is assigned to its creator, and the history says so", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await store(hub);
    const made = await s.ann.api<Customer>("POST", "/v1/customers", { firstName: "Dora" });
    expect(made.body.assignedUserId).toBe(s.ann.id);
    expect(await s.history(made.body.id)).toMatchObject([
      {
        oldValue: null,
        newValue: s.ann.id,
        actor: `user:${s.ann.id}`,
        reason: "A2: created by this user",
      },
    ]);
  });

  it("A1, A7, A8: an associate takes an Unassigned customer and lets go of their own; another's customer, or assigning someone else, is refused (403) and changes nothing", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await store(hub);
    const id = await s.customer();

    const taken = await s.ann.api<Customer>("PUT", `/v1/customers/${id}/assignment`, {
      userId: s.ann.id,
    });
    expect(taken.status).toBe(200);
    expect(taken.body.assignedUserId).toBe(s.ann.id);

    // Bob may not take Ann's customer, nor unassign her, nor give it to himself
    for (const userId of [s.bob.id, null]) {
      const refused = await s.bob.api<{ error: { message: string } }>(
        "PUT",
        `/v1/customers/${id}/assignment`,
        { userId },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/assigned to another user.*A7/);
    }
    expect(await s.assigned(id)).toBe(s.ann.id);

    // an associate assigns nobody else, even to an Unassigned customer
    const other = await s.customer();
    const handedOn = await s.ann.api("PUT", `/v1/customers/${other}/assignment`, {
      userId: s.bob.id,
    });
    expect(handedOn.status).toBe(403);
    expect(await s.assigned(other)).toBeNull();

    const released = await s.ann.api<Customer>("PUT", `/v1/customers/${id}/assignment`, {
      userId: null,
    });
    expect(released.status).toBe(200);
    expect(released.body.assignedUserId).toBeNull();

    expect((await s.history(id)).slice(-2)).toMatchObject([
      { oldValue: null, newValue: s.ann.id, actor: `user:${s.ann.id}`, reason: "A8: set by hand" },
      { oldValue: s.ann.id, newValue: null, actor: `user:${s.ann.id}`, reason: "A8: set by hand" },
    ]);
  });

  it("A7: a manager assigns any customer to anyone, takes it, and unassigns anyone; a deactivated or unknown user is refused", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await store(hub);
    const id = await s.customer();
    for (const userId of [s.ann.id, s.bob.id, s.mia.id, null]) {
      const set = await s.mia.api<Customer>("PUT", `/v1/customers/${id}/assignment`, { userId });
      expect(set.status).toBe(200);
      expect(set.body.assignedUserId).toBe(userId);
    }
    expect((await s.admin.api("POST", `/v1/users/${s.bob.id}/deactivate`)).status).toBe(200);
    const toDeactivated = await s.mia.api<{ error: { message: string } }>(
      "PUT",
      `/v1/customers/${id}/assignment`,
      { userId: s.bob.id },
    );
    expect(toDeactivated.status).toBe(409);
    expect(toDeactivated.body.error.message).toMatch(/deactivated/);
    const toNobody = await s.mia.api("PUT", `/v1/customers/${id}/assignment`, { userId: 999_999 });
    expect(toNobody.status).toBe(404);
    expect(await s.assigned(id)).toBeNull();
  });

  it("A7: an assignment changed since the associate's permission was checked is refused (409), not overwritten", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await store(hub);
    const id = await s.customer();
    // Bob's request was checked against "Unassigned", but Ann took the customer before it ran
    const { assignCustomer } = await import("../../src/services/assignment.ts");
    const { applyHubChange } = await import("../../src/services/customers.ts");
    const { assignClient } = await import("../../src/engine/entries.ts");
    await s.ann.api("PUT", `/v1/customers/${id}/assignment`, { userId: s.ann.id });
    const bob = { userId: s.bob.id, storeId: hub.admin.storeId, role: "associate" as const };
    await expect(
      applyHubChange(
        hub.ctx,
        bob,
        {
          kind: "client.assign",
          clientId: id,
          userId: s.bob.id,
          expected: null,
          reason: "A8: set by hand",
        },
        assignClient,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(assignCustomer(hub.ctx, bob, id, s.bob.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await s.assigned(id)).toBe(s.ann.id);
  });

  it("A3: a manager assigns many customers at once; each is assigned, unchanged or not found, each change audited; an associate may not (403)", async () => {
    const hub = await createTestHub(await engine.open());
    const s = await store(hub);
    const ids = [await s.customer(), await s.customer(), await s.customer()];
    await s.mia.api("PUT", `/v1/customers/${ids[0]}/assignment`, { userId: s.ann.id });

    const refused = await s.ann.api("POST", "/v1/assignments", {
      customerIds: ids,
      userId: s.ann.id,
    });
    expect(refused.status).toBe(403);
    // and the service itself refuses an associate (the CLI and the console call it too)
    const { assignCustomers } = await import("../../src/services/assignment.ts");
    const ann = { userId: s.ann.id, storeId: hub.admin.storeId, role: "associate" as const };
    await expect(
      assignCustomers(hub.ctx, ann, { customerIds: ids, userId: s.ann.id }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const bulk = await s.mia.api<Record<string, unknown>>("POST", "/v1/assignments", {
      customerIds: [...ids, 999_999],
      userId: s.ann.id,
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toEqual({
      userId: s.ann.id,
      assigned: [ids[1], ids[2]],
      unchanged: [ids[0]],
      notFound: [999_999],
    });
    for (const id of ids) expect(await s.assigned(id)).toBe(s.ann.id);
    expect((await s.history(ids[1]!)).at(-1)).toMatchObject({
      oldValue: null,
      newValue: s.ann.id,
      actor: `user:${s.mia.id}`,
      reason: "A3: assigned in bulk (4 customers)",
    });

    const unassign = await s.mia.api<Record<string, unknown>>("POST", "/v1/assignments", {
      customerIds: ids,
      userId: null,
    });
    expect(unassign.body["assigned"]).toEqual(ids);
    for (const id of ids) expect(await s.assigned(id)).toBeNull();

    const tooMany = await s.mia.api("POST", "/v1/assignments", {
      customerIds: Array.from({ length: 1001 }, (_, i) => i + 1),
      userId: null,
    });
    expect(tooMany.status).toBe(400);
    const unknownField = await s.mia.api("POST", "/v1/assignments", {
      customerIds: ids,
      userId: null,
      force: true,
    });
    expect(unknownField.status).toBe(400);
  });
});
