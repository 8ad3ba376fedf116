import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import type { ContactKind } from "../domain/normalize.ts";
import {
  countClientsByStatus,
  listClientIds,
  readClientPage,
  syncStatesOf,
} from "./client-list.ts";
import { insertClient, readClients } from "./clients-table.ts";
import type { Queryable } from "./database.ts";
import { insertLink, linkToPartner, settleMerge } from "./links-table.ts";
import { insertNote } from "./notes-table.ts";

const people: Array<[string | null, string | null, Array<[ContactKind, string]>]> = [
  ["Ada", "Lovelace", [["email", "ada@example.com"]]],
  [null, "Berg", [["phone", "+1 212 555 0100"]]],
  ["Ann", null, []],
  [null, null, [["phone", "+1 555 0100"]]],
  ["Mary-Ann", "O'Neil", [["email", "mary_ann@x.org"]]],
  ["100%", "Pure", []],
  ["ÅSA", "Öberg", [["address", "Storgatan 1, Malmö"]]],
  ["Back\\slash", "Name", []],
  [
    "Bob",
    "Smith",
    [
      ["email", "bob.smith@a.com"],
      ["email", "smith@b.com"],
    ],
  ],
  ...Array.from({ length: 7 }, (_, i): [string, string, Array<[ContactKind, string]>] => [
    `Kim${i}`,
    i % 2 ? "Smith" : "Smithson",
    [["email", `kim${i}@smith.example`]],
  ]),
  ["Jo", "Jones", [["email", "jo.SMITH@example.com"]]],
  ["Chloe", "Okafor", [["phone", "+1 221 555 1021"]]],
];

const searches = [
  "ada",
  "ADA LOVE",
  "a l",
  "berg",
  "ann",
  "n o",
  "555 01",
  "_",
  "%",
  "100%",
  "åsa",
  "öBERG",
  "malmÖ",
  "smith",
  "SMITH@",
  "ann berg",
  "\\",
  " ada ",
  "e",
  "a",
  "kim3@",
  // R11.2: last name first
  "okafor chloe",
  "OKAFOR CH",
  "afor chl",
  "lovelace ada",
  "o'neil mary",
  "smith bob",
  "smith kim",
];

/**
 * S11's search as first written: every client and contact read and compared, in id order; and,
 * since R11.2, the name last name first.
 */
