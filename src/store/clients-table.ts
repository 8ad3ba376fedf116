import type { CanonicalCustomer } from "../domain/customer.ts";
import { parseFieldPath } from "../domain/field-path.ts";
import { normalizeContact, type ContactKind } from "../domain/normalize.ts";
import { assignNumbers } from "./customer-numbers.ts";
import type { Queryable } from "./database.ts";

export interface ClientRecord {
  id: number;
  storeId: number;
  /** the number the store uses on receipts and invoices, unique in the store (customer-numbers.ts) */
  customerNumber: string;
  lifecycle: "prospect" | "active";
  assignedUserId: number | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  customer: CanonicalCustomer;
}

export interface ClientRow {
  id: number;
  store_id: number;
  customer_number: string;
  first_name: string | null;
  last_name: string | null;
  acquisition: string | null;
  lifecycle: "prospect" | "active";
  assigned_user_id: number | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

/** A clients row as a record, with the contact methods, preferences and notes read beside it. */
export function clientRecordOf(
  row: ClientRow,
  parts: Pick<CanonicalCustomer, "contacts" | "preferences" | "notes">,
): ClientRecord {
  return {
    id: row.id,
    storeId: row.store_id,
    customerNumber: row.customer_number,
    lifecycle: row.lifecycle,
    assignedUserId: row.assigned_user_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    customer: {
      firstName: row.first_name,
      lastName: row.last_name,
      acquisition: row.acquisition,
      ...parts,
    },
  };
}

/** A clients row read with its parts as JSON columns (`clientPartsColumns`). */
export type ClientRowWithParts = ClientRow & {
  contacts: Array<{ kind: ContactKind; value: string }>;
  preferences: Record<string, string>;
  notes: Array<{ id: number; body: string }>;
};

/**
 * The select-list columns that read a client's contact methods (by id), preferences (by name) and
 * notes (by id) beside its row `c`, as JSON (R8.5: one statement instead of one per table).
 */
export const clientPartsColumns = `
  coalesce((select json_agg(json_build_object('kind', cc.kind, 'value', cc.value) order by cc.id)
            from client_contacts cc where cc.client_id = c.id), '[]') as contacts,
  coalesce((select json_object_agg(cp.name, cp.value order by cp.name)
            from client_preferences cp where cp.client_id = c.id), '{}') as preferences,
  coalesce((select json_agg(json_build_object('id', n.id, 'body', n.body) order by n.id)
            from client_notes n where n.client_id = c.id), '[]') as notes`;

/** A row read with `clientPartsColumns` as a record. */
export const clientRecordWithParts = (row: ClientRowWithParts): ClientRecord =>
  clientRecordOf(row, {
    contacts: row.contacts,
    preferences: row.preferences,
    notes: row.notes.map((n) => ({ id: String(n.id), body: n.body })),
  });

/**
 * Reads clients with their contact methods (by id), preferences (by name) and notes (by id), one
 * statement for any number (R8.5: every merge reads its client).
 */
export async function readClients(
  q: Queryable,
  ids: readonly number[],
): Promise<Map<number, ClientRecord>> {
  const result = new Map<number, ClientRecord>();
  if (ids.length === 0) return result;
  const rows = await q.query<ClientRowWithParts>(
    `select c.*, ${clientPartsColumns} from clients c where c.id = any($1::bigint[])`,
    [ids],
  );
  for (const row of rows) result.set(row.id, clientRecordWithParts(row));
  return result;
}

export async function readClient(q: Queryable, id: number): Promise<ClientRecord | undefined> {
  return (await readClients(q, [id])).get(id);
}

export interface NewClient {
  storeId: number;
  /**
   * the number to keep where it is free (an external customer's, a file's); otherwise, and when
   * absent, the store's next free number (customer-numbers.ts)
   */
  customerNumber?: string | null | undefined;
  customer: CanonicalCustomer;
  createdBy: number | null;
  assignedUserId: number | null;
  lifecycle: "prospect" | "active";
  country: string;
  now: Date;
}

export async function insertClient(q: Queryable, client: NewClient): Promise<number> {
  const [number] = await assignNumbers(q, client.storeId, [client.customerNumber]);
  const [row] = await q.query<{ id: number }>(
    `insert into clients (store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id,
                          created_by, created_at, updated_at, customer_number)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) returning id`,
    [
      client.storeId,
      client.customer.firstName,
      client.customer.lastName,
      client.customer.acquisition,
      client.lifecycle,
      client.assignedUserId,
      client.createdBy,
      client.now,
      number,
    ],
  );
  const id = row!.id;
  await insertContacts(q, id, client.customer.contacts, client.country);
  const prefs = Object.entries(client.customer.preferences);
  if (prefs.length > 0) {
    await q.query(
      `insert into client_preferences (store_id, client_id, name, value)
       select (select store_id from clients where id = $1), $1, name, value from unnest($2::text[], $3::text[]) as p(name, value)`,
      [id, prefs.map(([n]) => n), prefs.map(([, v]) => v)],
    );
  }
  return id;
}

async function insertContacts(
  q: Queryable,
  clientId: number,
  contacts: readonly { kind: ContactKind; value: string }[],
  country: string,
) {
  if (contacts.length === 0) return;
  await q.query(
    `insert into client_contacts (store_id, client_id, kind, value, normalized)
     select (select store_id from clients where id = $1), $1, kind, value, normalized
     from unnest($2::text[], $3::text[], $4::text[]) as c(kind, value, normalized)
     on conflict (store_id, client_id, kind, normalized) do nothing`,
    [
      clientId,
      contacts.map((c) => c.kind),
      contacts.map((c) => c.value),
      contacts.map((c) => normalizeContact(c.kind, c.value, country)),
    ],
  );
}

const scalarColumns: Record<string, string> = {
  firstName: "first_name",
  lastName: "last_name",
  acquisition: "acquisition",
};

/**
 * Writes field-path changes (domain/customer.ts) to a client; null removes the value. A contact
 * path carries its kind and normalised value: "contact.email.ada@example.com".
 *
 * R8.5: a statement per kind of change, not per path: the scalar columns and updated_at in one
 * update, preferences removed and set in one statement each, contact methods likewise. The
 * order between paths does not matter: each path names its own row (a preference by name, a
 * contact by kind and normalised value, which is the path's own value normalised the same way),
 * so no two statements touch the same row. Contacts are added in the order of `changes`.
 */
export async function applyFieldChanges(
  q: Queryable,
  clientId: number,
  changes: Record<string, string | null>,
  country: string,
  now: Date,
): Promise<void> {
  const scalars = new Map<string, string | null>();
  const prefsRemoved: string[] = [];
  const prefsSet: Array<[name: string, value: string]> = [];
  const contactsRemoved: Array<{ kind: ContactKind; normalized: string }> = [];
  const contactsAdded: Array<{ kind: ContactKind; value: string }> = [];
  for (const [path, value] of Object.entries(changes)) {
    const field = parseFieldPath(path);
    if (scalarColumns[path]) scalars.set(path, value);
    else if (field.family === "preference") {
      if (value === null) prefsRemoved.push(field.name);
      else prefsSet.push([field.name, value]);
    } else if (field.family === "contact") {
      const { kind, normalized } = field;
      if (value === null) contactsRemoved.push({ kind, normalized });
      else contactsAdded.push({ kind, value });
    } else {
      throw new Error(`unknown field path '${path}'`);
    }
  }
  if (prefsRemoved.length > 0)
    await q.query(
      "delete from client_preferences where client_id = $1 and name = any($2::text[])",
      [clientId, prefsRemoved],
    );
  if (prefsSet.length > 0)
    await q.query(
      `insert into client_preferences (store_id, client_id, name, value)
       select (select store_id from clients where id = $1), $1, name, value from unnest($2::text[], $3::text[]) as p(name, value)
       on conflict (store_id, client_id, name) do update set value = excluded.value`,
      [clientId, prefsSet.map(([n]) => n), prefsSet.map(([, v]) => v)],
    );
  if (contactsRemoved.length > 0)
    await q.query(
      `delete from client_contacts cc
       using unnest($2::text[], $3::text[]) as r(kind, normalized)
       where cc.client_id = $1 and cc.kind = r.kind and cc.normalized = r.normalized`,
      [clientId, contactsRemoved.map((c) => c.kind), contactsRemoved.map((c) => c.normalized)],
    );
  await insertContacts(q, clientId, contactsAdded, country);
  // column names from the fixed table above, in its order (a handful of statement texts), never from input
  const columns = Object.entries(scalarColumns).filter(([path]) => scalars.has(path));
  await q.query(
    `update clients set ${columns.map(([, column], i) => `${column} = $${i + 3}, `).join("")}updated_at = $2 where id = $1`,
    [clientId, now, ...columns.map(([path]) => scalars.get(path))],
  );
}

export async function setLifecycle(
  q: Queryable,
  clientId: number,
  lifecycle: "prospect" | "active",
) {
  await q.query("update clients set lifecycle = $2 where id = $1", [clientId, lifecycle]);
}

/**
 * S3: a prospect becomes an active customer (its first purchase); false when it is not a
 * prospect (already active, or gone). The caller holds the client's key.
 */
export async function activateProspect(q: Queryable, clientId: number, now: Date) {
  const rows = await q.query(
    `update clients set lifecycle = 'active', updated_at = $2
     where id = $1 and lifecycle = 'prospect' returning id`,
    [clientId, now],
  );
  return rows.length > 0;
}

/** Whether the client is a prospect, read without a lock (a first look before taking its key). */
export async function isProspect(q: Queryable, clientId: number): Promise<boolean> {
  const rows = await q.query<{ prospect: boolean }>(
    "select lifecycle = 'prospect' as prospect from clients where id = $1",
    [clientId],
  );
  return rows[0]?.prospect === true;
}

/** Clients of a store holding any of these normalised emails (S2's duplicate check). */
export async function findClientIdsByEmails(
  q: Queryable,
  storeId: number,
  normalizedEmails: readonly string[],
): Promise<number[]> {
  if (normalizedEmails.length === 0) return [];
  const rows = await q.query<{ id: number }>(
    `select distinct c.id from clients c join client_contacts cc on cc.client_id = c.id
     where c.store_id = $1 and cc.kind = 'email' and cc.normalized = any($2::text[]) order by c.id`,
    [storeId, normalizedEmails],
  );
  return rows.map((r) => r.id);
}

/**
 * R8.5: ids for new clients, taken from the table's sequence in one query, so that a batch can
 * write a client's contacts, links and audit in the same statements as other clients'.
 */
export async function reserveClientIds(q: Queryable, count: number): Promise<number[]> {
  return reserveIds(q, "clients", count);
}

/** Ids from a table's identity sequence, `count` of them in one query. */
export async function reserveIds(q: Queryable, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await q.query<{ id: number }>(
    `select nextval(s.seq) as id
     from (select pg_get_serial_sequence($1, 'id')::regclass as seq offset 0) as s,
          generate_series(1, $2)`,
    [table, count],
  );
  return rows.map((r) => r.id);
}

/** R8.5: many new clients with their contacts and preferences, three statements for any number. */
export async function insertClientsWithIds(
  q: Queryable,
  clients: ReadonlyArray<NewClient & { id: number }>,
): Promise<void> {
  if (clients.length === 0) return;
  const numbers = new Map<number, string>();
  for (const storeId of new Set(clients.map((c) => c.storeId))) {
    const ofStore = clients.filter((c) => c.storeId === storeId);
    const assigned = await assignNumbers(
      q,
      storeId,
      ofStore.map((c) => c.customerNumber),
    );
    ofStore.forEach((c, i) => numbers.set(c.id, assigned[i]!));
  }
  await q.query(
    `insert into clients (id, store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id,
                          created_by, created_at, updated_at, customer_number)
     overriding system value
     select id, store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id, created_by, at, at,
            customer_number
     from jsonb_to_recordset($1::jsonb)
          as c(id bigint, store_id bigint, first_name text, last_name text, acquisition text,
               lifecycle text, assigned_user_id bigint, created_by bigint, at timestamptz,
               customer_number text)
     order by id`,
    [
      JSON.stringify(
        clients.map((c) => ({
          id: c.id,
          customer_number: numbers.get(c.id),
          store_id: c.storeId,
          first_name: c.customer.firstName,
          last_name: c.customer.lastName,
          acquisition: c.customer.acquisition,
          lifecycle: c.lifecycle,
          assigned_user_id: c.assignedUserId,
          created_by: c.createdBy,
          at: c.now,
        })),
      ),
    ],
  );
  const contacts = clients.flatMap((c) =>
    c.customer.contacts.map((m) => ({
      storeId: c.storeId,
      clientId: c.id,
      kind: m.kind,
      value: m.value,
      normalized: normalizeContact(m.kind, m.value, c.country),
    })),
  );
  if (contacts.length > 0)
    await q.query(
      `insert into client_contacts (store_id, client_id, kind, value, normalized)
       select c.store_id, c.client_id, c.kind, c.value, c.normalized
       from jsonb_to_recordset($1::jsonb)
            as c(n int, store_id bigint, client_id bigint, kind text, value text, normalized text)
       order by n
       on conflict (store_id, client_id, kind, normalized) do nothing`,
      [
        JSON.stringify(
          contacts.map((c, n) => ({
            n,
            store_id: c.storeId,
            client_id: c.clientId,
            kind: c.kind,
            value: c.value,
            normalized: c.normalized,
          })),
        ),
      ],
    );
  const prefs = clients.flatMap((c) =>
    Object.entries(c.customer.preferences).map(([name, value]) => ({
      storeId: c.storeId,
      clientId: c.id,
      name,
      value,
    })),
  );
  if (prefs.length > 0)
    await q.query(
      `insert into client_preferences (store_id, client_id, name, value)
       select p.store_id, p.client_id, p.name, p.value
       from jsonb_to_recordset($1::jsonb)
            as p(n int, store_id bigint, client_id bigint, name text, value text)
       order by n`,
      [
        JSON.stringify(
          prefs.map((p, n) => ({
            n,
            store_id: p.storeId,
            client_id: p.clientId,
            name: p.name,
            value: p.value,
          })),
        ),
      ],
    );
}

/** S2 for many customers at once: which of these normalised emails a client of the store holds. */
export async function emailsHeldInStore(
  q: Queryable,
  storeId: number,
  normalizedEmails: readonly string[],
): Promise<Set<string>> {
  if (normalizedEmails.length === 0) return new Set();
  const rows = await q.query<{ normalized: string }>(
    `select distinct cc.normalized from client_contacts cc join clients c on c.id = cc.client_id
     where c.store_id = $1 and cc.kind = 'email' and cc.normalized = any($2::text[])`,
    [storeId, normalizedEmails],
  );
  return new Set(rows.map((r) => r.normalized));
}

/** I3: which of these normalised contacts of one kind a client of the store holds. */
export async function contactsHeldInStore(
  q: Queryable,
  storeId: number,
  kind: ContactKind,
  normalizedValues: readonly string[],
): Promise<Set<string>> {
  if (normalizedValues.length === 0) return new Set();
  const rows = await q.query<{ normalized: string }>(
    `select distinct cc.normalized from client_contacts cc join clients c on c.id = cc.client_id
     where c.store_id = $1 and cc.kind = $2 and cc.normalized = any($3::text[])`,
    [storeId, kind, normalizedValues],
  );
  return new Set(rows.map((r) => r.normalized));
}
