import { describe, expect, it } from "vitest";
import type { Connector, WebhookDelivery } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";

/**
 * What every connector must do, run against its simulator (the pattern of hono's
 * `common.case.test.ts`). `setup` starts a fresh simulator and returns a connector pointed at it,
 * plus a way to act in the external system as its own users would.
 */
export interface ContractSetup {
  connector: Connector;
  /** creates a customer directly in the external system (as its staff would) */
  createExternally(customer: { firstName: string; email: string }): Promise<string>;
  /** changes a customer's first name directly in the external system */
  renameExternally(id: string, firstName: string): Promise<void>;
  /** every customer of the external system, read as its staff would (not through the connector) */
  listExternally(): Promise<Array<{ id: string; firstName: string | null }>>;
  /** the same connector with other credentials, e.g. a wrong API key */
  connectWithKey(apiKey: string): Connector;
  /** for a connector with webhooks: a delivery the system would send, signed for `at` */
  signedDelivery?(at: Date): WebhookDelivery;
  close(): Promise<void>;
}

export function connectorContract(name: string, setup: () => Promise<ContractSetup>) {
  describe(`connector contract: ${name}`, () => {
    const customer = (email: string) => ({
      firstName: "Ada",
      lastName: "Lovelace",
      acquisition: "Walk-in",
      contacts: [{ kind: "email" as const, value: email }],
      preferences: {},
    });

    it("pings", async () => {
      const s = await setup();
      expect((await s.connector.source.ping()).name).toBeTruthy();
      await s.close();
    });

    it("S2: creates a customer once per idempotency key and finds it by normalised email", async () => {
      const s = await setup();
      const a = await s.connector.sink.createCustomer(customer("ada@example.com"), {
        idempotencyKey: "k1",
      });
      const b = await s.connector.sink.createCustomer(customer("ada@example.com"), {
        idempotencyKey: "k1",
      });
      expect(b.id).toBe(a.id);
      const found = await s.connector.source.findByEmail(" ADA@example.com ");
      expect(found.map((c) => c.id)).toEqual([a.id]);
      expect(found[0]!.customer.firstName).toBe("Ada");
      await s.close();
    });

    it("S4: the changes feed pages from a cursor, each change once, versions increasing", async () => {
      const s = await setup();
      for (let i = 0; i < 5; i++)
        await s.createExternally({ firstName: `C${i}`, email: `c${i}@example.com` });
      const seen: string[] = [];
      let cursor: string | null = null;
      let last = 0;
      for (let guard = 0; guard < 10; guard++) {
        const page = await s.connector.source.pollChanges(cursor, 2);
        for (const c of page.customers) {
          expect(c.version).toBeGreaterThan(last);
          last = c.version;
          seen.push(c.id);
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(new Set(seen).size).toBe(5);
      expect((await s.connector.source.pollChanges(cursor, 2)).customers).toEqual([]);
      await s.close();
    });

    it("F12: a conditional write is refused when the external value changed, and the current state comes back", async () => {
      const s = await setup();
      const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
      await s.renameExternally(id, "Adah");
      const result = await s.connector.sink.updateCustomer(
        id,
        { set: { firstName: "Augusta" }, expect: { firstName: "Ada" }, addContacts: [] },
        { idempotencyKey: "k2" },
      );
      expect(result.ok).toBe(false);
      expect(result.customer.customer.firstName).toBe("Adah");
      const ok = await s.connector.sink.updateCustomer(
        id,
        {
          set: { firstName: "Augusta" },
          expect: { firstName: "Adah" },
          addContacts: [{ kind: "email", value: "augusta@example.com" }],
        },
        { idempotencyKey: "k3" },
      );
      expect(ok.ok).toBe(true);
      expect(ok.customer.customer.firstName).toBe("Augusta");
      expect(ok.customer.customer.contacts.map((c) => c.value)).toEqual([
        "ada@example.com",
        "augusta@example.com",
      ]);
      await s.close();
    });

    it("reports a missing customer as null", async () => {
      const s = await setup();
      expect(await s.connector.source.getCustomer("does-not-exist")).toBeNull();
      await s.close();
    });

    it("I1: a wrong API key is refused as unauthorized, reads and writes alike, and nothing is written", async () => {
      const s = await setup();
      const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
      const before = await s.listExternally();
      const bad = s.connectWithKey(`wrong-${Math.random().toString(36).slice(2)}`);
      const refusal = async (call: () => Promise<unknown>) => {
        const error = await call().then(
          () => new Error("the call with a wrong key succeeded"),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConnectorError);
        return (error as ConnectorError).code;
      };
      expect(await refusal(() => bad.source.ping())).toBe("unauthorized");
      // a wrong key is not "no such customer"
      expect(await refusal(() => bad.source.getCustomer(id))).toBe("unauthorized");
      expect(await refusal(() => bad.source.pollChanges(null, 10))).toBe("unauthorized");
      expect(
        await refusal(() =>
          bad.sink.createCustomer(customer("eve@example.com"), { idempotencyKey: "k9" }),
        ),
      ).toBe("unauthorized");
      expect(
        await refusal(() =>
          bad.sink.updateCustomer(
            id,
            { set: { firstName: "Eve" }, expect: { firstName: "Ada" }, addContacts: [] },
            { idempotencyKey: "k10" },
          ),
        ),
      ).toBe("unauthorized");
      expect(await s.listExternally()).toEqual(before);
      await s.close();
    });

    it("S4: a webhook delivery is accepted only with a matching signature and a fresh timestamp, each checked alone", async () => {
      const s = await setup();
      const webhook = s.connector.webhook;
      if (!webhook || !s.signedDelivery) return void (await s.close());
      const now = new Date();
      const codeOf = (delivery: WebhookDelivery) => {
        try {
          webhook.parse(delivery, now);
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError);
          return (error as ConnectorError).code;
        }
        return "accepted";
      };
      expect(codeOf(s.signedDelivery(now))).toBe("accepted");
      // correctly signed an hour ago: a replay
      expect(codeOf(s.signedDelivery(new Date(now.getTime() - 3600_000)))).toBe("unauthorized");
      // fresh, but the body changed after signing
      const fresh = s.signedDelivery(now);
      expect(codeOf({ ...fresh, rawBody: `${fresh.rawBody} ` })).toBe("unauthorized");
      await s.close();
    });
  });
}
