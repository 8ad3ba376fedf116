import { describe, expect, it } from "vitest";
import { wishValue } from "../../domain/customer.ts";
import { flowOf, profileFor, profileNames } from "../../domain/policy.ts";
import type { Connector, CustomerOperation, WebhookDelivery } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";
import { allPages } from "./feed-page.ts";
import type { Manifest } from "./manifest.ts";

/**
 * R8.2: what every connector must do, run against its simulator (the pattern of hono's
 * `common.case.test.ts`), and only what its manifest claims: a lookup by email is tested where the
 * manifest says the system has one, writes where it `writes`, wrong credentials where its
 * credentials schema has a field, the feed it has (poll or fullScan), the webhook's replay window
 * where `webhookTimestamps`; the manifest is checked against the connector where that can be
 * seen. `<kind>.case.test.ts` supplies only `setup`: a fresh simulator and a connector built by
 * its definition (so the kit's read-before-write is in place where the manifest says so), plus
 * ways to act in the external system as its own users would.
 */
export interface ContractSetup {
  connector: Connector;
  /** the settings `connector` was built with, as an admin gives them (without generated secrets) */
  settings: { credentials: Record<string, unknown>; options: Record<string, unknown> };
  /** creates a customer directly in the external system (as its staff would) */
  createExternally(customer: { firstName: string; email: string }): Promise<string>;
  /** changes a customer's first name directly in the external system */
  renameExternally(id: string, firstName: string): Promise<void>;
  /** every customer of the external system, read as its staff would (not through the connector) */
  listExternally(): Promise<Array<{ id: string; firstName: string | null }>>;
  /** where the credentials schema has a field: the same connector with credentials the system refuses */
  connectRefused?(): Connector;
  /** where the manifest claims webhooks: a delivery the system would send, signed for `at` */
  signedDelivery?(at: Date): WebhookDelivery;
  close(): Promise<void>;
}

