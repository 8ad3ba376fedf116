import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually, httpClient, startTandem } from "../setup/processes.ts";

const posKey = "e2e-pos-key-123";

interface PosCustomer {
  id: string;
  version: number;
  firstName: string | null;
  lastName: string | null;
  contacts: Array<{ id: string; type: string; value: string }>;
  customFields: Record<string, string>;
}
interface HubCustomer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  contacts: Array<{ kind: string; value: string }>;
  sync: Array<{ status: string; externalId: string | null }>;
}

/** The hub (embedded store, its own worker inside) and the reference POS, as two processes. */
async function startPair() {
  const pos = startTandem(["pos-sim", "--pos-port", "0", "--pos-api-key", posKey]);
  const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  const hub = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
  const hubUrl = (await hub.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
  const token = (await hub.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
  const hubApi = httpClient(hubUrl, token);
  return {
    pos,
    hub,
    posApi: httpClient(posUrl, posKey),
    hubApi,
    /** adds the POS as an integration of the hub, through the API */
    connect: (options: Record<string, unknown>) =>
      hubApi("POST", "/v1/integrations", {
        kind: "pos",
        name: "Reference POS",
        baseUrl: posUrl,
        apiKey: posKey,
        options,
      }),
  };
}

async function hubCustomerByEmail(hubApi: ReturnType<typeof httpClient>, email: string) {
  const { body } = await hubApi<{ customers: HubCustomer[] }>("GET", "/v1/customers?limit=500");
  return body.customers.find((c) => c.contacts.some((m) => m.value.toLowerCase() === email));
}

async function posCustomerByEmail(posApi: ReturnType<typeof httpClient>, email: string) {
  const { body } = await posApi<{ customers: PosCustomer[] }>(
    "GET",
    `/api/v1/customers?email=${encodeURIComponent(email)}`,
  );
  return body.customers[0];
}

describe("hub and reference POS as processes (embedded store)", () => {
  it("S4: POS customers reach the hub by webhook; S2: hub customers reach the POS without duplicates", async () => {
    const { hubApi, posApi, connect } = await startPair();
    const created = await connect({
      syncMode: "all",
      webhooks: true,
      fieldMap: { ring_size: "Ring size" },
    });
    expect(created.status).toBe(201);

    // at the POS, as store staff
    const staff = await posApi<PosCustomer>("POST", "/staff/customers", {
      firstName: "Ada",
      lastName: "Lovelace",
      customFields: { ring_size: "6" },
      contacts: [{ type: "email", value: "ada@example.com" }],
    });
    expect(staff.status).toBe(201);
    const ada = await eventually(
      () => hubCustomerByEmail(hubApi, "ada@example.com"),
      5000,
      "Ada in the hub",
    );
    expect(ada).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      preferences: { "Ring size": "6" },
    });

    await posApi("PATCH", `/staff/customers/${staff.body.id}`, { set: { lastName: "King" } });
    await eventually(
      async () =>
        (await hubCustomerByEmail(hubApi, "ada@example.com"))?.lastName === "King"
          ? true
          : undefined,
      5000,
      "POS edit in the hub",
    );

    // in the hub
    const grace = await hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Grace",
      lastName: "Hopper",
      contacts: [{ kind: "email", value: "grace@example.com" }],
    });
    expect(grace.status).toBe(201);
    const atPos = await eventually(
      () => posCustomerByEmail(posApi, "grace@example.com"),
      5000,
      "Grace at the POS",
    );
    expect(atPos).toMatchObject({ firstName: "Grace", lastName: "Hopper" });

    await hubApi("PATCH", `/v1/customers/${grace.body.id}`, { firstName: "Rear Admiral Grace" });
    await eventually(
      async () =>
        (await posCustomerByEmail(posApi, "grace@example.com"))?.firstName === "Rear Admiral Grace"
          ? true
          : undefined,
      5000,
      "hub edit at the POS",
    );

    // F11: after the round trips, nothing is still moving and nothing was written twice
    await new Promise((r) => setTimeout(r, 1500));
    const all = await posApi<PosCustomer[] | { customers: PosCustomer[] }>(
      "GET",
      "/staff/customers",
    );
    const list = Array.isArray(all.body) ? all.body : all.body.customers;
    expect(
      list.filter((c) => c.contacts.some((m) => m.value === "grace@example.com")),
    ).toHaveLength(1);
    const history = await hubApi<{ entries: Array<{ field: string; source: string }> }>(
      "GET",
      `/v1/customers/${grace.body.id}/history`,
    );
    expect(history.body.entries.filter((e) => e.field === "firstName")).toHaveLength(2);
    const hubGrace = await hubApi<HubCustomer>("GET", `/v1/customers/${grace.body.id}`);
    expect(hubGrace.body.sync[0]).toMatchObject({ status: "synced", externalId: atPos.id });
  });

  it("S2: a hub customer whose email exists at the POS is linked to it, not duplicated", async () => {
    const { hubApi, posApi, connect } = await startPair();
    await posApi("POST", "/staff/customers", {
      firstName: "Alan",
      contacts: [{ type: "email", value: "alan@example.com" }],
    });
    await connect({ syncMode: "selected", webhooks: true });
    const alan = await hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Alan",
      lastName: "Turing",
      contacts: [{ kind: "email", value: "ALAN@example.com" }],
    });
    const linked = await eventually(
      async () => {
        const c = await hubApi<HubCustomer>("GET", `/v1/customers/${alan.body.id}`);
        return c.body.sync[0]?.status === "synced" ? c.body : undefined;
      },
      5000,
      "Alan linked",
    );
    const atPos = await posCustomerByEmail(posApi, "alan@example.com");
    expect(linked.sync[0]!.externalId).toBe(atPos!.id);
    await eventually(
      async () =>
        (await posCustomerByEmail(posApi, "alan@example.com"))?.lastName === "Turing"
          ? true
          : undefined,
      5000,
      "hub's last name at the POS",
    );
    const all = await posApi<PosCustomer[] | { customers: PosCustomer[] }>(
      "GET",
      "/staff/customers",
    );
    const list = Array.isArray(all.body) ? all.body : all.body.customers;
    expect(list).toHaveLength(1);
  });

  it("S4: with webhooks off, POS changes arrive by polling the changes feed", async () => {
    const { hubApi, posApi, connect } = await startPair();
    await connect({ syncMode: "all", webhooks: false, pollIntervalSeconds: 1 });
    const hooks = await posApi<{ webhooks: unknown[] }>("GET", "/api/v1/webhooks");
    expect(hooks.body.webhooks).toHaveLength(0);
    await posApi("POST", "/staff/customers", {
      firstName: "Katherine",
      contacts: [{ type: "email", value: "kj@example.com" }],
    });
    const k = await eventually(
      () => hubCustomerByEmail(hubApi, "kj@example.com"),
      8000,
      "polled customer",
    );
    expect(k.firstName).toBe("Katherine");
  });

  it("F6, F8: inventory and sales reach the hub by webhook", async () => {
    const { hubApi, posApi, connect } = await startPair();
    await connect({ syncMode: "all", webhooks: true, pollIntervalSeconds: 3600 });
    const customer = await posApi<PosCustomer>("POST", "/staff/customers", { firstName: "Ada" });
    const item = await posApi<{ id: string }>("POST", "/staff/inventory", {
      sku: "R-9",
      description: "Emerald ring",
      price: 1200,
    });
    await eventually(
      async () => {
        const { body } = await hubApi<{ products: Array<{ sku: string; archived: boolean }> }>(
          "GET",
          "/v1/products",
        );
        return body.products.some((p) => p.sku === "R-9" && !p.archived) ? true : undefined;
      },
      8000,
      "the item as a hub product",
    );
    await posApi("POST", "/staff/sales", {
      customerId: customer.body.id,
      lines: [{ inventoryId: item.body.id, amount: 1200 }],
    });
    const hubAda = await eventually(
      () => hubCustomerByEmailOrName(hubApi, "Ada"),
      8000,
      "Ada in the hub",
    );
    const purchases = await eventually(
      async () => {
        const { body } = await hubApi<{ purchases: Array<{ total: string }> }>(
          "GET",
          `/v1/customers/${hubAda.id}/purchases`,
        );
        return body.purchases.length > 0 ? body.purchases : undefined;
      },
      8000,
      "the sale as a purchase",
    );
    expect(purchases.map((p) => p.total)).toEqual(["1200.00"]);
  });
});

async function hubCustomerByEmailOrName(hubApi: ReturnType<typeof httpClient>, firstName: string) {
  const { body } = await hubApi<{ customers: HubCustomer[] }>("GET", "/v1/customers?limit=500");
  return body.customers.find((c) => c.firstName === firstName);
}
