import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { createTestHub } from "../../test/setup/hub.ts";
import { applyFieldChanges, insertClient, readClients } from "./clients-table.ts";
import type { Db, Queryable } from "./database.ts";
import { insertNote } from "./notes-table.ts";

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
});