export function connectorContract(
  name: string,
  manifest: Manifest,
  setup: () => Promise<ContractSetup>,
) {
  const claims = {
    webhook: manifest.feeds.includes("webhook"),
    webhookTimestamps: manifest.webhookTimestamps,
    poll: manifest.feeds.includes("poll"),
    fullScan: manifest.feeds.includes("fullScan"),
    email: manifest.lookups.email,
    number: manifest.lookups.number,
    writes: manifest.writes,
    storesRef: manifest.storesRef,
    idempotency: manifest.idempotencyKeys,
    notes: manifest.records.includes("notes"),
    wishes: manifest.records.includes("wishes"),
    credentials: Object.keys(manifest.credentials.shape).length > 0,
  };
  const readsFeed = claims.poll || claims.fullScan;
  const customer = (email: string) => ({
    firstName: "Ada",
    lastName: "Lovelace",
    acquisition: "Walk-in",
    contacts: [{ kind: "email" as const, value: email }],
    preferences: {},
  });
  /** the options of a create: a number where the hub picks them */
  const createOptions = (key: string, number: string) => ({
    idempotencyKey: key,
    ...(manifest.customerNumbers === "ours" ? { number } : {}),
  });
  const update = (s: ContractSetup, id: string, ops: CustomerOperation[], key: string) =>
    s.connector.sink.updateCustomer(id, ops, { idempotencyKey: key });

  describe(`connector contract: ${name}`, () => {
    it("R8.2: the manifest is honest: every capability it claims is there, and none it does not", async () => {
      const s = await setup();
      const { source, sink, webhook } = s.connector;
      expect(s.connector.manifest).toBe(manifest);
      expect(typeof source.findByEmail === "function").toBe(manifest.lookups.email);
      expect(typeof source.findByNumber === "function").toBe(manifest.lookups.number);
      expect(webhook !== undefined).toBe(claims.webhook);
      expect(s.signedDelivery !== undefined).toBe(claims.webhook);
      expect(s.connectRefused !== undefined).toBe(claims.credentials);
      expect(source.feeds.sales !== undefined).toBe(manifest.records.includes("sales"));
      expect(source.feeds.inventory !== undefined).toBe(manifest.records.includes("inventory"));
      expect(sink.addActivity !== undefined).toBe(manifest.records.includes("activity"));
      // a webhook alone is a way in too (capture receives it); defineConnector refuses none at all
      expect(manifest.feeds.length).toBeGreaterThan(0);
      // the profile decides only for what the system holds (domain/policy.ts)
      expect(profileNames).toContain(manifest.profile);
      const fields = profileFor(manifest.profile);
      expect(fields.note.outbound !== "ignore").toBe(claims.notes);
      expect(fields.wish.outbound !== "ignore").toBe(claims.wishes);
      const flows = (record: "sale" | "inventory" | "message") =>
        flowOf(manifest.profile, record).direction !== "none";
      expect(flows("sale")).toBe(manifest.records.includes("sales"));
      expect(flows("inventory")).toBe(manifest.records.includes("inventory"));
      expect(flows("message")).toBe(manifest.records.includes("activity"));
      await s.close();
    });

    it("R8.2: its settings are checked strictly: valid ones fit, and an unknown field beside them is refused by name", async () => {
      const s = await setup();
      const schemas = [
        [manifest.credentials, s.settings.credentials],
        [manifest.options, s.settings.options],
      ] as const;
      for (const [schema, valid] of schemas) {
        expect(schema.safeParse(valid).success).toBe(true);
        const refused = schema.safeParse({ ...valid, unknownField: 1 });
        expect(refused.error?.issues).toEqual([
          expect.objectContaining({ code: "unrecognized_keys", keys: ["unknownField"] }),
        ]);
      }
      await s.close();
    });

    it("R8.2: pings", async () => {
      const s = await setup();
      expect((await s.connector.source.ping()).name).toBeTruthy();
      await s.close();
    });

    it.runIf(claims.writes)("S2: creates a customer, read back as written", async () => {
      const s = await setup();
      const created = await s.connector.sink.createCustomer(
        customer("ada@example.com"),
        createOptions("k1", "T1"),
      );
      const read = await s.connector.source.getCustomer(created.id);
      expect(read?.customer).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
      expect(read?.customer.contacts.map((c) => c.value)).toEqual(["ada@example.com"]);
      if (manifest.customerNumbers === "ours") expect(read?.number).toBe("T1");
      expect((await s.listExternally()).map((c) => c.id)).toEqual([created.id]);
      await s.close();
    });

    it.runIf(claims.writes && claims.idempotency)(
      "S2: a create repeated with its idempotency key is done once",
      async () => {
        const s = await setup();
        const a = await s.connector.sink.createCustomer(customer("ada@example.com"), {
          ...createOptions("k1", "T1"),
        });
        const b = await s.connector.sink.createCustomer(customer("ada@example.com"), {
          ...createOptions("k1", "T1"),
        });
        expect(b.id).toBe(a.id);
        expect(await s.listExternally()).toHaveLength(1);
        await s.close();
      },
    );

    it.runIf(claims.email)("S2: finds a customer by normalised email", async () => {
      const s = await setup();
      const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
      await s.createExternally({ firstName: "Grace", email: "grace@example.com" });
      const found = await s.connector.source.findByEmail!(" ADA@example.com ");
      expect(found.map((c) => c.id)).toEqual([id]);
      expect(found[0]!.customer.firstName).toBe("Ada");
      await s.close();
    });

    it.runIf(claims.number)("S5: finds a customer by its number", async () => {
      const s = await setup();
      const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
      const { number } = (await s.connector.source.getCustomer(id))!;
      expect(number).toBeTruthy();
      const found = await s.connector.source.findByNumber!(number!);
      expect(found?.id).toBe(id);
      expect(found?.customer.firstName).toBe("Ada");
      expect(await s.connector.source.findByNumber!("no-such-number")).toBeNull();
      await s.close();
    });

    it.runIf(claims.writes && claims.storesRef)(
      "S5: a customer created with our ref gives it back (by id, and by number where it has that lookup)",
      async () => {
        const s = await setup();
        const created = await s.connector.sink.createCustomer(customer("ada@example.com"), {
          ...createOptions("k1", "T7"),
          ref: "tandem:7",
        });
        expect((await s.connector.source.getCustomer(created.id))?.ref).toBe("tandem:7");
        if (claims.number) {
          const found = await s.connector.source.findByNumber!(created.number!);
          expect(found?.id).toBe(created.id);
          expect(found?.ref).toBe("tandem:7");
        }
        await s.close();
      },
    );

    it.runIf(claims.poll)(
      "S4: the customers' feed pages from a cursor, each change once, versions increasing",
      async () => {
        const s = await setup();
        for (let i = 0; i < 5; i++)
          await s.createExternally({ firstName: `C${i}`, email: `c${i}@example.com` });
        const seen: string[] = [];
        let last = 0;
        let cursor: string | null = null;
        for await (const page of allPages(s.connector.source.feeds.customers, null, 2, 10)) {
          for (const c of page.records) {
            expect(c.version).toBeGreaterThan(last);
            last = c.version;
            seen.push(c.id);
          }
          cursor = page.cursor;
        }
        expect(new Set(seen).size).toBe(5);
        expect((await s.connector.source.feeds.customers(cursor, 2)).records).toEqual([]);
        // a change after the last page comes on the next
        await s.renameExternally(seen[0]!, "Changed");
        const next = await s.connector.source.feeds.customers(cursor, 2);
        expect(next.records.map((c) => [c.id, c.customer.firstName])).toEqual([
          [seen[0], "Changed"],
        ]);
        await s.close();
      },
    );

    it.runIf(claims.fullScan)(
      "R8.2: a full scan reads every record once, and reads the same again until one changes",
      async () => {
        const s = await setup();
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
          ids.push(await s.createExternally({ firstName: `C${i}`, email: `c${i}@example.com` }));
        const scan = async () => {
          const read: Array<[string, number]> = [];
          for await (const page of allPages(s.connector.source.feeds.customers, null, 2, 50))
            for (const c of page.records) read.push([c.id, c.version]);
          expect(new Set(read.map(([id]) => id)).size).toBe(read.length);
          return read.sort(([a], [b]) => a.localeCompare(b));
        };
        const first = await scan();
        expect(first.map(([id]) => id)).toEqual([...ids].sort());
        expect(await scan()).toEqual(first);
        // a change shows as a higher version of that record only
        await s.renameExternally(ids[2]!, "Changed");
        const third = await scan();
        expect(third.map(([id]) => id)).toEqual(first.map(([id]) => id));
        for (const [n, [id, version]] of third.entries())
          if (id === ids[2]) expect(version).toBeGreaterThan(first[n]![1]);
          else expect(version).toBe(first[n]![1]);
        await s.close();
      },
    );

    it.runIf(claims.writes)(
      `F12: a write is refused when the value it replaces changed at the system, and the current state comes back (${manifest.conditionalWrites ? "the system's conditional write" : "the kit's read-before-write"})`,
      async () => {
        const s = await setup();
        const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
        await s.renameExternally(id, "Adah");
        const rename = (expected: string): CustomerOperation => ({
          op: "setName",
          field: "firstName",
          value: "Augusta",
          expected,
        });
        const refused = await update(s, id, [rename("Ada")], "k2");
        expect(refused.ok).toBe(false);
        expect(refused.customer.customer.firstName).toBe("Adah");
        // nothing of a refused write is done, not even its additions
        const added = {
          op: "addContact",
          contact: { kind: "email", value: "augusta@example.com" },
        };
        expect((await update(s, id, [rename("Ada"), added as CustomerOperation], "k3")).ok).toBe(
          false,
        );
        expect((await s.listExternally()).find((c) => c.id === id)?.firstName).toBe("Adah");
        const ok = await update(s, id, [rename("Adah"), added as CustomerOperation], "k4");
        expect(ok.ok).toBe(true);
        expect(ok.customer.customer.firstName).toBe("Augusta");
        expect(ok.customer.customer.contacts.map((c) => c.value)).toEqual([
          "ada@example.com",
          "augusta@example.com",
        ]);
        expect(ok.customer.version).toBeGreaterThan(refused.customer.version);
        await s.close();
      },
    );

    it.runIf(claims.writes && claims.notes)(
      "F5: a note is added with its ref and edited with its expected body",
      async () => {
        const s = await setup();
        const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
        const added = await update(s, id, [{ op: "addNote", ref: "tandem:1", body: "hi" }], "k5");
        const note = added.customer.customer.notes?.find((n) => n.ref === "tandem:1");
        expect(note?.body).toBe("hi");
        const edit = (expected: string) =>
          update(
            s,
            id,
            [{ op: "setNote", id: note!.id, body: "hello", expected }],
            `k-${expected}`,
          );
        expect((await edit("other")).ok).toBe(false);
        const edited = await edit("hi");
        expect(edited.customer.customer.notes?.find((n) => n.id === note!.id)?.body).toBe("hello");
        await s.close();
      },
    );

    it.runIf(claims.writes && claims.wishes)(
      "F4: a wish is added with its ref, changed and removed with its expected value",
      async () => {
        const s = await setup();
        const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
        const ring = { inventoryId: null, description: "a ring" };
        const added = await update(s, id, [{ op: "addWish", ref: "tandem:2", wish: ring }], "k6");
        const wish = added.customer.customer.wishes?.find((w) => w.ref === "tandem:2");
        expect(wish && wishValue(wish)).toBe(wishValue(ring));
        const watch = { inventoryId: null, description: "a watch" };
        const stale = await update(
          s,
          id,
          [{ op: "setWish", id: wish!.id, wish: watch, expected: watch }],
          "k7",
        );
        expect(stale.ok).toBe(false);
        const set = await update(
          s,
          id,
          [{ op: "setWish", id: wish!.id, wish: watch, expected: ring }],
          "k8",
        );
        expect(set.customer.customer.wishes?.map((w) => w.description)).toEqual(["a watch"]);
        const removed = await update(
          s,
          id,
          [{ op: "removeWish", id: wish!.id, expected: watch }],
          "k9",
        );
        expect(removed.customer.customer.wishes ?? []).toEqual([]);
        await s.close();
      },
    );

    it("R8.2: reports a missing customer as null", async () => {
      const s = await setup();
      expect(await s.connector.source.getCustomer("does-not-exist")).toBeNull();
      await s.close();
    });

    it.runIf(claims.credentials)(
      "I1: wrong credentials are refused as unauthorized, reads and writes alike, and nothing is written",
      async () => {
        const s = await setup();
        const id = await s.createExternally({ firstName: "Ada", email: "ada@example.com" });
        const before = await s.listExternally();
        const bad = s.connectRefused!();
        const refusal = async (call: () => Promise<unknown>) => {
          const error = await call().then(
            () => new Error("the call with wrong credentials succeeded"),
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ConnectorError);
          return (error as ConnectorError).code;
        };
        expect(await refusal(() => bad.source.ping())).toBe("unauthorized");
        // wrong credentials are not "no such customer"
        expect(await refusal(() => bad.source.getCustomer(id))).toBe("unauthorized");
        if (readsFeed)
          expect(await refusal(() => bad.source.feeds.customers(null, 10))).toBe("unauthorized");
        if (claims.email)
          expect(await refusal(() => bad.source.findByEmail!("ada@example.com"))).toBe(
            "unauthorized",
          );
        if (claims.writes) {
          expect(
            await refusal(() =>
              bad.sink.createCustomer(customer("eve@example.com"), createOptions("k9", "T9")),
            ),
          ).toBe("unauthorized");
          expect(
            await refusal(() =>
              bad.sink.updateCustomer(
                id,
                [{ op: "setName", field: "firstName", value: "Eve", expected: "Ada" }],
                { idempotencyKey: "k10" },
              ),
            ),
          ).toBe("unauthorized");
        }
        expect(await s.listExternally()).toEqual(before);
        await s.close();
      },
    );

    /** what the connector's webhook makes of a delivery received at `now` */
    const codeOf = (s: ContractSetup, delivery: WebhookDelivery, now: Date) => {
      try {
        s.connector.webhook!.parse(delivery, now);
      } catch (error) {
        expect(error).toBeInstanceOf(ConnectorError);
        return (error as ConnectorError).code;
      }
      return "accepted";
    };

    it.runIf(claims.webhook)(
      "S4: a webhook delivery is accepted only with a matching signature",
      async () => {
        const s = await setup();
        const now = new Date();
        expect(codeOf(s, s.signedDelivery!(now), now)).toBe("accepted");
        // the body changed after signing
        const signed = s.signedDelivery!(now);
        expect(codeOf(s, { ...signed, rawBody: `${signed.rawBody} ` }, now)).toBe("unauthorized");
        await s.close();
      },
    );

    it.runIf(claims.webhook && claims.webhookTimestamps)(
      "S4: a correctly signed webhook delivery with a stale timestamp is refused as a replay",
      async () => {
        const s = await setup();
        const now = new Date();
        expect(codeOf(s, s.signedDelivery!(now), now)).toBe("accepted");
        // correctly signed an hour ago
        const replay = s.signedDelivery!(new Date(now.getTime() - 3600_000));
        expect(codeOf(s, replay, now)).toBe("unauthorized");
        // the same delivery, received when it was fresh
        expect(codeOf(s, replay, new Date(now.getTime() - 3600_000))).toBe("accepted");
        await s.close();
      },
    );
  });
}
