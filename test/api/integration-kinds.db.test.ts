import { describe, expect, it } from "vitest";
import { startReferencePos } from "../../simulators/reference-pos/server.ts";
import { createApp } from "../../src/api/app.ts";
import { posConnector } from "../../src/connectors/pos/manifest.ts";
import { connectorRegistry } from "../../src/connectors/registry.ts";
import { readCredentials } from "../../src/store/integrations-table.ts";
import { minimalConnector } from "../connectors/minimal/manifest.ts";
import { startMinimalSimulator } from "../connectors/minimal/simulator.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

/** A hub that knows the POS and the minimal test connector, and the API on it. */
async function hubWithKinds(open: () => ReturnType<(typeof engines)[number]["open"]>) {
  const db = await open();
  const hub = await createTestHub(db, {
    connectors: connectorRegistry(posConnector, minimalConnector),
  });
  const ledger = await startMinimalSimulator();
  afterThisTest(() => ledger.close());
  const app = createApp(hub.ctx);
  const api = async <T = { error: { message: string } }>(
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${hub.token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return { db, hub, ledger, api };
}

describe.each(engines)("R8.1: each kind's own credentials and options, on $name", (engine) => {
  it("R8.1: a kind's credentials, options and address are checked by its manifest's schemas, each error naming the field", async () => {
    const { ledger, api } = await hubWithKinds(engine.open);
    const minimal = (body: Record<string, unknown>) =>
      api("POST", "/v1/integrations", { kind: "minimal", name: "Ledger", ...body });
    const url = ledger.url;
    const token = ledger.token;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      // the POS's spelling of its key is no credential of the ledger's
      [{ baseUrl: url, apiKey: "k" }, /^apiKey: unknown field/],
      [{ baseUrl: url, credentials: { token: "short" } }, /^credentials\.token: /],
      [{ baseUrl: url, credentials: { token, password: "x" } }, /^credentials\.password: unknown/],
      // R8.1: no credentials at all: the missing field is named where it belongs
      [{ baseUrl: url }, /^credentials\.token: /],
      [{ credentials: { token } }, /^baseUrl: required for a minimal integration/],
      [
        { baseUrl: url, credentials: { token }, connection: { pageSize: 500 } },
        /^connection\.pageSize: /,
      ],
      [
        { baseUrl: url, credentials: { token }, connection: { pages: 5 } },
        /^connection\.pages: unknown/,
      ],
      [
        { baseUrl: url, credentials: { token }, options: { webhooks: true } },
        /^options\.webhooks: a minimal integration has no webhooks/,
      ],
    ];
    for (const [body, message] of cases) {
      const answer = await minimal(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body.error.message).toMatch(message);
    }
    const pos = (body: Record<string, unknown>) =>
      api("POST", "/v1/integrations", { kind: "pos", name: "POS", baseUrl: url, ...body });
    expect((await pos({ credentials: { token } })).body.error.message).toMatch(
      /^credentials\.token: unknown field/,
    );
    expect((await pos({ apiKey: "k", credentials: { apiKey: "k" } })).body.error.message).toMatch(
      /^apiKey: give it in credentials or as apiKey, not both/,
    );
    expect(
      (await api("POST", "/v1/integrations", { kind: "erp", name: "E", baseUrl: url })).body.error
        .message,
    ).toBe("kind: must be one of: pos, minimal");
  });

  it("R8.1: a minimal integration is created with its own credentials and options, and changed by them", async () => {
    const { db, hub, ledger, api } = await hubWithKinds(engine.open);
    const created = await api<{ id: number; connection: unknown; options: { webhooks: boolean } }>(
      "POST",
      "/v1/integrations",
      {
        kind: "minimal",
        name: "Ledger",
        baseUrl: ledger.url,
        credentials: { token: ledger.token },
        connection: { pageSize: 10 },
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // its options follow its manifest: no webhooks, so none is registered or asked for
    expect(created.body).toMatchObject({
      connection: { pageSize: 10 },
      options: { webhooks: false },
    });
    const id = created.body.id;
    expect(await readCredentials(db, id, hub.ctx.secretKey)).toEqual({ token: ledger.token });
    // a wrong token is tested before it is saved, and refused
    const wrong = await api("PATCH", `/v1/integrations/${id}`, {
      credentials: { token: "not-the-token" },
    });
    expect(wrong.status).toBe(502);
    expect(await readCredentials(db, id, hub.ctx.secretKey)).toEqual({ token: ledger.token });
    const changed = await api<{ connection: unknown }>("PATCH", `/v1/integrations/${id}`, {
      connection: { pageSize: 20 },
    });
    expect(changed).toMatchObject({ status: 200, body: { connection: { pageSize: 20 } } });
    const refused = await api("PATCH", `/v1/integrations/${id}`, { connection: { pageSize: 0 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^connection\.pageSize: /);
  });

  it("R8.1: a POS integration gives its key as credentials.apiKey too, and the hub makes its webhook secret", async () => {
    const { db, hub, api } = await hubWithKinds(engine.open);
    const pos = await startReferencePos({ port: 0, apiKey: "pos-key-12345" });
    afterThisTest(() => pos.close());
    const created = await api<{ id: number }>("POST", "/v1/integrations", {
      kind: "pos",
      name: "POS",
      baseUrl: pos.url,
      credentials: { apiKey: "pos-key-12345" },
      options: { webhooks: false },
    });
    expect(created.status).toBe(201);
    const credentials = await readCredentials(db, created.body.id, hub.ctx.secretKey);
    expect(credentials).toEqual({ apiKey: "pos-key-12345", webhookSecret: expect.any(String) });
    expect(String(credentials["webhookSecret"]).length).toBeGreaterThanOrEqual(32);
  });
});
