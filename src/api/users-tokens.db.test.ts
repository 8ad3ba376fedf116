import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { startRoleFixture } from "../../test/setup/role-fixture.ts";
import type { Actor } from "../services/service-context.ts";
import { createUser, deactivateUser } from "../services/users.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe.each(engines)("R7.14 users and their tokens, on $name", (engine) => {
  it("R7.14: tokens are stored only as their SHA-256; no column holds a token", async () => {
    const f = await startRoleFixture(await engine.open());
    const issued = await f.call(f.users.admin, "POST", `/v1/users/${f.victimId}/token`);
    expect(issued.status).toBe(201);
    const token = issued.body["token"] as string;
    expect(token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    const rows = await f.pair.ctx.db.query<{ id: number; token_hash: string | null }>(
      "select * from users order by id",
    );
    expect(rows.find((r) => r.id === f.victimId)!.token_hash).toBe(sha256(token));
    for (const caller of [...Object.values(f.users).map((u) => u.token), token])
      expect(JSON.stringify(rows)).not.toContain(caller.slice("tdm_".length));
  });

  it("R7.14: a deactivated user's token stops working at once; their customers stay; activated, they need a new token", async () => {
    const f = await startRoleFixture(await engine.open());
    const sam = f.users.associate;
    const created = await f.call(sam, "POST", "/v1/customers", { firstName: "Kept" });
    expect(created.status).toBe(201);
    expect((await f.call(sam, "GET", "/v1/me")).status).toBe(200);

    const off = await f.call(f.users.admin, "POST", `/v1/users/${sam.actor.userId}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, tokenIssuedAt: null });
    const refused = await f.call(sam, "GET", "/v1/me");
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { message: /deactivated/ } });
    const kept = await f.call(f.users.admin, "GET", `/v1/customers/${created.body["id"]}`);
    expect(kept.body).toMatchObject({ firstName: "Kept", assignedUserId: sam.actor.userId });
    // no token for a deactivated user
    const early = await f.call(f.users.admin, "POST", `/v1/users/${sam.actor.userId}/token`);
    expect(early.status).toBe(409);

    expect(
      (await f.call(f.users.admin, "POST", `/v1/users/${sam.actor.userId}/activate`)).status,
    ).toBe(200);
    expect((await f.call(sam, "GET", "/v1/me")).status).toBe(401);
    const fresh = await f.call(f.users.admin, "POST", `/v1/users/${sam.actor.userId}/token`);
    expect((await f.call(fresh.body["token"] as string, "GET", "/v1/me")).body).toMatchObject({
      id: sam.actor.userId,
      active: true,
    });
  });

  it("R7.14: a user marked deactivated is refused whatever their row still holds (the token check reads the state, not only the hash)", async () => {
    const f = await startRoleFixture(await engine.open());
    // a deactivation written by hand, or by an older version that left the hash in place
    await f.pair.ctx.db.query("update users set deactivated_at = now() where id = $1", [
      f.users.manager.actor.userId,
    ]);
    expect((await f.call(f.users.manager, "GET", "/v1/me")).status).toBe(401);
  });

  it("R7.14: a re-issued token replaces the old one at once; a revoked token stops working", async () => {
    const f = await startRoleFixture(await engine.open());
    const mona = f.users.manager;
    const reissued = await f.call(f.users.admin, "POST", `/v1/users/${mona.actor.userId}/token`);
    expect(reissued.status).toBe(201);
    const token = reissued.body["token"] as string;
    expect((await f.call(mona, "GET", "/v1/me")).status).toBe(401);
    expect((await f.call(token, "GET", "/v1/me")).status).toBe(200);

    const revoked = await f.call(f.users.admin, "DELETE", `/v1/users/${mona.actor.userId}/token`);
    expect(revoked.body).toMatchObject({ active: true, tokenIssuedAt: null });
    expect((await f.call(token, "GET", "/v1/me")).status).toBe(401);
    const listed = await f.call(f.users.admin, "GET", "/v1/users");
    expect(listed.body["users"]).toContainEqual(
      expect.objectContaining({ id: mona.actor.userId, tokenIssuedAt: null }),
    );
  });

  it("R7.14: the last active admin can't be deactivated, also when two admins deactivate each other at once", async () => {
    const f = await startRoleFixture(await engine.open());
    const adminId = f.users.admin.actor.userId!;
    const last = await f.call(f.users.admin, "POST", `/v1/users/${adminId}/deactivate`);
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ error: { message: /last active admin/ } });
    expect((await f.call(f.users.admin, "GET", "/v1/me")).status).toBe(200);

    // Two admins deactivating each other at once, ten times over (a race is a matter of luck;
    // ten rounds make losing it without the lock on the admins all but certain): the first to
    // lock the admins wins, the second sees it would leave no active admin.
    let survivor = f.users.admin.actor;
    for (let round = 0; round < 10; round++) {
      const { user } = await createUser(f.pair.ctx, survivor, {
        name: `Admin ${round}`,
        email: `admin${round}@roles.test`,
        role: "admin",
      });
      const other: Actor = { userId: user.id, storeId: user.storeId, role: "admin" };
      const outcomes = await Promise.allSettled([
        deactivateUser(f.pair.ctx, survivor, other.userId!),
        deactivateUser(f.pair.ctx, other, survivor.userId!),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({
        reason: { code: "conflict" },
      });
      const active = await f.pair.ctx.db.query<{ id: number }>(
        "select id from users where role = 'admin' and deactivated_at is null",
      );
      expect(active).toHaveLength(1);
      survivor = active[0]!.id === other.userId ? other : survivor;
    }
  });
});
