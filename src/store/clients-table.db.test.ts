import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { applyFieldChanges, insertClient, readClient, readClients } from "./clients-table.ts";
import { addCollectionItem, wishListOf } from "./collections-table.ts";
import { closeConflict, openConflictsOf, upsertConflicts } from "./conflicts-table.ts";
import type { Db, Queryable } from "./database.ts";
import { insertLink, pairLinkItem } from "./links-table.ts";
import { readLinkViewReads } from "./link-view-reads.ts";
import { insertNote } from "./notes-table.ts";
import { insertHubProduct, upsertProduct } from "./products-table.ts";

/** The statements a piece of work runs through `db` (R8.5 counts round trips). */
async function statementsOf(db: Db, work: (q: Queryable) => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  await work({
    query: (sql, params) => {
      seen.push(sql);
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
  });
  return seen;
}

const nobody = { createdBy: null, assignedUserId: null, lifecycle: "active" as const };

describe.each(engines)("the clients table, on $name", (engine) => {
  it("R8.5: readClients reads each client with its contacts (by id), preferences (by name) and notes (by id) in one statement", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const now = hub.clock.now();
    const storeId = hub.admin.storeId;
    const ada = await insertClient(db, {
      storeId,
      ...nobody,
      customer: {
        firstName: "Ada",
        lastName: "Lovelace",
        acquisition: "store",
        // inserted phone first: the contacts come back in insertion (id) order, not by kind
        contacts: [
          { kind: "phone", value: "+1 415 555 0100" },
          { kind: "email", value: "ada@example.com" },
        ],
        preferences: { size: "M", colour: "blue", 7: "seven" },
      },
      country: "US",
      now,
    });
    const bare = await insertClient(db, {
      storeId,
      ...nobody,
      customer: {
        firstName: null,
        lastName: null,
        acquisition: null,
        contacts: [],
        preferences: {},
      },
      country: "US",
      now,
    });
    const second = await insertNote(db, ada, "second", null, now);
    const first = await insertNote(db, ada, "first", null, now);
    await applyFieldChanges(
      db,
      ada,
      { "contact.email.zed@example.com": "Zed@example.com" },
      "US",
      now,
    );

    const statements = await statementsOf(db, (q) => readClients(q, [ada, bare, 9_999_999]));
    expect(statements).toHaveLength(1);
    const clients = await readClients(db, [ada, bare, 9_999_999]);
    expect([...clients.keys()].sort()).toEqual([ada, bare].sort());
    expect(clients.get(ada)).toEqual({
      id: ada,
      storeId,
      customerNumber: "1",
      lifecycle: "active",
      assignedUserId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      customer: {
        firstName: "Ada",
        lastName: "Lovelace",
        acquisition: "store",
        contacts: [
          { kind: "phone", value: "+1 415 555 0100" },
          { kind: "email", value: "ada@example.com" },
          { kind: "email", value: "Zed@example.com" },
        ],
        preferences: { 7: "seven", colour: "blue", size: "M" },
        notes: [
          { id: String(second), body: "second" },
          { id: String(first), body: "first" },
        ],
      },
    });
    expect(Object.keys(clients.get(ada)!.customer.preferences)).toEqual(["7", "colour", "size"]);
    expect(clients.get(bare)!.customer).toEqual({
      firstName: null,
      lastName: null,
      acquisition: null,
      contacts: [],
      preferences: {},
      notes: [],
    });
    expect(await readClients(db, [])).toEqual(new Map());
  });

  it("R8.5: applyFieldChanges writes the names and updated_at in one update, preferences and contacts in a statement per kind of change", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const created = hub.clock.now();
    const id = await insertClient(db, {
      storeId: hub.admin.storeId,
      ...nobody,
      customer: {
        firstName: "Ada",
        lastName: "Byron",
        acquisition: "store",
        contacts: [
          { kind: "email", value: "ada@example.com" },
          { kind: "phone", value: "+1 415 555 0100" },
        ],
        preferences: { size: "M", colour: "blue", fit: "slim" },
      },
      country: "US",
      now: created,
    });
    hub.clock.advance(60_000);
    const now = hub.clock.now();
    const changes = {
      lastName: "Lovelace",
      acquisition: null,
      "pref.size": "L",
      "pref.colour": null,
      "pref.fit": null,
      "pref.shoe": "38",
      "contact.email.ada@example.com": null,
      "contact.email.ada.king@example.com": "Ada.King@example.com",
      "contact.phone.+14155550199": "+1 415 555 0199",
    };
    const statements = await statementsOf(db, (q) => applyFieldChanges(q, id, changes, "US", now));
    // preferences removed, preferences set, contacts removed, contacts added, the clients row
    expect(statements).toHaveLength(5);
    expect((await readClient(db, id))!).toMatchObject({
      createdAt: created,
      updatedAt: now,
      customer: {
        firstName: "Ada",
        lastName: "Lovelace",
        acquisition: null,
        contacts: [
          { kind: "phone", value: "+1 415 555 0100" },
          { kind: "email", value: "Ada.King@example.com" },
          { kind: "phone", value: "+1 415 555 0199" },
        ],
        preferences: { shoe: "38", size: "L" },
      },
    });

    // a name alone: one statement, with updated_at; no changes at all still touch updated_at
    hub.clock.advance(60_000);
    expect(
      await statementsOf(db, (q) =>
        applyFieldChanges(q, id, { firstName: "Augusta" }, "US", hub.clock.now()),
      ),
    ).toHaveLength(1);
    hub.clock.advance(60_000);
    await applyFieldChanges(db, id, {}, "US", hub.clock.now());
    expect(await readClient(db, id)).toMatchObject({
      updatedAt: hub.clock.now(),
      customer: { firstName: "Augusta", lastName: "Lovelace" },
    });
    await expect(applyFieldChanges(db, id, { nickname: "x" }, "US", now)).rejects.toThrow(
      "unknown field path 'nickname'",
    );
  });

  it("R8.5: a link's item pairs, its client's wish list and its open conflicts are read in one statement, as the separate reads hold them", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    const now = hub.clock.now();
    const storeId = hub.admin.storeId;
    const customer = {
      firstName: "Ada",
      lastName: null,
      acquisition: null,
      contacts: [],
      preferences: {},
    };
    const newClient = () => insertClient(db, { storeId, ...nobody, customer, country: "US", now });
    const ada = await newClient();
    const other = await newClient();
    const link = await insertLink(db, {
      integrationId,
      clientId: ada,
      externalId: null,
      status: "unlinked",
      syncEnabled: true,
      now,
    });
    const otherLink = await insertLink(db, {
      integrationId,
      clientId: other,
      externalId: null,
      status: "unlinked",
      syncEnabled: true,
      now,
    });
    const scarf = await insertHubProduct(db, storeId, "Scarf", now);
    const boots = await upsertProduct(db, {
      storeId,
      integrationId,
      externalKey: "inventory:inv_7",
      origin: "inventory",
      sku: null,
      name: "Boots",
      category: null,
      vendor: null,
      inventoryType: null,
      price: null,
      archived: false,
      externalVersion: 1,
      now,
    });
    const wishScarf = await addCollectionItem(db, ada, "Wish list", scarf, now);
    const wishBoots = await addCollectionItem(db, ada, "Wish list", boots, now);
    await addCollectionItem(db, ada, "Gifts", boots, now);
    await addCollectionItem(db, other, "Wish list", scarf, now);
    await pairLinkItem(db, link, "note", 11, "n_11");
    await pairLinkItem(db, link, "note", 12, "n_12");
    await pairLinkItem(db, link, "wish", wishBoots, "w_1");
    await pairLinkItem(db, otherLink, "note", 13, "n_13");
    await upsertConflicts(
      db,
      link.id,
      [
        { path: "lastName", base: undefined, hub: "Byron", external: "Lovelace" },
        { path: "firstName", base: "Ada", hub: "Augusta", external: undefined },
        { path: "pref.size", base: "M", hub: "L", external: "S" },
      ],
      now,
    );
    await upsertConflicts(
      db,
      otherLink.id,
      [{ path: "firstName", base: undefined, hub: "A", external: "B" }],
      now,
    );
    const [resolved] = (await openConflictsOf(db, link.id)).filter((c) => c.field === "pref.size");
    await closeConflict(db, resolved!.id, "system", { converged: "S" }, now);

    expect(
      await statementsOf(db, (q) => readLinkViewReads(q, link, ada, "Wish list")),
    ).toHaveLength(1);
    const reads = await readLinkViewReads(db, link, ada, "Wish list");
    expect(reads.wishes).toEqual(await wishListOf(db, ada, "Wish list"));
    expect(reads.wishes).toEqual([
      { id: String(wishScarf), inventoryId: null, description: "Scarf" },
      { id: String(wishBoots), inventoryId: "inv_7", description: "Boots" },
    ]);
    expect(reads.openConflicts).toEqual(await openConflictsOf(db, link.id));
    expect(
      reads.openConflicts.map((c) => [c.field, c.baseValue, c.hubValue, c.externalValue]),
    ).toEqual([
      ["firstName", "Ada", "Augusta", null],
      ["lastName", null, "Byron", "Lovelace"],
    ]);
    expect(reads.openConflicts[0]!.openedAt).toEqual(now);
    expect(reads.itemKeys).toEqual({
      note: new Map([
        [11, "n_11"],
        [12, "n_12"],
      ]),
      wish: new Map([[wishBoots, "w_1"]]),
    });
    // a link with nothing of either
    const bare = await readLinkViewReads(db, otherLink, ada, "No such list");
    expect(bare.wishes).toEqual([]);
    expect(bare.itemKeys).toEqual({ note: new Map([[13, "n_13"]]), wish: new Map() });
    expect(bare.openConflicts.map((c) => c.field)).toEqual(["firstName"]);
  });
});
