import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { createUser } from "../../src/services/users.ts";
import { engines } from "../setup/database.ts";
import { createTestHub, type TestHub } from "../setup/hub.ts";

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  headers: Headers;
}

function client(hub: TestHub) {
  const app = createApp(hub.ctx);
  return async (
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const response = await app.request(`http://hub.test${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === "" ? {} : (JSON.parse(text) as Answer["body"]),
      headers: response.headers,
    };
  };
}

const goodPassword = "correct horse battery";

/** A user invited by the admin who set their password: their email and first session token. */
async function invitedUser(hub: TestHub, call: ReturnType<typeof client>, name: string) {
  const { user } = await createUser(hub.ctx, hub.admin, {
    name,
    email: `${name.toLowerCase()}@signin.test`,
    role: "associate",
  });
  const invited = await call("POST", `/v1/users/${user.id}/invitation`, { token: hub.token });
  expect(invited.status).toBe(201);
  const token = (invited.body["invitation"] as { token: string }).token;
  const accepted = await call("POST", "/auth/invitations/acceptance", {
    body: { token, password: goodPassword },
  });
  expect(accepted.status).toBe(201);
  return {
    id: user.id,
    email: user.email,
    invitation: token,
    session: accepted.body["token"] as string,
  };
}

describe.each(engines)("signing in, on $name", (engine) => {
  it("issue 10: an invited user sets a password (12 characters at least) and is signed in; the invitation works once; the password is stored as an argon2id hash", async () => {
    const hub = await createTestHub(await engine.open());
    const call = client(hub);
    const { user } = await createUser(hub.ctx, hub.admin, {
      name: "Ann",
      email: "ann@signin.test",
      role: "associate",
    });
    const invited = await call("POST", `/v1/users/${user.id}/invitation`, { token: hub.token });
    const token = (invited.body["invitation"] as { token: string }).token;
    const short = await call("POST", "/auth/invitations/acceptance", {
      body: { token, password: "short" },
    });
    expect(short.status).toBe(400);
    expect(short.body.error!.message).toMatch(/password.*at least 12 characters/);

    const accepted = await call("POST", "/auth/invitations/acceptance", {
      body: { token, password: goodPassword },
    });
    expect(accepted.status).toBe(201);
    const cookie = accepted.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^tandem_session=tds_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await call("GET", "/v1/me", { token: accepted.body["token"] as string });
    expect(me.body).toMatchObject({ id: user.id, role: "associate" });

    const again = await call("POST", "/auth/invitations/acceptance", {
      body: { token, password: "another long password" },
    });
    expect(again.status).toBe(401);
    const [row] = await hub.ctx.db.query<{ password_hash: string }>(
      "select password_hash from users where id = $1",
      [user.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(goodPassword);
  });

  it("issue 10: a wrong password, an unknown email and a deactivated user get the same 401; deactivation and sign-out end sessions; a session ends after 12 hours", async () => {
    const hub = await createTestHub(await engine.open());
    const call = client(hub);
    const ann = await invitedUser(hub, call, "Ann");
    const signIn = (email: string, password: string) =>
      call("POST", "/auth/sessions", { body: { email, password } });

    const ok = await signIn(ann.email.toUpperCase(), goodPassword);
    expect(ok.status).toBe(201);
    const session = ok.body["token"] as string;
    const wrong = await signIn(ann.email, "not the password at all");
    const unknown = await signIn("nobody@signin.test", goodPassword);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error!.message).toBe(unknown.body.error!.message);

    const out = await call("DELETE", "/v1/sessions/current", { token: ann.session });
    expect(out.status).toBe(204);
    expect((await call("GET", "/v1/me", { token: ann.session })).status).toBe(401);
    expect((await call("GET", "/v1/me", { token: session })).status).toBe(200);

    hub.clock.advance(12 * 3_600_000 + 1);
    expect((await call("GET", "/v1/me", { token: session })).status).toBe(401);

    // a user deactivated by any path (here straight in the store) has no working session
    const other = (await signIn(ann.email, goodPassword)).body["token"] as string;
    await hub.ctx.db.query("update users set deactivated_at = now() where id = $1", [ann.id]);
    expect((await call("GET", "/v1/me", { token: other })).status).toBe(401);
    await hub.ctx.db.query("update users set deactivated_at = null where id = $1", [ann.id]);

    const fresh = (await signIn(ann.email, goodPassword)).body["token"] as string;
    expect(
      (await call("POST", `/v1/users/${ann.id}/deactivate`, { token: hub.token })).status,
    ).toBe(200);
    expect((await call("GET", "/v1/me", { token: fresh })).status).toBe(401);
    const deactivated = await signIn(ann.email, goodPassword);
    expect(deactivated.status).toBe(401);
    expect(deactivated.body.error!.message).toBe(unknown.body.error!.message);
  });

  it("issue 10: after 5 failed sign-ins for an email within 15 minutes even the right password waits (429, Retry-After); another email does not; 15 minutes later it works", async () => {
    const hub = await createTestHub(await engine.open());
    const call = client(hub);
    const ann = await invitedUser(hub, call, "Ann");
    const bob = await invitedUser(hub, call, "Bob");
    const signIn = (email: string, password: string) =>
      call("POST", "/auth/sessions", { body: { email, password } });
    for (let i = 0; i < 5; i++) {
      expect((await signIn(ann.email, `wrong password ${i}`)).status).toBe(401);
      hub.clock.advance(60_000);
    }
    const held = await signIn(ann.email, goodPassword);
    expect(held.status).toBe(429);
    expect(held.body.error!.message).toMatch(/too many failed sign-ins; try again in 10 minutes/);
    expect(held.headers.get("retry-after")).toBe("600");
    expect((await signIn(bob.email, goodPassword)).status).toBe(201);
    hub.clock.advance(10 * 60_000);
    expect((await signIn(ann.email, goodPassword)).status).toBe(201);
  });

  it("issue 10: an admin changes a role and it holds at the user's next request; the last admin keeps theirs; a bad body changes nothing", async () => {
    const hub = await createTestHub(await engine.open());
    const call = client(hub);
    const ann = await invitedUser(hub, call, "Ann");
    expect((await call("GET", "/v1/users", { token: ann.session })).status).toBe(403);
    const changed = await call("PATCH", `/v1/users/${ann.id}`, {
      token: hub.token,
      body: { role: "manager" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body["role"]).toBe("manager");
    expect((await call("GET", "/v1/users", { token: ann.session })).status).toBe(200);

    const last = await call("PATCH", `/v1/users/${hub.admin.userId}`, {
      token: hub.token,
      body: { role: "associate" },
    });
    expect(last.status).toBe(409);
    for (const body of [{ role: "owner" }, { role: "admin", name: "x" }, {}]) {
      const bad = await call("PATCH", `/v1/users/${ann.id}`, { token: hub.token, body });
      expect(bad.status).toBe(400);
    }
    expect((await call("GET", "/v1/me", { token: ann.session })).body["role"]).toBe("manager");
  });

  it("issue 10: the session cookie signs a browser's requests in; a change it carries from another site's page is refused (403) and changes nothing", async () => {
    const hub = await createTestHub(await engine.open());
    const call = client(hub);
    const ann = await invitedUser(hub, call, "Ann");
    const cookie = { cookie: `tandem_session=${ann.session}` };
    expect((await call("GET", "/v1/me", { headers: cookie })).status).toBe(200);
    const foreign = await call("POST", "/v1/customers", {
      body: { firstName: "Forged" },
      headers: { ...cookie, origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const own = await call("POST", "/v1/customers", {
      body: { firstName: "Real" },
      headers: { ...cookie, origin: "http://hub.test" },
    });
    expect(own.status).toBe(201);
    const [{ n }] = (await hub.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients where first_name = 'Forged'",
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});
