import type { CanonicalCustomer } from "../domain/customer.ts";
import { parseFieldPath } from "../domain/field-path.ts";
import { linkStatuses, type LinkStatus } from "../domain/link-status.ts";
import { normalizeContact, type ContactKind } from "../domain/normalize.ts";
import type { Queryable } from "./database.ts";
import { readNotes } from "./notes-table.ts";

export interface ClientRecord {
  id: number;
  storeId: number;
  lifecycle: "prospect" | "active";
  assignedUserId: number | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  customer: CanonicalCustomer;
}

interface ClientRow {
  id: number;
  store_id: number;
  first_name: string | null;
  last_name: string | null;
  acquisition: string | null;
  lifecycle: "prospect" | "active";
  assigned_user_id: number | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

/** Reads clients with their contact methods and preferences, three queries for any number. */
export async function readClients(
  q: Queryable,
  ids: readonly number[],
): Promise<Map<number, ClientRecord>> {
  const result = new Map<number, ClientRecord>();
  if (ids.length === 0) return result;
  const rows = await q.query<ClientRow>("select * from clients where id = any($1::bigint[])", [
    ids,
  ]);
  for (const row of rows) {
    result.set(row.id, {
      id: row.id,
      storeId: row.store_id,
      lifecycle: row.lifecycle,
      assignedUserId: row.assigned_user_id,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      customer: {
        firstName: row.first_name,
        lastName: row.last_name,
        acquisition: row.acquisition,
        contacts: [],
        preferences: {},
        notes: [],
      },
    });
  }
  const contacts = await q.query<{ client_id: number; kind: ContactKind; value: string }>(
    "select client_id, kind, value from client_contacts where client_id = any($1::bigint[]) order by id",
    [ids],
  );
  for (const c of contacts)
    result.get(c.client_id)?.customer.contacts.push({ kind: c.kind, value: c.value });
  const prefs = await q.query<{ client_id: number; name: string; value: string }>(
    "select client_id, name, value from client_preferences where client_id = any($1::bigint[]) order by name",
    [ids],
  );
  for (const p of prefs) {
    const client = result.get(p.client_id);
    if (client) client.customer.preferences[p.name] = p.value;
  }
  for (const note of await readNotes(q, ids)) {
    result.get(note.clientId)?.customer.notes?.push({ id: String(note.id), body: note.body });
  }
  return result;
}

export async function readClient(q: Queryable, id: number): Promise<ClientRecord | undefined> {
  return (await readClients(q, [id])).get(id);
}

export interface NewClient {
  storeId: number;
  customer: CanonicalCustomer;
  createdBy: number | null;
  assignedUserId: number | null;
  lifecycle: "prospect" | "active";
  country: string;
  now: Date;
}

export async function insertClient(q: Queryable, client: NewClient): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into clients (store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id,
                          created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id`,
    [
      client.storeId,
      client.customer.firstName,
      client.customer.lastName,
      client.customer.acquisition,
      client.lifecycle,
      client.assignedUserId,
      client.createdBy,
      client.now,
    ],
  );
  const id = row!.id;
  await insertContacts(q, id, client.customer.contacts, client.country);
  const prefs = Object.entries(client.customer.preferences);
  if (prefs.length > 0) {
    await q.query(
      `insert into client_preferences (client_id, name, value)
       select $1, name, value from unnest($2::text[], $3::text[]) as p(name, value)`,
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
    `insert into client_contacts (client_id, kind, value, normalized)
     select $1, kind, value, normalized from unnest($2::text[], $3::text[], $4::text[]) as c(kind, value, normalized)
     on conflict (client_id, kind, normalized) do nothing`,
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
 */
export async function applyFieldChanges(
  q: Queryable,
  clientId: number,
  changes: Record<string, string | null>,
  country: string,
  now: Date,
): Promise<void> {
  for (const [path, value] of Object.entries(changes)) {
    const field = parseFieldPath(path);
    const column = scalarColumns[path];
    if (column) {
      await q.query(`update clients set ${column} = $2 where id = $1`, [clientId, value]);
    } else if (field.family === "preference") {
      const name = field.name;
      if (value === null)
        await q.query("delete from client_preferences where client_id = $1 and name = $2", [
          clientId,
          name,
        ]);
      else
        await q.query(
          `insert into client_preferences (client_id, name, value) values ($1, $2, $3)
           on conflict (client_id, name) do update set value = excluded.value`,
          [clientId, name, value],
        );
    } else if (field.family === "contact") {
      const { kind, normalized } = field;
      if (value === null)
        await q.query(
          "delete from client_contacts where client_id = $1 and kind = $2 and normalized = $3",
          [clientId, kind, normalized],
        );
      else await insertContacts(q, clientId, [{ kind, value }], country);
    } else {
      throw new Error(`unknown field path '${path}'`);
    }
  }
  await q.query("update clients set updated_at = $2 where id = $1", [clientId, now]);
}

export async function setLifecycle(
  q: Queryable,
  clientId: number,
  lifecycle: "prospect" | "active",
) {
  await q.query("update clients set lifecycle = $2 where id = $1", [clientId, lifecycle]);
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

/** S11: a list view's filter: a sync status in one integration, and text in a name or contact. */
export interface ClientFilter {
  integrationId?: number | undefined;
  status?: LinkStatus | undefined;
  search?: string | undefined;
  /** only clients whose link in `integrationId` has sync switched on (S1's selection) */
  syncing?: boolean | undefined;
}

/**
 * S11's search: the full name as the trigram index 0013_customer_search.sql holds it. It matches
 * text exactly when the first name, the last name or both joined by a space do (the searched text
 * is trimmed, so the space standing in for a missing name can't be part of a match).
 */
const searchedName = `(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))`;

/** The ilike pattern for text anywhere in a value, its wildcards taken literally. */
function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The where clause of a filtered list, without the search; a client with no link in the
 * integration is 'unlinked'.
 */
function filterClause(storeId: number, filter: ClientFilter, params: unknown[]): string {
  params.push(storeId);
  const where = [`c.store_id = $${params.length}`];
  if (filter.status !== undefined && filter.integrationId !== undefined) {
    params.push(filter.integrationId, filter.status);
    where.push(
      `coalesce((select l.status from links l
                 where l.client_id = c.id and l.integration_id = $${params.length - 1}), 'unlinked')
         = $${params.length}`,
    );
  }
  if (filter.syncing && filter.integrationId !== undefined) {
    params.push(filter.integrationId);
    where.push(
      `exists (select 1 from links l where l.client_id = c.id
                 and l.integration_id = $${params.length} and l.sync_enabled)`,
    );
  }
  return where.join(" and ");
}

/** The search as one condition on `c`, for counting (a page uses the two halves, listClientIds). */
function searchClause(search: string, params: unknown[]): string {
  params.push(containsPattern(search));
  const p = `$${params.length}`;
  return `(${searchedName} ilike ${p}
           or c.id in (select cc.client_id from client_contacts cc where cc.value ilike ${p}))`;
}

/**
 * The query of a page of client ids in id order after `after`. With a search, the clients whose
 * name matches and those with a matching contact are two index-friendly halves, each cut to the
 * page before they are merged: the first `limit` ids of the union are among the first `limit` of
 * each half. Each half's plan then fits its text: a common name walks the ids in order and stops
 * after a page, a rare email fragment reads the few rows its trigrams find.
 */
function pageOfIds(
  storeId: number,
  options: { after?: number; limit: number; filter?: ClientFilter },
  params: unknown[],
): string {
  const filter = options.filter ?? {};
  const where = filterClause(storeId, filter, params);
  params.push(options.after ?? 0, options.limit);
  const after = `$${params.length - 1}`;
  const limit = `$${params.length}`;
  if (!filter.search)
    return `select c.id from clients c where ${where} and c.id > ${after} order by c.id limit ${limit}`;
  params.push(containsPattern(filter.search));
  const p = `$${params.length}`;
  return `select id from (
       (select c.id from clients c
        where ${where} and c.id > ${after} and ${searchedName} ilike ${p}
        order by c.id limit ${limit})
       union
       (select distinct c.id from clients c join client_contacts cc on cc.client_id = c.id
        where ${where} and c.id > ${after} and cc.client_id > ${after} and cc.value ilike ${p}
        order by c.id limit ${limit})
     ) matched order by id limit ${limit}`;
}

/** A page of client ids in id order after `after`, filtered (pageOfIds). */
export async function listClientIds(
  q: Queryable,
  storeId: number,
  options: { after?: number; limit: number; filter?: ClientFilter },
): Promise<number[]> {
  const params: unknown[] = [];
  const rows = await q.query<{ id: number }>(pageOfIds(storeId, options, params), params);
  return rows.map((r) => r.id);
}

/** S11/S12: a client's state in one integration of its store ('unlinked' without a link). */
export interface ClientSync {
  integrationId: number;
  status: LinkStatus;
  externalId: string | null;
  externalNumber: string | null;
  lastError: string | null;
}

/**
 * S11: a page of clients as readClients reads them (contacts by id, preferences by name, notes by
 * id), chosen as listClientIds chooses them, in id order, each with its state in every
 * integration of the store (integrations by id), in one query: a list page is one round trip to
 * the database, not one per table.
 */
export async function readClientPage(
  q: Queryable,
  storeId: number,
  options: { after?: number; limit: number; filter?: ClientFilter },
): Promise<Array<{ client: ClientRecord; sync: ClientSync[] }>> {
  const params: unknown[] = [];
  const ids = pageOfIds(storeId, options, params);
  params.push(storeId);
  const rows = await q.query<
    ClientRow & {
      contacts: Array<{ kind: ContactKind; value: string }>;
      preferences: Record<string, string>;
      notes: Array<{ id: number; body: string }>;
      sync: ClientSync[];
    }
  >(
    `select c.*,
       coalesce((select json_agg(json_build_object('kind', cc.kind, 'value', cc.value) order by cc.id)
                 from client_contacts cc where cc.client_id = c.id), '[]') as contacts,
       coalesce((select json_object_agg(cp.name, cp.value order by cp.name)
                 from client_preferences cp where cp.client_id = c.id), '{}') as preferences,
       coalesce((select json_agg(json_build_object('id', n.id, 'body', n.body) order by n.id)
                 from client_notes n where n.client_id = c.id), '[]') as notes,
       coalesce((select json_agg(json_build_object(
                   'integrationId', i.id, 'status', coalesce(l.status, 'unlinked'),
                   'externalId', l.external_id, 'externalNumber', l.external_number,
                   'lastError', l.last_error) order by i.id)
                 from integrations i left join links l on l.integration_id = i.id and l.client_id = c.id
                 where i.store_id = $${params.length}), '[]') as sync
     from (${ids}) page join clients c on c.id = page.id
     order by c.id`,
    params,
  );
  return rows.map((row) => ({
    client: {
      id: row.id,
      storeId: row.store_id,
      lifecycle: row.lifecycle,
      assignedUserId: row.assigned_user_id,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      customer: {
        firstName: row.first_name,
        lastName: row.last_name,
        acquisition: row.acquisition,
        contacts: row.contacts,
        preferences: row.preferences,
        notes: row.notes.map((n) => ({ id: String(n.id), body: n.body })),
      },
    },
    sync: row.sync,
  }));
}

/** S11: how many of a store's clients (matching the search) are in each status of one integration. */
export async function countClientsByStatus(
  q: Queryable,
  storeId: number,
  integrationId: number,
  search?: string,
): Promise<Record<LinkStatus, number>> {
  const params: unknown[] = [];
  let where = filterClause(storeId, {}, params);
  if (search) where += ` and ${searchClause(search, params)}`;
  params.push(integrationId);
  const rows = await q.query<{ status: LinkStatus; n: number }>(
    `select coalesce(l.status, 'unlinked') as status, count(*)::int as n
     from clients c left join links l on l.client_id = c.id and l.integration_id = $${params.length}
     where ${where} group by 1`,
    params,
  );
  const counts = Object.fromEntries(linkStatuses.map((s) => [s, 0])) as Record<LinkStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
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
  await q.query(
    `insert into clients (id, store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id,
                          created_by, created_at, updated_at)
     overriding system value
     select id, store_id, first_name, last_name, acquisition, lifecycle, assigned_user_id, created_by, at, at
     from jsonb_to_recordset($1::jsonb)
          as c(id bigint, store_id bigint, first_name text, last_name text, acquisition text,
               lifecycle text, assigned_user_id bigint, created_by bigint, at timestamptz)
     order by id`,
    [
      JSON.stringify(
        clients.map((c) => ({
          id: c.id,
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
      clientId: c.id,
      kind: m.kind,
      value: m.value,
      normalized: normalizeContact(m.kind, m.value, c.country),
    })),
  );
  if (contacts.length > 0)
    await q.query(
      `insert into client_contacts (client_id, kind, value, normalized)
       select c.client_id, c.kind, c.value, c.normalized
       from jsonb_to_recordset($1::jsonb) as c(n int, client_id bigint, kind text, value text, normalized text)
       order by n
       on conflict (client_id, kind, normalized) do nothing`,
      [
        JSON.stringify(
          contacts.map((c, n) => ({
            n,
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
      clientId: c.id,
      name,
      value,
    })),
  );
  if (prefs.length > 0)
    await q.query(
      `insert into client_preferences (client_id, name, value)
       select p.client_id, p.name, p.value
       from jsonb_to_recordset($1::jsonb) as p(n int, client_id bigint, name text, value text)
       order by n`,
      [
        JSON.stringify(
          prefs.map((p, n) => ({ n, client_id: p.clientId, name: p.name, value: p.value })),
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
