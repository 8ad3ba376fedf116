import { describe, expect, it } from "vitest";
import { integrationOptionsSchema } from "../../src/domain/integration-options.ts";
import { engines } from "../setup/database.ts";
import { hubApi as hubCall } from "../setup/hub-api.ts";

/** GET through the hub's HTTP API, as the hub's admin. */
const hubApi = (hub: TestHub) => {
  const call = hubCall(hub);
  return <T = Record<string, unknown>>(path: string) => call<T>("GET", path);
};
import {
  addOfflineIntegration,
  createTestHub,
  drainInbox,
  deliver,
  posCustomer,
  type TestHub,
} from "../setup/hub.ts";

interface Page {
  customers: Array<{
    externalId: string;
    customerNumber: string | null;
    status: string;
    firstName: string | null;
    lastName: string | null;
    contacts: Array<{ kind: string; value: string }>;
  }>;
  next: number | null;
}

describe.each(engines)("the other side's customers without a hub customer, on $name", (engine) => {
  it("S1, S11: in selected mode the POS customers the hub does not sync are listed and counted, searchable by name, email and number, paged", async () => {
    const hub = await createTestHub(await engine.open());
    const integration = await addOfflineIntegration(
      hub,
      integrationOptionsSchema.parse({ webhooks: false, syncMode: "selected" }),
    );
    const email = (value: string) => ({ kind: "email" as const, value });
    await deliver(
      hub,
      integration,
      {
        ...posCustomer("c_1", 1, {
          firstName: "Ines",
          lastName: "Lund",
          contacts: [email("ines@lund.example")],
        }),
        number: "10007",
      },
      {
        ...posCustomer("c_2", 1, {
          firstName: "Omar",
          lastName: "Berg",
          contacts: [email("omar@example.com")],
        }),
        number: "10008",
      },
      { ...posCustomer("c_3", 1, { firstName: "Ada", lastName: "Lundqvist" }), number: null },
    );
    await drainInbox(hub);
    const api = hubApi(hub);
    const base = `/v1/integrations/${integration}`;

    const sections = await api<{
      counts: Record<string, number>;
      external: Record<string, number>;
    }>(`${base}/sections`);
    expect(sections.status).toBe(200);
    expect(sections.body.external).toEqual({ unlinked: 3, excluded: 0 });
    expect(sections.body.counts["unlinked"]).toBe(0);

    const all = await api<Page>(`${base}/external-customers`);
    expect(all.status).toBe(200);
    expect(all.body.customers).toEqual([
      {
        externalId: "c_1",
        customerNumber: "10007",
        status: "unlinked",
        firstName: "Ines",
        lastName: "Lund",
        contacts: [{ kind: "email", value: "ines@lund.example" }],
      },
      {
        externalId: "c_2",
        customerNumber: "10008",
        status: "unlinked",
        firstName: "Omar",
        lastName: "Berg",
        contacts: [{ kind: "email", value: "omar@example.com" }],
      },
      {
        externalId: "c_3",
        customerNumber: null,
        status: "unlinked",
        firstName: "Ada",
        lastName: "Lundqvist",
        contacts: [],
      },
    ]);
    expect(all.body.next).toBeNull();

    const ids = async (query: string) =>
      (await api<Page>(`${base}/external-customers?${query}`)).body.customers.map(
        (c) => c.externalId,
      );
    expect(await ids("q=LUND")).toEqual(["c_1", "c_3"]);
    expect(await ids("q=ines%20lund")).toEqual(["c_1"]);
    expect(await ids("q=10008")).toEqual(["c_2"]);
    expect(await ids("q=omar%40example")).toEqual(["c_2"]);
    // wildcards are text: "%" is in no name, contact or number
    expect(await ids("q=%25")).toEqual([]);
    expect(await ids("status=excluded")).toEqual([]);
    const counted = await api<{ external: Record<string, number> }>(`${base}/sections?q=lund`);
    expect(counted.body.external).toEqual({ unlinked: 2, excluded: 0 });

    const first = await api<Page>(`${base}/external-customers?limit=2`);
    expect(first.body.customers.map((c) => c.externalId)).toEqual(["c_1", "c_2"]);
    expect(first.body.next).not.toBeNull();
    expect(await ids(`limit=2&after=${first.body.next}`)).toEqual(["c_3"]);

    const bad = await api<{ error: { message: string } }>(`${base}/external-customers?status=gone`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
    expect((await api(`/v1/integrations/999999/external-customers`)).status).toBe(404);
  });
});
