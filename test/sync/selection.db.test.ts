import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { engines } from "../setup/database.ts";
import { posCustomers } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

/** The hub's HTTP API on the pair's hub, called as its admin. */
function hubApi(pair: SyncedPair) {
  const app = createApp(pair.ctx);
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${pair.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}

interface Page {
  customers: Array<{ id: number; lastName: string; sync: Array<{ status: string }> }>;
}

describe.each(engines)("selecting customers to sync, on $name", (engine) => {
  it("S1, S11: in selected mode a whole filtered list is set to sync in one request; lists filter by status and count each section", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      syncMode: "selected",
      pushNewCustomers: false,
    });
    const api = hubApi(pair);
    const names = ["Berg", "Bergman", "Lund", "Nyberg", "Holm"];
    for (const lastName of names) {
      const email = `${lastName.toLowerCase()}@example.com`;
      const made = await api("POST", "/v1/customers", {
        firstName: "Ann",
        lastName,
        contacts: [{ kind: "email", value: email }],
      });
      expect(made.status).toBe(201);
    }
    await pair.settle();
    expect(await posCustomers(pair)).toEqual([]);
    const id = pair.integrationId;
    const counts = await api<{ counts: Record<string, number> }>(
      "GET",
      `/v1/integrations/${id}/sections`,
    );
    expect(counts.body.counts).toEqual({
      unlinked: 5,
      conflict: 0,
      synced: 0,
      excluded: 0,
      error: 0,
    });

    // the list view: unlinked customers whose name holds "berg", any case
    const listed = await api<Page>(
      "GET",
      `/v1/customers?integrationId=${id}&status=unlinked&q=BERG`,
    );
    expect(listed.body.customers.map((c) => c.lastName)).toEqual(["Berg", "Bergman", "Nyberg"]);
    // a search also finds text in a contact method
    const byEmail = await api<Page>("GET", `/v1/customers?q=${encodeURIComponent("lund@")}`);
    expect(byEmail.body.customers.map((c) => c.lastName)).toEqual(["Lund"]);

    // the whole filtered list, in one request
    const enabled = await api("POST", `/v1/integrations/${id}/sync`, {
      filter: { status: "unlinked", q: "berg" },
    });
    expect(enabled.body).toEqual({ synced: 0, queued: 3 });
    await pair.settle();
    expect((await posCustomers(pair)).map((c) => c.lastName).sort()).toEqual([
      "Berg",
      "Bergman",
      "Nyberg",
    ]);
    const after = await api<{ counts: Record<string, number> }>(
      "GET",
      `/v1/integrations/${id}/sections`,
    );
    expect(after.body.counts).toMatchObject({ unlinked: 2, synced: 3 });
    const synced = await api<Page>("GET", `/v1/customers?integrationId=${id}&status=synced`);
    expect(synced.body.customers.map((c) => c.sync[0]!.status)).toEqual([
      "synced",
      "synced",
      "synced",
    ]);
    const searchedCounts = await api<{ counts: Record<string, number> }>(
      "GET",
      `/v1/integrations/${id}/sections?q=holm`,
    );
    expect(searchedCounts.body.counts).toMatchObject({ unlinked: 1, synced: 0 });

    // and one customer from a selection, applied before the answer
    const lund = byEmail.body.customers[0]!.id;
    const one = await api("POST", `/v1/integrations/${id}/sync`, { customerIds: [lund] });
    expect(one.body).toEqual({ synced: 1, queued: 0 });
    await pair.settle();
    expect(await posCustomers(pair)).toHaveLength(4);
  });

  it("S11: a bad list filter gets an error that names it, and a bulk request changes nothing", async () => {
    const pair = await startSyncedPair(await engine.open(), { syncMode: "selected" });
    const api = hubApi(pair);
    const id = pair.integrationId;
    const noIntegration = await api<{ error: { message: string } }>(
      "GET",
      "/v1/customers?status=synced",
    );
    expect(noIntegration.status).toBe(400);
    expect(noIntegration.body.error.message).toMatch(/^status: .*integrationId/);
    const badStatus = await api("GET", `/v1/customers?integrationId=${id}&status=lost`);
    expect(badStatus.status).toBe(400);
    const unknown = await api("GET", "/v1/customers?integrationId=999&status=synced");
    expect(unknown.status).toBe(404);
    const both = await api<{ error: { message: string } }>("POST", `/v1/integrations/${id}/sync`, {
      customerIds: [1],
      filter: { status: "unlinked" },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/customerIds/);
    const events = await pair.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from change_events",
    );
    expect(Number(events[0]!.n)).toBe(0);
  });
});
