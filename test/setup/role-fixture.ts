import { serveApi } from "../../src/cli/serve-api.ts";
import type { Db } from "../../src/store/database.ts";
import { addToCollection, customerCollections } from "../../src/services/collections.ts";
import { createCustomer, updateCustomer } from "../../src/services/customers.ts";
import type { Actor } from "../../src/services/service-context.ts";
import { createUser } from "../../src/services/users.ts";
import type { Role } from "../../src/store/users-table.ts";
import { afterThisTest } from "./cleanup.ts";
import { fromPos } from "./pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "./synced-pair.ts";

export interface Caller {
  role: Role;
  actor: Actor;
  token: string;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A store with one user of each role, served over loopback HTTP, beside the reference POS:
 * - `customerId`: an unassigned customer synced with the POS, with an open conflict on lastName;
 * - `assignedId`: a customer assigned to the manager (not to the associate);
 * - `itemId`: an item of the customer's "Holiday ideas" collection;
 * - `deadJobId`: a dead outbound job of the customer;
 * - `victimId`: an associate the user operations (deactivate, tokens) act on.
 */
export interface RoleFixture {
  pair: SyncedPair;
  users: Record<Role, Caller>;
  customerId: number;
  posId: string;
  assignedId: number;
  itemId: number;
  deadJobId: number;
  victimId: number;
  call(caller: Caller | string, method: string, path: string, body?: unknown): Promise<ApiAnswer>;
  /** every table of the test schema and every customer at the POS: what a forbidden call must not change */
  dump(): Promise<string>;
}

async function addUser(pair: SyncedPair, role: Role, name: string): Promise<Caller> {
  const { user, token } = await createUser(pair.ctx, pair.admin, {
    name,
    email: `${name.toLowerCase()}@roles.test`,
    role,
  });
  return { role, actor: { userId: user.id, storeId: user.storeId, role }, token };
}

export async function startRoleFixture(db: Db): Promise<RoleFixture> {
  const pair = await startSyncedPair(db);
  const users: Record<Role, Caller> = {
    admin: { role: "admin", actor: pair.admin, token: pair.token },
    manager: await addUser(pair, "manager", "Mona"),
    associate: await addUser(pair, "associate", "Sam"),
  };
  const victim = await addUser(pair, "associate", "Vic");

  const { clientId: customerId, posId } = await fromPos(pair, {
    firstName: "Una",
    lastName: "Signed",
    contacts: [
      { type: "email", value: "una@roles.test" },
      { type: "phone", value: "+1 212 555 0142" },
    ],
  });
  await updateCustomer(pair.ctx, pair.admin, customerId, { lastName: "HubSide" });
  await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { lastName: "PosSide" } });
  await addToCollection(pair.ctx, pair.admin, customerId, "Holiday ideas", {
    description: "Silver cufflinks",
  });
  await pair.settle();
  const item = (await customerCollections(pair.ctx, pair.admin, customerId)).find(
    (c) => c.name === "Holiday ideas",
  )!.items[0]!;
  const assigned = await createCustomer(pair.ctx, users.manager.actor, {
    firstName: "Mia",
    contacts: [{ kind: "email", value: "mia@roles.test" }],
  });
  await pair.settle();
  const [dead] = await db.query<{ id: number }>(
    "update jobs set state = 'dead', last_error = 'made dead by the test' where id = (select max(id) from jobs) returning id",
  );

  const api = await serveApi(pair.ctx, "127.0.0.1", 0);
  afterThisTest(() => api.close());
  const call = async (caller: Caller | string, method: string, path: string, body?: unknown) => {
    const token = typeof caller === "string" ? caller : caller.token;
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // a stream (R11.9's live changes) never ends: its status is the answer
    if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      await response.body?.cancel();
      return { status: response.status, body: { stream: true } as ApiAnswer["body"] };
    }
    const text = await response.text();
    // a file (I4's export) is not JSON: its text stands for it
    const json = (response.headers.get("content-type") ?? "").startsWith("application/json");
    const parsed = !text ? {} : json ? JSON.parse(text) : { file: text };
    return { status: response.status, body: parsed as ApiAnswer["body"] };
  };
  const dump = async () => {
    const tables = await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = current_schema() order by 1",
    );
    const parts: Record<string, unknown> = {};
    for (const { table_name } of tables)
      parts[table_name] = await db.query(`select * from "${table_name}" order by 1`);
    parts["pos"] = (await pair.posCall("GET", "/staff/customers")).body;
    return JSON.stringify(parts);
  };
  return {
    pair,
    users,
    customerId,
    posId,
    assignedId: assigned.id,
    itemId: item.id,
    deadJobId: dead!.id,
    victimId: victim.actor.userId!,
    call,
    dump,
  };
}
