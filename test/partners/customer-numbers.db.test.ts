import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  drainInbox,
  posCustomer,
} from "../setup/hub.ts";
import { hubApi } from "../setup/hub-api.ts";
import { processBatch } from "../../src/engine/run-batch.ts";
import { processEvent } from "../../src/engine/run-engine.ts";
import { assignNumbers } from "../../src/store/customer-numbers.ts";

interface Customer {
  id: number;
  customerNumber: string;
  firstName: string | null;
}
const countClients = async (hub: Awaited<ReturnType<typeof createTestHub>>) =>
  (await hub.ctx.db.query<{ n: number }>("select count(*)::int as n from clients"))[0]!.n;

describe.each(engines)("hub customer numbers, on $name", (engine) => {
  it("S5: a new hub customer takes the store's next free number; a typed number is kept, one in use is refused (409) and nothing is created; the number is searched exactly", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await api<Customer>("POST", "/v1/customers", { firstName: `N${i}` });
      expect(created.status).toBe(201);
      numbers.push(created.body.customerNumber);
    }
    expect(numbers).toEqual(["1", "2", "3", "4", "5"]);

    const typed = await api<Customer>("POST", "/v1/customers", {
      firstName: "Typed",
      customerNumber: "K-7781",
    });
    expect(typed.status).toBe(201);
    expect(typed.body.customerNumber).toBe("K-7781");
    // a typed number past the others: the next free number comes after it
    const high = await api<Customer>("POST", "/v1/customers", {
      firstName: "High",
      customerNumber: "500",
    });
    expect(high.body.customerNumber).toBe("500");
    const after = await api<Customer>("POST", "/v1/customers", { firstName: "After" });
    expect(after.body.customerNumber).toBe("501");

    const before = await countClients(hub);
    const taken = await api<{ error: { code: string; message: string } }>("POST", "/v1/customers", {
      firstName: "Second",
      customerNumber: "K-7781",
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/customerNumber: K-7781 is in use by customer \d+/);
    expect(await countClients(hub)).toBe(before);

    const bad = await api<{ error: { message: string } }>("POST", "/v1/customers", {
      firstName: "Bad",
      customerNumber: " 12",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/customerNumber/);

    const found = await api<{ customers: Customer[] }>("GET", "/v1/customers?q=K-7781");
    expect(found.body.customers.map((c) => c.id)).toEqual([typed.body.id]);
    // exactly: a part of a number is not a match
    const part = await api<{ customers: Customer[] }>("GET", "/v1/customers?q=K-778");
    expect(part.body.customers).toEqual([]);
    const shown = await api<Customer>("GET", `/v1/customers/${typed.body.id}`);
    expect(shown.body.customerNumber).toBe("K-7781");
    // an edit keeps it
    await api("PATCH", `/v1/customers/${typed.body.id}`, { lastName: "Kept" });
    expect((await api<Customer>("GET", `/v1/customers/${typed.body.id}`)).body.customerNumber).toBe(
      "K-7781",
    );
  });

  it("S5: customers the hub takes from a system keep the system's numbers where free; one held by a hub customer gets the next free number", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const integration = await addOfflineIntegration(hub);
    const held = await api<Customer>("POST", "/v1/customers", {
      firstName: "Holder",
      customerNumber: "10002",
    });
    await deliver(
      hub,
      integration,
      ...["10001", "10002", "10003", null].map((number, i) => ({
        ...posCustomer(`c_${i}`, 1, { firstName: `Pos${i}` }),
        number,
      })),
    );
    await drainInbox(hub);
    const rows = await hub.ctx.db.query<{ first_name: string; customer_number: string }>(
      "select first_name, customer_number from clients order by id",
    );
    const byName = Object.fromEntries(rows.map((r) => [r.first_name, r.customer_number]));
    expect(byName["Holder"]).toBe(held.body.customerNumber);
    expect(byName["Pos0"]).toBe("10001");
    // held by the hub's customer: the next free number, one past the highest given so far; the
    // next customer's own number is then held in turn (processed in order, one at a time)
    expect(byName["Pos1"]).toBe("10003");
    expect(byName["Pos2"]).toBe("10004");
    expect(byName["Pos3"]).toBe("10005");
    expect(new Set(rows.map((r) => r.customer_number)).size).toBe(rows.length);
  });

  it("S5: onboarding in batches (set-based creates) keeps the system's numbers where free, and numbers the rest after the highest, each once", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const integration = await addOfflineIntegration(hub);
    await api("POST", "/v1/customers", { firstName: "Holder", customerNumber: "20005" });
    const sent = Array.from({ length: 40 }, (_, i) => ({
      ...posCustomer(`b_${i}`, 1, { firstName: `Batch${i}` }),
      // every fourth has no number; one is held by the hub's customer; two share a number
      number: i % 4 === 3 ? null : i === 10 ? "20001" : String(20000 + i),
    }));
    await deliver(hub, integration, ...sent);
    const result = await processBatch(hub.ctx.db, () => hub.clock.now(), processEvent, {
      limit: 100,
    });
    expect(result.claimed).toBe(40);
    const rows = await hub.ctx.db.query<{ first_name: string; customer_number: string }>(
      "select first_name, customer_number from clients order by id",
    );
    expect(rows).toHaveLength(41);
    expect(new Set(rows.map((r) => r.customer_number)).size).toBe(41);
    const byName = Object.fromEntries(rows.map((r) => [r.first_name, r.customer_number]));
    const highest = 20000 + 38; // the highest number sent (i = 38)
    for (const [i, c] of sent.entries()) {
      const got = byName[`Batch${i}`]!;
      if (c.number !== null && c.number !== "20005" && !(i === 10)) expect(got).toBe(c.number);
      else expect(Number(got)).toBeGreaterThan(highest);
    }
  });

  it("S5: one call asking the same number for two new customers keeps it for the first only; the second takes the next free number", async () => {
    const hub = await createTestHub(await engine.open());
    const numbers = await assignNumbers(hub.ctx.db, hub.admin.storeId, ["77", "77", null, "78"]);
    expect(numbers[0]).toBe("77");
    expect(new Set(numbers).size).toBe(4);
    // 78 is wanted by a later entry and kept for it; the repeated 77 and the one without a number
    // take numbers past the highest kept
    expect(numbers.slice(1)).toEqual(["79", "80", "78"]);
  });

  it("S5: the store is the last word on numbers: a second customer of the store with a number is refused, whoever writes it, and at the same moment only one create with it succeeds, the others told why (409); another store may use it", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const first = await api<Customer>("POST", "/v1/customers", {
      firstName: "First",
      customerNumber: "U-1",
    });
    const second = await api<Customer>("POST", "/v1/customers", { firstName: "Second" });
    await expect(
      hub.ctx.db.query("update clients set customer_number = $1 where id = $2", [
        first.body.customerNumber,
        second.body.id,
      ]),
    ).rejects.toThrow(/clients_customer_number/);
    // creates racing for one number (truly at once on PostgreSQL): one customer has it
    const racing = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        api<Customer>("POST", "/v1/customers", { firstName: `Racer${i}`, customerNumber: "RACE" }),
      ),
    );
    expect(racing.filter((r) => r.status === "fulfilled" && r.value.status === 201)).toHaveLength(
      1,
    );
    // the others are told why (409, naming the number), never an internal error
    for (const r of racing)
      if (r.status === "fulfilled" && r.value.status !== 201) {
        expect(r.value.status).toBe(409);
        expect(JSON.stringify(r.value.body)).toMatch(/customerNumber: /);
      }
    const holders = await hub.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from clients where customer_number = 'RACE'",
    );
    expect(holders[0]!.n).toBe(1);
    // the number is unique in a store, not across stores
    const [other] = await hub.ctx.db.query<{ id: number }>(
      "insert into stores (name) values ('Other Store') returning id",
    );
    await hub.ctx.db.query(
      "insert into clients (store_id, first_name, customer_number) values ($1, 'Elsewhere', 'U-1')",
      [other!.id],
    );
  });

  it("S5, S11: a customer number counts in the sections exactly, as it lists", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const integration = await addOfflineIntegration(hub, { syncMode: "selected" });
    const typed = await api<Customer>("POST", "/v1/customers", {
      firstName: "Typed",
      customerNumber: "K-7781",
    });
    await api("POST", "/v1/customers", { firstName: "Other" });
    const sections = async (q: string) =>
      (
        await api<{ counts: Record<string, number> }>(
          "GET",
          `/v1/integrations/${integration}/sections?q=${q}`,
        )
      ).body.counts;
    expect((await sections("K-7781"))["unlinked"]).toBe(1);
    expect((await sections("K-778"))["unlinked"]).toBe(0);
    const listed = await api<{ customers: Customer[] }>(
      "GET",
      `/v1/customers?q=K-7781&integrationId=${integration}&status=unlinked`,
    );
    expect(listed.body.customers.map((c) => c.id)).toEqual([typed.body.id]);
  });
});
