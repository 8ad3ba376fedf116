import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { createUser } from "../services/users.ts";
import { createApp } from "./app.ts";

async function appWithHub(open: () => ReturnType<(typeof engines)[number]["open"]>) {
  const db = await open();
  const hub = await createTestHub(db);
  const app = createApp(hub.ctx);
  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { db, hub, call };
}

describe.each(engines)("HTTP API on $name", (engine) => {
  it("serves an OpenAPI 3.1 document in which every operation has an operationId", async () => {
    const { call } = await appWithHub(engine.open);
    const { status, body } = await call("GET", "/openapi.json", undefined);
    expect(status).toBe(200);
    expect(body["openapi"]).toBe("3.1.0");
    const operations = Object.values(
      body["paths"] as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(8);
    for (const op of operations) expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it("refuses a missing or wrong token", async () => {
    const { call } = await appWithHub(engine.open);
    expect((await call("GET", "/v1/customers", undefined)).status).toBe(401);
    expect((await call("GET", "/v1/customers", "tdm_nope")).status).toBe(401);
  });

  it("checks the caller's role: an associate may work with customers but not add integrations or users", async () => {
    const { hub, call } = await appWithHub(engine.open);
    const { token } = await createUser(hub.ctx, hub.admin, {
      name: "Sam",
      email: "sam@test.local",
      role: "associate",
    });
    expect((await call("POST", "/v1/customers", token, { firstName: "Ada" })).status).toBe(201);
    const integration = await call("POST", "/v1/integrations", token, {
      kind: "pos",
      name: "x",
      baseUrl: "http://127.0.0.1:1",
      apiKey: "k",
    });
    expect(integration.status).toBe(403);
    expect(
      (await call("POST", "/v1/users", token, { name: "E", email: "e@x.io", role: "admin" }))
        .status,
    ).toBe(403);
    expect((await call("GET", "/v1/users", hub.token)).status).toBe(200);
  });

  it("A2: a customer created in the hub is assigned to the user who created it", async () => {
    const { hub, call } = await appWithHub(engine.open);
    const created = await call("POST", "/v1/customers", hub.token, { firstName: "Ada" });
    expect(created.body["assignedUserId"]).toBe(hub.admin.userId);
  });

  it("bad input gets an error that names the field, and changes nothing", async () => {
    const { db, hub, call } = await appWithHub(engine.open);
    const bad = await call("POST", "/v1/customers", hub.token, {
      firstName: "Bob",
      contacts: [{ kind: "email", value: "bob@" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: { code: "invalid", message: "contacts.0.value: 'bob@' is not an email address" },
    });
    const empty = await call("POST", "/v1/customers", hub.token, {});
    expect(empty.status).toBe(400);
    expect((await db.query("select 1 from clients")).length).toBe(0);
    expect((await call("PATCH", "/v1/customers/999", hub.token, { firstName: "X" })).status).toBe(
      404,
    );
  });

  it("I1: an integration whose connection test fails is not saved", async () => {
    const { db, hub, call } = await appWithHub(engine.open);
    const result = await call("POST", "/v1/integrations", hub.token, {
      kind: "pos",
      name: "Unreachable",
      baseUrl: "http://127.0.0.1:1",
      apiKey: "k",
    });
    expect(result.status).toBe(502);
    expect(String((result.body["error"] as { message: string }).message)).toMatch(
      /test connection/,
    );
    expect((await db.query("select 1 from integrations")).length).toBe(0);
  });

  it("S4: a webhook with a bad signature is refused and records nothing", async () => {
    const { db, hub, call } = await appWithHub(engine.open);
    const id = await addOfflineIntegration(hub);
    const response = await call("POST", `/hooks/${id}`, undefined, {
      id: "evt",
      type: "customer.updated",
    });
    expect(response.status).toBe(401);
    expect((await db.query("select 1 from change_events")).length).toBe(0);
  });

  it("F12: a customer's audit history is readable per field, with source, actor and time", async () => {
    const { hub, call } = await appWithHub(engine.open);
    const created = await call("POST", "/v1/customers", hub.token, {
      firstName: "Ada",
      lastName: "Byron",
    });
    await call("PATCH", `/v1/customers/${created.body["id"]}`, hub.token, { lastName: "King" });
    await call("PATCH", `/v1/customers/${created.body["id"]}`, hub.token, { firstName: "Augusta" });
    const history = await call(
      "GET",
      `/v1/customers/${created.body["id"]}/history?field=lastName`,
      hub.token,
    );
    expect(history.status).toBe(200);
    const entries = history.body["entries"] as Array<Record<string, unknown>>;
    expect(
      entries.map((e) => [e["field"], e["oldValue"], e["newValue"], e["source"], e["actor"]]),
    ).toEqual([
      ["lastName", null, "Byron", "hub", `user:${hub.admin.userId}`],
      ["lastName", "Byron", "King", "hub", `user:${hub.admin.userId}`],
    ]);
    expect(new Date(String(entries[0]!["at"])).toISOString()).toBe(entries[0]!["at"]);
  });
});
