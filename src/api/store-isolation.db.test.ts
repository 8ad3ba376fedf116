import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { operationsOf, request, samples } from "../../test/setup/api-operations.ts";
import { startRoleFixture, type Caller, type RoleFixture } from "../../test/setup/role-fixture.ts";
import { createUser } from "../services/users.ts";
import type { Queryable } from "../store/database.ts";
import { insertStore } from "../store/stores-table.ts";
import type { Role } from "../store/users-table.ts";

const roles: readonly Role[] = ["admin", "manager", "associate"];

/** Store B beside the fixture's store A: a user of each role, and a customer of its own. */
async function secondStore(f: RoleFixture): Promise<{ id: number; users: Record<Role, Caller> }> {
  const { ctx } = f.pair;
  const id = await insertStore(ctx.db, {
    name: "Second Shop",
    timeZone: "Europe/Copenhagen",
    country: "DK",
  });
  const system = { userId: null, storeId: id, role: "admin" as const };
  const users = {} as Record<Role, Caller>;
  for (const [role, name] of [
    ["admin", "Bea"],
    ["manager", "Bart"],
    ["associate", "Bo"],
  ] as const) {
    const { user, token } = await createUser(ctx, system, {
      name,
      email: `${name.toLowerCase()}@second.test`,
      role,
    });
    users[role] = { role, actor: { userId: user.id, storeId: id, role }, token };
  }
  const own = await f.call(users.admin, "POST", "/v1/customers", { firstName: "Bodil" });
  expect(own.status).toBe(201);
  return { id, users };
}

/** Every row of store A: each table's rows that carry the store, and the store itself. */
async function storeRows(db: Queryable, storeId: number): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = current_schema() and column_name = 'store_id' order by 1`,
  );
  const rows: Record<string, unknown> = {
    stores: await db.query("select * from stores where id = $1", [storeId]),
  };
  for (const { table_name } of tables)
    rows[table_name] = await db.query(
      `select * from "${table_name}" where store_id = $1 order by 1, 2`,
      [storeId],
    );
  return JSON.stringify(rows);
}

/** what only store A holds: none of it may appear in an answer to store B */
const storeAMarkers = [
  "Test Store",
  "admin@test.local",
  "HubSide",
  "PosSide",
  "Reference POS",
  "Silver cufflinks",
  "mona@roles.test",
  "sam@roles.test",
  "vic@roles.test",
  "mia@roles.test",
  '"Una"',
  '"Mia"',
];

describe.each(engines)("stores are kept apart, over HTTP, on $name", (engine) => {
  it("issue 10: no user of another store reads or changes a store's data through any operation of the OpenAPI document, whatever their role", async () => {
    const f = await startRoleFixture(await engine.open());
    const storeA = f.users.admin.actor.storeId;
    const b = await secondStore(f);
    // every store-owned table carries its store: the check below sees all of store A
    const unkeyed = await f.pair.ctx.db.query<{ table_name: string }>(
      `select t.table_name from information_schema.tables t
       where t.table_schema = current_schema()
         and not exists (select 1 from information_schema.columns c
                         where c.table_schema = t.table_schema and c.table_name = t.table_name
                           and c.column_name = 'store_id')
       order by 1`,
    );
    expect(unkeyed.map((t) => t.table_name)).toEqual([
      "sign_in_failures",
      "stores",
      "tandem_migrations",
    ]);
    const before = await storeRows(f.pair.ctx.db, storeA);
    expect(before).toContain("HubSide");

    const examples = samples(f);
    let calls = 0;
    const operations = await operationsOf(f);
    for (const op of operations) {
      const { path, body } = request(op, examples[op.operationId]!);
      // an operation naming a resource in its path names one of store A's (or none at all)
      const addressed = /{\w+}/.test(op.path);
      for (const role of roles) {
        const answer = await f.call(b.users[role], op.method, path, body);
        const text = JSON.stringify(answer.body);
        const seen = storeAMarkers.filter((marker) => text.includes(marker));
        expect([op.operationId, role, seen]).toEqual([op.operationId, role, []]);
        if (addressed)
          expect([op.operationId, role, answer.status >= 400]).toEqual([
            op.operationId,
            role,
            true,
          ]);
        expect(answer.status, `${op.operationId} as ${role}: ${text}`).toBeLessThan(500);
        expect(await storeRows(f.pair.ctx.db, storeA), `${op.operationId} as ${role}`).toBe(before);
        calls++;
      }
    }
    expect(operations.length).toBeGreaterThan(70);
    expect(calls).toBe(operations.length * roles.length);
  });
});