async function searchedTheOldWay(q: Queryable, storeId: number, search: string) {
  const p = `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await q.query<{ id: number }>(
    `select c.id from clients c where c.store_id = $1
       and (c.first_name ilike $2 or c.last_name ilike $2
            or concat_ws(' ', c.first_name, c.last_name) ilike $2
            or concat_ws(' ', c.last_name, c.first_name) ilike $2
            or exists (select 1 from client_contacts cc where cc.client_id = c.id and cc.value ilike $2))
     order by c.id`,
    [storeId, p],
  );
  return rows.map((r) => r.id);
}

describe.each(engines)("the customer search, on $name", (engine) => {
  it("S11: the indexed search finds exactly what reading every name and contact finds, in the same order, page by page", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const storeId = hub.admin.storeId;
    const [other] = await db.query<{ id: number }>(
      "insert into stores (name) values ('elsewhere') returning id",
    );
    const add = async (store: number, [firstName, lastName, contacts]: (typeof people)[number]) =>
      insertClient(db, {
        storeId: store,
        customer: {
          firstName,
          lastName,
          acquisition: null,
          contacts: contacts.map(([kind, value]) => ({ kind, value })),
          preferences: {},
        },
        lifecycle: "active",
        createdBy: null,
        assignedUserId: null,
        country: "US",
        now: hub.clock.now(),
      });
    for (const person of people) {
      await add(storeId, person);
      await add(other!.id, person); // another store's clients are never found
    }

    for (const search of searches) {
      const expected = await searchedTheOldWay(db, storeId, search);
      const paged: number[] = [];
      for (let after = 0; ;) {
        const page = await listClientIds(db, storeId, { after, limit: 2, filter: { search } });
        paged.push(...page);
        if (page.length < 2) break;
        after = page.at(-1)!;
      }
      expect(paged, `search '${search}'`).toEqual(expected);
      const whole = await listClientIds(db, storeId, { limit: 100, filter: { search } });
      expect(whole, `search '${search}'`).toEqual(expected);
      const counts = await countClientsByStatus(db, storeId, 1, search);
      expect(counts.unlinked, `count of '${search}'`).toBe(expected.length);
    }
    // the fixture exercises what it should: paging, several matching contacts, no match
    expect((await searchedTheOldWay(db, storeId, "smith")).length).toBeGreaterThan(6);
    expect(await searchedTheOldWay(db, storeId, "ann berg")).toEqual([]);
    expect((await searchedTheOldWay(db, storeId, "okafor ch")).length).toBe(1);
    expect((await searchedTheOldWay(db, storeId, "smith kim")).length).toBe(3);
  });
});

describe.each(engines)("the customer search by phone and last name first, on $name", (engine) => {
  it("R11.2: a phone is found by its digits in any format, and another number is not; a name last name first is found", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const storeId = hub.admin.storeId;
    const add = (firstName: string, lastName: string, phone: string) =>
      insertClient(db, {
        storeId,
        customer: {
          firstName,
          lastName,
          acquisition: null,
          contacts: [{ kind: "phone", value: phone }],
          preferences: {},
        },
        lifecycle: "active",
        createdBy: null,
        assignedUserId: null,
        country: "US",
        now: hub.clock.now(),
      });
    const chloe = await add("Chloe", "Okafor", "+1 221 555 1021");
    await add("Dan", "Okafor", "+1 221 555 1029"); // the same first nine digits
    await add("Eve", "Ames", "+44 20 7946 0958");
    const found = async (search: string) => ({
      ids: await listClientIds(db, storeId, { limit: 50, filter: { search } }),
      count: (await countClientsByStatus(db, storeId, 1, search)).unlinked,
      page: (await readClientPage(db, storeId, { limit: 50, filter: { search } })).map(
        (p) => p.client.id,
      ),
    });
    for (const search of [
      "+1 221 555 1021",
      "2215551021",
      "221-555-1021",
      "(221) 555 1021",
      "+12215551021",
      "221.555.1021",
      " 1 221 555 1021 ",
      "5551021",
    ])
      expect(await found(search), `search '${search}'`).toEqual({
        ids: [chloe],
        count: 1,
        page: [chloe],
      });
    // the name last name first, as a phone book lists it
    expect(await found("okafor chloe")).toEqual({ ids: [chloe], count: 1, page: [chloe] });
    // a UK number typed with its trunk zero, as written at home
    expect((await found("020 7946 0958")).count).toBe(1);
    // too few digits to be a phone, or not only a phone's characters: the text search as before
    expect((await found("55510")).count).toBe(0);
    expect((await found("1021 x")).count).toBe(0);
  });
});

describe.each(engines)("a page of customers, on $name", (engine) => {
  it("S11: a list page read in one query holds what reading each client holds: contacts, preferences, notes, in their order", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const storeId = hub.admin.storeId;
    const ids: number[] = [];
    for (const [i, [firstName, lastName, contacts]] of people.entries()) {
      const id = await insertClient(db, {
        storeId,
        customer: {
          firstName,
          lastName,
          acquisition: i % 2 ? "Walk-in" : null,
          contacts: contacts.map(([kind, value]) => ({ kind, value })),
          preferences: i % 3 ? { ring_size: `${i}`, birthstone: "Garnet", Áccent: "é" } : {},
        },
        lifecycle: i % 2 ? "active" : "prospect",
        createdBy: null,
        assignedUserId: hub.admin.userId,
        country: "US",
        now: hub.clock.now(),
      });
      ids.push(id);
      for (let n = 0; n < i % 3; n++)
        await insertNote(db, id, `note ${n} of ${i}`, null, hub.clock.now());
    }
    // two integrations; every Smith synced in the first (the one at the page's start included)
    const first = await addOfflineIntegration(hub);
    await addOfflineIntegration(hub);
    for (const [i, id] of ids.entries()) {
      if (!people[i]![1]?.startsWith("Smith")) continue;
      const now = hub.clock.now();
      const link = await insertLink(db, {
        integrationId: first,
        clientId: id,
        externalId: null,
        status: "unlinked",
        syncEnabled: true,
        now,
      });
      const linked = await linkToPartner(db, link, { externalId: `c_${id}` }, now);
      await settleMerge(db, linked, { base: {}, pending: {}, status: "synced" }, now);
    }
    for (const filter of [{}, { search: "smith" }] as Array<{ search?: string }>) {
      const expectedIds = await listClientIds(db, storeId, { after: ids[1]!, limit: 5, filter });
      const each = await readClients(db, expectedIds);
      const page = await readClientPage(db, storeId, { after: ids[1]!, limit: 5, filter });
      expect(page.map((p) => p.client)).toEqual(expectedIds.map((id) => each.get(id)));
      const states = await syncStatesOf(db, storeId, expectedIds);
      expect(page.map((p) => p.sync)).toEqual(
        expectedIds.map((id) =>
          states.filter((s) => s.clientId === id).map(({ clientId: _, ...state }) => state),
        ),
      );
      if (filter.search)
        expect(page.map((p) => p.sync.map((s) => s.status))).toContainEqual(["synced", "unlinked"]);
      expect(page.length).toBe(5);
      // preferences in the same (name) order, as the answer's JSON shows them
      expect(page.map((p) => Object.keys(p.client.customer.preferences))).toEqual(
        expectedIds.map((id) => Object.keys(each.get(id)!.customer.preferences)),
      );
    }
  });
});
