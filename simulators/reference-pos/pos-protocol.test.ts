import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startReferencePos, type ReferencePosOptions } from "./server.ts";

const apiKey = "test-key-1234";

async function pos(options: Partial<ReferencePosOptions> = {}) {
  const server = await startReferencePos({ port: 0, apiKey, ...options });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(new URL(path, server.url), {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        "content-type": "application/json",
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
      body: (text ? JSON.parse(text) : undefined) as any,
      headers: response.headers,
    };
  };
  return { ...server, call };
}

/** A webhook receiver on loopback that fails its first `failFirst` deliveries. */
async function receiver(failFirst = 0) {
  const deliveries: Array<{ headers: Record<string, string>; body: string }> = [];
  let seen = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen++;
      const accept = seen > failFirst;
      if (accept) deliveries.push({ headers: req.headers as Record<string, string>, body });
      res.statusCode = accept ? 200 : 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    deliveries,
    attempts: () => seen,
    close: () => new Promise((r) => server.close(r)),
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("reference POS: the open POS protocol", () => {
  it("refuses a request without the API key", async () => {
    const p = await pos();
    const response = await fetch(`${p.url}/api/v1/ping`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
    await p.close();
  });

  it("creates customers with the next free number, refuses a taken one, finds them by normalised email", async () => {
    const p = await pos();
    const a = await p.call("POST", "/api/v1/customers", {
      firstName: "Ada",
      contacts: [{ type: "email", value: "Ada@Example.com" }],
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ number: "10001", version: 1, firstName: "Ada" });
    const b = await p.call("POST", "/api/v1/customers", { number: "10001", firstName: "Bob" });
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe("precondition_failed");
    const found = await p.call("GET", "/api/v1/customers?email=%20ada@example.COM");
    expect(found.body.customers.map((c: { id: string }) => c.id)).toEqual([a.body.id]);
    expect((await p.call("GET", "/api/v1/customers/c_999999")).status).toBe(404);
    await p.close();
  });

  it("names the field of a bad request; a body that is not JSON and an unknown path get the error shape", async () => {
    const p = await pos();
    const notJson = await fetch(`${p.url}/api/v1/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("invalid");
    const unknown = await p.call("GET", "/api/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const bad = await p.call("POST", "/api/v1/customers", {
      firstName: "X",
      contacts: [{ type: "fax", value: "1" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^contacts\.0\.type: /);
    await p.close();
  });

  it("PATCH sets fields and appends contacts without duplicates; a write that changes nothing keeps the version", async () => {
    const p = await pos();
    const { body: c } = await p.call("POST", "/api/v1/customers", {
      firstName: "Ada",
      contacts: [{ type: "email", value: "ada@example.com" }],
    });
    const patched = await p.call("PATCH", `/api/v1/customers/${c.id}`, {
      set: { lastName: "Lovelace", customFields: { ring_size: "6" } },
      addContacts: [
        { type: "email", value: "ADA@example.com" },
        { type: "phone", value: "+1 212 555 0101" },
      ],
    });
    expect(patched.body.version).toBe(2);
    expect(patched.body.contacts.map((m: { value: string }) => m.value)).toEqual([
      "ada@example.com",
      "+1 212 555 0101",
    ]);
    const again = await p.call("PATCH", `/api/v1/customers/${c.id}`, {
      set: { lastName: "Lovelace" },
    });
    expect(again.body.version).toBe(2);
    await p.close();
  });

  it("refuses a conditional write whose expectation does not hold, and returns the current customer", async () => {
    const p = await pos();
    const { body: c } = await p.call("POST", "/api/v1/customers", { firstName: "Ada" });
    await p.call("PATCH", `/staff/customers/${c.id}`, { set: { firstName: "Adah" } });
    const refused = await p.call("PATCH", `/api/v1/customers/${c.id}`, {
      set: { firstName: "Augusta" },
      expect: { firstName: "Ada" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/expect\.firstName/);
    expect(refused.body.customer.firstName).toBe("Adah");
    await p.close();
  });

  it("replays the first answer to a repeated Idempotency-Key and writes once", async () => {
    const p = await pos();
    const body = { firstName: "Grace", contacts: [{ type: "email", value: "grace@example.com" }] };
    const first = await p.call("POST", "/api/v1/customers", body, { "idempotency-key": "k-1" });
    // the customer changes meanwhile: the replay is still the first answer, as it was then
    await p.call("PATCH", `/staff/customers/${first.body.id}`, { set: { lastName: "Hopper" } });
    const second = await p.call("POST", "/api/v1/customers", body, { "idempotency-key": "k-1" });
    expect(second.body).toEqual(first.body);
    expect(second.body).toMatchObject({ version: 1, lastName: null });
    expect((await p.call("GET", "/staff/customers")).body.customers).toHaveLength(1);
    await p.close();
  });

  it("pages the changes feed by version; a customer changed twice appears once, in its latest state", async () => {
    const p = await pos({ seed: 5 });
    const { body: all } = await p.call("GET", "/staff/customers");
    await p.call("PATCH", `/staff/customers/${all.customers[0].id}`, {
      set: { firstName: "Changed" },
    });
    const page1 = await p.call("GET", "/api/v1/changes?after=0&limit=3");
    expect(page1.body.customers.map((c: { version: number }) => c.version)).toEqual([2, 3, 4]);
    expect(page1.body.hasMore).toBe(true);
    const page2 = await p.call("GET", `/api/v1/changes?after=${page1.body.cursor}&limit=3`);
    expect(page2.body.customers.map((c: { firstName: string }) => c.firstName).at(-1)).toBe(
      "Changed",
    );
    expect(page2.body).toMatchObject({ cursor: 6, hasMore: false });
    await p.close();
  });

  it("signs webhooks with HMAC-SHA256 over the timestamp and body, and retries a failed delivery", async () => {
    const hook = await receiver(2);
    const p = await pos({ webhookRetryBaseMs: 20 });
    await p.call("POST", "/api/v1/webhooks", { url: hook.url, secret: "whsec-123456" });
    const { body: c } = await p.call("POST", "/staff/customers", { firstName: "Ada" });
    await until(() => hook.deliveries.length === 1);
    expect(hook.attempts()).toBe(3);
    const [delivery] = hook.deliveries;
    const expected = createHmac("sha256", "whsec-123456")
      .update(`${delivery!.headers["x-pos-timestamp"]}.${delivery!.body}`)
      .digest("hex");
    expect(delivery!.headers["x-pos-signature"]).toBe(`v1=${expected}`);
    expect(delivery!.headers["x-pos-event-id"]).toBe(`evt_${c.id}_1`);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: "customer.created",
      data: { customer: { id: c.id } },
    });
    const listed = await p.call("GET", "/api/v1/webhooks");
    expect(listed.body.webhooks[0]).not.toHaveProperty("secret");
    await p.close();
    await hook.close();
  });

  it("F6, R7.6: sends sale.created for a sale and inventory.updated for every item change, the sold item included", async () => {
    const hook = await receiver();
    const p = await pos();
    await p.call("POST", "/api/v1/webhooks", { url: hook.url, secret: "whsec-123456" });
    const { body: c } = await p.call("POST", "/staff/customers", { firstName: "Ada" });
    const { body: ring } = await p.call("POST", "/staff/inventory", {
      sku: "R-1",
      description: "Ring",
    });
    await p.call("PATCH", `/staff/inventory/${ring.id}`, { price: 900 });
    const { body: sale } = await p.call("POST", "/staff/sales", {
      customerId: c.id,
      lines: [{ inventoryId: ring.id, amount: 900 }],
    });
    await until(() => hook.deliveries.length === 5);
    const events = hook.deliveries
      .map((d) => JSON.parse(d.body) as { id: string; type: string; data: Record<string, never> })
      .sort((a, b) => a.id.localeCompare(b.id));
    const seen = events.map((e) => [e.type, e.id]);
    expect(seen).toContainEqual(["sale.created", `evt_${sale.id}_${sale.version}`]);
    expect(seen).toContainEqual(["inventory.updated", `evt_${ring.id}_${ring.version}`]);
    expect(seen).toContainEqual(["inventory.updated", `evt_${ring.id}_${ring.version + 1}`]);
    expect(seen).toContainEqual(["inventory.updated", `evt_${ring.id}_${sale.version - 1}`]);
    const created = events.find((e) => e.type === "sale.created")!;
    expect(created.data["sale"]).toMatchObject({ id: sale.id, customerId: c.id, total: 900 });
    const sold = events.find((e) => e.id === `evt_${ring.id}_${sale.version - 1}`)!;
    expect(sold.data["item"]).toMatchObject({ status: "sold" });
    await p.close();
    await hook.close();
  });

  it("keeps its data and version counter across a restart", async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), "pos-")), "pos.json");
    const first = await pos({ dataFile, seed: 3 });
    await first.call("POST", "/staff/customers", { firstName: "Late" });
    await first.close();
    const second = await pos({ dataFile, seed: 3 });
    expect((await second.call("GET", "/staff/customers")).body.customers).toHaveLength(4);
    expect(
      (await second.call("POST", "/staff/customers", { firstName: "Next" })).body.version,
    ).toBe(5);
    await second.close();
  });

  it("staff may replace and delete contact methods", async () => {
    const p = await pos();
    const { body: c } = await p.call("POST", "/staff/customers", {
      firstName: "Ada",
      contacts: [
        { type: "email", value: "a@example.com" },
        { type: "phone", value: "555 0101" },
      ],
    });
    const replaced = await p.call("PATCH", `/staff/customers/${c.id}`, {
      contacts: [{ type: "email", value: "b@example.com" }],
    });
    expect(replaced.body.contacts.map((m: { value: string }) => m.value)).toEqual([
      "b@example.com",
    ]);
    const gone = await p.call(
      "DELETE",
      `/staff/customers/${c.id}/contacts/${replaced.body.contacts[0].id}`,
    );
    expect(gone.body.contacts).toEqual([]);
    await p.close();
  });

  it("injects faults for retry tests, and documents every operation in its OpenAPI document", async () => {
    const p = await pos();
    await p.call("POST", "/staff/faults", { failNextRequests: 1, status: 429 });
    const limited = await p.call("GET", "/api/v1/ping");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await p.call("GET", "/api/v1/ping")).status).toBe(200);
    const doc = (await (await fetch(`${p.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    for (const id of [
      "ping",
      "listCustomers",
      "getCustomer",
      "createCustomer",
      "updateCustomer",
      "listChanges",
      "listAssociates",
      "createWebhook",
      "listWebhooks",
      "deleteWebhook",
      "staffCreateCustomer",
      "staffUpdateCustomer",
      "staffDeleteContact",
    ])
      expect(ids).toContain(id);
    await p.close();
  });

  it("R8.6: a store seeded at scale is built lazily, deterministic, and served O(page) by id, email, list and every feed", async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), "pos-")), "pos.json");
    const started = performance.now();
    const p = await pos({ dataFile, scale: { customers: 100_000, salesLines: 1_000_000 } });
    expect(performance.now() - started).toBeLessThan(2000);
    const first = await p.call("GET", "/api/v1/changes?after=0&limit=500");
    expect(first.body.customers).toHaveLength(500);
    const one = first.body.customers[7];
    expect(one.contacts.length).toBeGreaterThanOrEqual(2);
    expect(one.contacts.length).toBeLessThanOrEqual(3);
    expect(Object.keys(one.customFields).length).toBeGreaterThanOrEqual(2);
    expect(first.body.customers.some((c: { notes: unknown[] }) => c.notes.length > 0)).toBe(true);
    expect(first.body.customers.some((c: { wishlist: unknown[] }) => c.wishlist.length > 0)).toBe(
      true,
    );
    expect((await p.call("GET", `/api/v1/customers/${one.id}`)).body).toEqual(one);
    const email = one.contacts.find((m: { type: string }) => m.type === "email").value;
    const found = await p.call("GET", `/api/v1/customers?email=${email.toUpperCase()}`);
    expect(found.body.customers.map((c: { id: string }) => c.id)).toEqual([one.id]);
    // the last page of customers and of the id list, and the sales feed's end, are as quick as the first
    const last = await p.call("GET", `/api/v1/changes?after=${one.version + 99_492}&limit=500`);
    expect(last.body.customers.at(-1).id).toBe("c_100000");
    expect(last.body.hasMore).toBe(false);
    const listed = await p.call("GET", "/api/v1/customers?after=c_099999&limit=10");
    expect(listed.body).toMatchObject({ customers: [{ id: "c_100000" }], next: null });
    let lines = 0;
    let cursor = 0;
    for (;;) {
      const page = await p.call("GET", `/api/v1/sales/changes?after=${cursor}&limit=500`);
      for (const sale of page.body.sales) lines += sale.lines.length;
      cursor = page.body.cursor;
      if (!page.body.hasMore || lines > 10_000) break;
    }
    const tail = await p.call("GET", `/api/v1/sales/changes?after=${433_334 - 250}&limit=500`);
    expect(tail.body).toMatchObject({ cursor: 433_334, hasMore: false });
    expect(tail.body.sales).toHaveLength(250);
    for (const sale of tail.body.sales) expect(sale.customerId).toMatch(/^c_\d{6}$/);
    // a change keeps that customer (a new version at the end of the feed) and a restart keeps it
    const edited = await p.call("PATCH", `/api/v1/customers/${one.id}`, {
      set: { firstName: "Changed" },
    });
    expect(edited.body.version).toBe(100_000 + 333_334 + 1); // after every seeded version
    const taken = await p.call("POST", "/api/v1/customers", { firstName: "X", number: "10001" });
    expect(taken.status).toBe(409); // a seeded customer's number is taken
    const created = await p.call("POST", "/api/v1/customers", { firstName: "New" });
    expect(created.body).toMatchObject({ id: "c_100001", number: "110001" });
    await p.close();
    const again = await pos({ dataFile, scale: { customers: 100_000, salesLines: 1_000_000 } });
    const changes = await again.call("GET", `/api/v1/changes?after=${edited.body.version - 1}`);
    expect(changes.body.customers.map((c: { id: string }) => c.id)).toEqual([one.id, "c_100001"]);
    expect(changes.body.customers[0].firstName).toBe("Changed");
    const seen = await again.call("GET", "/api/v1/changes?after=0&limit=500");
    expect(seen.body.customers.slice(0, 7)).toEqual(first.body.customers.slice(0, 7));
    expect(seen.body.customers.map((c: { id: string }) => c.id)).not.toContain(one.id);
    await again.close();
  });
});
