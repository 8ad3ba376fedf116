import { describe, expect, it } from "vitest";
import { integrationOptionsSchema } from "../../src/domain/integration-options.ts";
import { createCustomer } from "../../src/services/customers.ts";
import { setExternalExclusion } from "../../src/services/external-customers.ts";
import { engines } from "../setup/database.ts";
import { hubApi } from "../setup/hub-api.ts";
import {
  addOfflineIntegration,
  createTestHub,
  drainInbox,
  deliver,
  posCustomer,
} from "../setup/hub.ts";

interface Suggestions {
  suggestions: Array<{ clientId: number; externalId: string; score: number; reasons: string[] }>;
  next: string | null;
}

describe.each(engines)("partner suggestions, on $name", (engine) => {
  it("S8: customers without a partner on both sides are suggested with a score and reasons; excluded ones never; a user confirms many at once, each pair or its reason", async () => {
    const hub = await createTestHub(await engine.open());
    const integration = await addOfflineIntegration(
      hub,
      integrationOptionsSchema.parse({
        webhooks: false,
        syncMode: "selected",
        pushNewCustomers: false,
      }),
    );
    const phone = (value: string) => ({ kind: "phone" as const, value });
    const email = (value: string) => ({ kind: "email" as const, value });
    const address = (value: string) => ({ kind: "address" as const, value });
    const robert = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Robert",
      lastName: "Smith",
      contacts: [phone("(212) 555-0101"), address("12 Main Street, Springfield, IL 62704")],
    });
    const karen = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Karen",
      lastName: "Olsen",
      contacts: [email("karen.olsen@example.com"), phone("(312) 555-0199")],
    });
    await deliver(
      hub,
      integration,
      posCustomer("c_bob", 1, {
        firstName: "Bob",
        lastName: "Smith",
        contacts: [phone("212.555.0101"), address("12 Main St, Springfield IL 62704")],
      }),
      posCustomer("c_karen", 1, {
        firstName: "Karen",
        lastName: "Olsen",
        contacts: [email("Karen.Olsen@example.com"), phone("312-555-0199")],
      }),
      posCustomer("c_maria", 1, { firstName: "Maria", lastName: "Gomez" }),
    );
    await drainInbox(hub);
    const api = hubApi(hub);
    const base = `/v1/integrations/${integration}`;

    const first = await api<Suggestions>("GET", `${base}/partner-suggestions`);
    expect(first.status).toBe(200);
    const pairs = first.body.suggestions.map((s) => [s.clientId, s.externalId]);
    expect(pairs.sort()).toEqual(
      [
        [karen.id, "c_karen"],
        [robert.id, "c_bob"],
      ].sort(),
    );
    const bob = first.body.suggestions.find((s) => s.externalId === "c_bob")!;
    expect(bob.score).toBeGreaterThanOrEqual(0.9);
    expect(bob.reasons).toContain("same phone");

    // R11.3: one customer's suggestion, as the console's profile asks for it
    const robertOnly = await api<Suggestions>(
      "GET",
      `${base}/partner-suggestions?clientId=${robert.id}`,
    );
    expect(robertOnly.body.suggestions.map((s) => [s.clientId, s.externalId])).toEqual([
      [robert.id, "c_bob"],
    ]);
    const nobody = await api<Suggestions>("GET", `${base}/partner-suggestions?clientId=999999`);
    expect(nobody.body.suggestions).toEqual([]);

    // an excluded record is never suggested (S9)
    await setExternalExclusion(hub.ctx, hub.admin, integration, "c_karen", true);
    const second = await api<Suggestions>("GET", `${base}/partner-suggestions`);
    expect(second.body.suggestions.map((s) => s.externalId)).toEqual(["c_bob"]);

    // confirmed at once: the one that can be made is, the other says why not
    const confirmed = await api<{
      results: Array<{ status: string | null; error: { code: string } | null }>;
    }>("POST", `${base}/partners`, {
      pairs: [
        { clientId: robert.id, externalId: "c_bob" },
        { clientId: karen.id, externalId: "c_karen" },
      ],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.results.map((r) => r.error?.code ?? r.status)).toEqual([
      "conflict",
      "conflict",
    ]);
    const [made, refused] = confirmed.body.results;
    expect(made!.error).toBeNull();
    expect(refused!.status).toBeNull();
    expect((await api<Suggestions>("GET", `${base}/partner-suggestions`)).body.suggestions).toEqual(
      [],
    );
    const bad = await api("POST", `${base}/partners`, { pairs: [] });
    expect(bad.status).toBe(400);
  });

  it("S8: suggestions come a page at a time, each page resuming after the last one shown, so a pair linked between pages shifts nothing; a made-up `after` is refused", async () => {
    const hub = await createTestHub(await engine.open());
    const integration = await addOfflineIntegration(
      hub,
      integrationOptionsSchema.parse({
        webhooks: false,
        syncMode: "selected",
        pushNewCustomers: false,
      }),
    );
    const people = [
      ["Ada", "Lovelace"],
      ["Grace", "Hopper"],
      ["Karen", "Olsen"],
      ["Alan", "Turing"],
    ] as const;
    for (const [i, [firstName, lastName]] of people.entries()) {
      const email = { kind: "email" as const, value: `${firstName}.${lastName}@example.com` };
      const phone = { kind: "phone" as const, value: `(212) 555-01${10 + i}` };
      await createCustomer(hub.ctx, hub.admin, { firstName, lastName, contacts: [email, phone] });
      await deliver(
        hub,
        integration,
        posCustomer(`c_${i}`, 1, { firstName, lastName, contacts: [email, phone] }),
      );
    }
    await drainInbox(hub);
    const api = hubApi(hub);
    const url = `/v1/integrations/${integration}/partner-suggestions`;
    const whole = (await api<Suggestions>("GET", url)).body;
    expect(whole.suggestions).toHaveLength(4);
    expect(whole.next).toBeNull();

    const first = (await api<Suggestions>("GET", `${url}?limit=2`)).body;
    expect(first.suggestions).toEqual(whole.suggestions.slice(0, 2));
    expect(first.next).toEqual(expect.any(String));
    // the first page's first pair is linked before the second page is read: it still starts
    // with the third (an offset of 2 would skip it)
    const [made] = whole.suggestions;
    await api("POST", `/v1/integrations/${integration}/partners`, {
      pairs: [{ clientId: made!.clientId, externalId: made!.externalId }],
    });
    const second = (await api<Suggestions>("GET", `${url}?limit=2&after=${first.next}`)).body;
    expect(second.suggestions).toEqual(whole.suggestions.slice(2, 4));
    expect(second.next).toBeNull();

    const forged = await api<{ error: { message: string } }>("GET", `${url}?after=12`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/after.*not a `next` this route gave/);
  });
});
