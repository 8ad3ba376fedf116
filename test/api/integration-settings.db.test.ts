import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startReferencePos } from "../../simulators/reference-pos/server.ts";
import { createApp } from "../../src/api/app.ts";
import {
  integrationOptionsSchema,
  type IntegrationOptions,
} from "../../src/domain/integration-options.ts";
import { readCredentials } from "../../src/store/integrations-table.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

const apiKey = "settings-key-12345";

async function hubAndPos(open: () => ReturnType<(typeof engines)[number]["open"]>) {
  const db = await open();
  const hub = await createTestHub(db);
  const pos = await startReferencePos({ port: 0, apiKey });
  afterThisTest(() => pos.close());
  const app = createApp(hub.ctx);
  const api = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${hub.token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return { db, hub, pos, api };
}

/** A server that answers every request with `status` and a body holding `secret`. */
async function answering(status: number, body: string): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The URL of a port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

interface IntegrationBody {
  id: number;
  name: string;
  baseUrl: string;
  enabled: boolean;
  options: IntegrationOptions;
}

/**
 * Two values for every option, both unlike the default and unlike each other; the second of
 * each is made unique, so a PATCH that lost its value cannot match by chance.
 */
function optionValues(): { first: IntegrationOptions; second: IntegrationOptions } {
  const u = () => randomUUID().slice(0, 8);
  return {
    first: {
      syncMode: "selected",
      pushNewCustomers: false,
      transferWhen: "active",
      webhooks: false,
      pollIntervalSeconds: 45,
      fieldMap: { ring_size: "Ring size", birthstone: "Birthstone" },
      wishlistCollection: `Wishes ${u()}`,
      inventoryFilters: {
        excludeCategories: [`Cat ${u()}`],
        excludeVendors: [`Vendor ${u()}`],
        excludeTypes: ["memo"],
      },
      matchThreshold: 0.75,
      salesTiming: "realtime",
      salesBatchTimes: ["06:15"],
      salesHistoryPagesPerMinute: 20 + Math.floor(Math.random() * 100),
      defaultAssociateNumber: `A${u()}`,
    },
    second: {
      syncMode: "all",
      pushNewCustomers: true,
      transferWhen: "created",
      webhooks: true,
      pollIntervalSeconds: 600 + Math.floor(Math.random() * 1000),
      fieldMap: { [`key_${u()}`]: `Pref ${u()}` },
      wishlistCollection: `Other ${u()}`,
      inventoryFilters: {
        excludeCategories: [`Cat ${u()}`, `Cat ${u()}`],
        excludeVendors: [`Vendor ${u()}`],
        excludeTypes: ["consignment", `type_${u()}`],
      },
      matchThreshold: 0.8 + Math.floor(Math.random() * 100) / 1000,
      salesTiming: "batched",
      salesBatchTimes: [
        `0${Math.floor(Math.random() * 10)}:${String(Math.floor(Math.random() * 60)).padStart(2, "0")}`,
        "21:45",
      ],
      salesHistoryPagesPerMinute: 200 + Math.floor(Math.random() * 1000),
      defaultAssociateNumber: `B${u()}`,
    },
  };
}

describe.each(engines)("changing an integration on $name", (engine) => {
  it("R7.2: a PATCH of one option changes that option only; every other option keeps its value", async () => {
    const { pos, api } = await hubAndPos(engine.open);
    const { first, second } = optionValues();
    // every option of the schema is in the table: a new option cannot be forgotten here
    expect(Object.keys(first).sort()).toEqual(Object.keys(integrationOptionsSchema.shape).sort());
    for (const [name, value] of Object.entries(first))
      expect(value, name).not.toEqual(
        (integrationOptionsSchema.parse({}) as Record<string, unknown>)[name],
      );
    const created = await api<IntegrationBody>("POST", "/v1/integrations", {
      kind: "pos",
      name: "POS",
      baseUrl: pos.url,
      apiKey,
      options: first,
    });
    expect(created.status).toBe(201);
    expect(created.body.options).toEqual(first);
    const id = created.body.id;
    let expected: IntegrationOptions = first;
    const patchAndCheck = async (options: unknown, next: IntegrationOptions) => {
      const patched = await api<IntegrationBody>("PATCH", `/v1/integrations/${id}`, { options });
      expect(patched.status, JSON.stringify(options)).toBe(200);
      const read = await api<IntegrationBody>("GET", `/v1/integrations/${id}`);
      expect(read.body.options, JSON.stringify(options)).toEqual(next);
      expect(read.body.name).toBe("POS");
      expected = next;
    };
    for (const name of Object.keys(first) as Array<keyof IntegrationOptions>) {
      if (name === "inventoryFilters" || name === "fieldMap") continue;
      await patchAndCheck({ [name]: second[name] }, { ...expected, [name]: second[name] });
    }
    // a nested object is patched key by key: each filter list alone
    for (const name of ["excludeCategories", "excludeVendors", "excludeTypes"] as const) {
      const value = second.inventoryFilters[name];
      await patchAndCheck(
        { inventoryFilters: { [name]: value } },
        { ...expected, inventoryFilters: { ...expected.inventoryFilters, [name]: value } },
      );
    }
    // a map is patched key by key: a new key is added, null removes one key
    const [newKey, newValue] = Object.entries(second.fieldMap)[0]!;
    await patchAndCheck(
      { fieldMap: { [newKey]: newValue } },
      { ...expected, fieldMap: { ...expected.fieldMap, [newKey]: newValue } },
    );
    await patchAndCheck(
      { fieldMap: { ring_size: null } },
      { ...expected, fieldMap: { birthstone: "Birthstone", [newKey]: newValue } },
    );
    // null resets an option to its default
    const withoutDefaultAssociate = { ...expected };
    delete withoutDefaultAssociate.defaultAssociateNumber;
    await patchAndCheck({ defaultAssociateNumber: null }, withoutDefaultAssociate);
    await patchAndCheck({ pollIntervalSeconds: null }, { ...expected, pollIntervalSeconds: 30 });
    await patchAndCheck(
      { inventoryFilters: { excludeTypes: null } },
      { ...expected, inventoryFilters: { ...expected.inventoryFilters, excludeTypes: [] } },
    );
    // a PATCH without options leaves them all alone
    const renamed = await api<IntegrationBody>("PATCH", `/v1/integrations/${id}`, { name: "POS" });
    expect(renamed.body.options).toEqual(expected);
  });

  it("R7.3: a PATCH whose connection test fails keeps nothing of the change", async () => {
    const { db, hub, pos, api } = await hubAndPos(engine.open);
    const created = await api<IntegrationBody>("POST", "/v1/integrations", {
      kind: "pos",
      name: "POS",
      baseUrl: pos.url,
      apiKey,
      options: { webhooks: false },
    });
    const id = created.body.id;
    const row = async () => db.query("select * from integrations where id = $1", [id]);
    const before = await row();
    const badKey = await api("PATCH", `/v1/integrations/${id}`, {
      apiKey: "wrong-key-999",
      name: "Renamed",
      options: { syncMode: "selected" },
    });
    expect(badKey.status).toBe(502);
    expect(JSON.stringify(badKey.body)).toMatch(/test connection .* failed: .*HTTP 401/);
    expect(await row()).toEqual(before);
    expect((await readCredentials(db, id, hub.ctx.secretKey)).apiKey).toBe(apiKey);

    const deadUrl = await api("PATCH", `/v1/integrations/${id}`, {
      baseUrl: await closedPort(),
      options: { webhooks: true, fieldMap: { a: "b" } },
    });
    expect(deadUrl.status).toBe(502);
    expect(JSON.stringify(deadUrl.body)).toMatch(/not reachable \(connection refused\)/);
    expect(await row()).toEqual(before);
    // and the same change with a working key is saved
    const good = await api<IntegrationBody>("PATCH", `/v1/integrations/${id}`, {
      apiKey,
      name: "Renamed",
    });
    expect(good.status).toBe(200);
    expect(good.body.name).toBe("Renamed");
  });

  it("R7.13: a failed connection test says what failed and never repeats what the target answered", async () => {
    const { api } = await hubAndPos(engine.open);
    const secret = `internal-${randomUUID()}`;
    for (const [status, body] of [
      [401, JSON.stringify({ error: { code: "no_key", message: secret } })],
      [404, `<html>${secret}</html>`],
      [403, JSON.stringify({ detail: secret })],
    ] as const) {
      const url = await answering(status, body);
      const result = await api("POST", "/v1/integrations", {
        kind: "pos",
        name: "Probe",
        baseUrl: url,
        apiKey: "k",
      });
      expect(result.status).toBe(502);
      const message = JSON.stringify(result.body);
      expect(message).toContain(`HTTP ${status}`);
      expect(message.includes(secret), message).toBe(false);
      expect(message.includes("internal-")).toBe(false);
    }
  });
});
