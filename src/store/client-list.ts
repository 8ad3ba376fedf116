// S11: a store's customers as lists show them: filtered by sync status and text, paged, counted
// by status. Reads only; the clients table's writes are clients-table.ts's.
import { containsPattern, phoneDigitsPattern } from "./search-pattern.ts";
import { linkStatuses, type LinkStatus } from "../domain/link-status.ts";
import {
  clientPartsColumns,
  clientRecordWithParts,
  type ClientRecord,
  type ClientRowWithParts,
} from "./clients-table.ts";
import { plannedPerCall, type Queryable } from "./database.ts";

/**
 * S11: a list view's filter: a sync status in one integration, and text in a name or contact, or
 * a customer number (exactly).
 */
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

/** R11.2: the full name last name first, for a search typed that way ("okafor chloe"). */
const reversedName = `(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, ''))`;

/**
 * The name condition of a search whose text is `$p`. A search of several words also matches the
 * name last name first; every word of such a match is in the full name too, so the words (the
 * longest few) find the candidates in the full name's trigram index, and the last-first name is
 * only checked on those. A search of one word is the full-name condition alone, as before.
 */
function nameCondition(search: string, p: string, params: unknown[]): string {
  const words = search.trim().split(/\s+/);
  if (words.length < 2) return `${searchedName} ilike ${p}`;
  const candidates = words
    .sort((a, b) => b.length - a.length)
    .slice(0, 3)
    .map((word) => {
      params.push(containsPattern(word));
      return `${searchedName} ilike $${params.length}`;
    });
  return `(${searchedName} ilike ${p}
           or (${candidates.join(" and ")} and ${reversedName} ilike ${p}))`;
}

/**
 * R11.2: for a search that looks like a phone number, the condition on a contact row (`cc`) that
 * it is a phone holding the search's digits; undefined for any other search.
 */
function phoneCondition(search: string, params: unknown[]): string | undefined {
  const pattern = phoneDigitsPattern(search);
  if (pattern === undefined) return undefined;
  params.push(pattern);
  return `cc.kind = 'phone' and cc.normalized like $${params.length}`;
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

/** A statement with a search is planned for its pattern each time (database.ts plannedPerCall). */
const forSearch = (search: string | undefined, sql: string) =>
  search ? plannedPerCall + sql : sql;

/** The search as one condition on `c`, for counting (a page uses the two halves, listClientIds). */
function searchClause(search: string, params: unknown[]): string {
  params.push(containsPattern(search), search.trim());
  const p = `$${params.length - 1}`;
  const number = `$${params.length}`;
  const phone = phoneCondition(search, params);
  const byPhone =
    phone === undefined
      ? ""
      : `or c.id in (select cc.client_id from client_contacts cc where ${phone})`;
  const name = nameCondition(search, p, params);
  return `(${name}
           or c.customer_number = ${number}
           or c.id in (select cc.client_id from client_contacts cc where cc.value ilike ${p})
           ${byPhone})`;
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
  params.push(containsPattern(filter.search), filter.search.trim());
  const p = `$${params.length - 1}`;
  const number = `$${params.length}`;
  const phone = phoneCondition(filter.search, params);
  const phoneHalf =
    phone === undefined
      ? ""
      : `
       union
       (select distinct c.id from clients c join client_contacts cc on cc.client_id = c.id
        where ${where} and c.id > ${after} and cc.client_id > ${after} and ${phone}
        order by c.id limit ${limit})`;
  const name = nameCondition(filter.search, p, params);
  return `select id from (
       (select c.id from clients c
        where ${where} and c.id > ${after} and ${name}
        order by c.id limit ${limit})
       union
       (select distinct c.id from clients c join client_contacts cc on cc.client_id = c.id
        where ${where} and c.id > ${after} and cc.client_id > ${after} and cc.value ilike ${p}
        order by c.id limit ${limit})
       union
       (select c.id from clients c
        where ${where} and c.id > ${after} and c.customer_number = ${number})${phoneHalf}
     ) matched order by id limit ${limit}`;
}

/** A page of client ids in id order after `after`, filtered (pageOfIds). */
export async function listClientIds(
  q: Queryable,
  storeId: number,
  options: { after?: number; limit: number; filter?: ClientFilter },
): Promise<number[]> {
  const params: unknown[] = [];
  const rows = await q.query<{ id: number }>(
    forSearch(options.filter?.search, pageOfIds(storeId, options, params)),
    params,
  );
  return rows.map((r) => r.id);
}

/** S11/S12: a client's state in one integration of its store ('unlinked' without a link). */
export interface ClientSync {
  integrationId: number;
  /** R11.3: the integration's name, for people who may not list integrations (associates) */
  integrationName: string;
  /** R11.3: its kind ("pos", "file"), so the console offers only what the kind can do */
  integrationKind: string;
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
  const rows = await q.query<ClientRowWithParts & { sync: ClientSync[] }>(
    forSearch(
      options.filter?.search,
      `select c.*, ${clientPartsColumns},
       coalesce((select json_agg(json_build_object(
                   'integrationId', i.id, 'integrationName', i.name, 'integrationKind', i.kind,
                   'status', coalesce(l.status, 'unlinked'),
                   'externalId', l.external_id, 'externalNumber', l.external_number,
                   'lastError', l.last_error) order by i.id)
                 from integrations i left join links l on l.integration_id = i.id and l.client_id = c.id
                 where i.store_id = $${params.length}), '[]') as sync
     from (${ids}) page join clients c on c.id = page.id
     order by c.id`,
    ),
    params,
  );
  return rows.map((row) => ({ client: clientRecordWithParts(row), sync: row.sync }));
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
    forSearch(
      search,
      `select coalesce(l.status, 'unlinked') as status, count(*)::int as n
       from clients c left join links l on l.client_id = c.id and l.integration_id = $${params.length}
       where ${where} group by 1`,
    ),
    params,
  );
  const counts = Object.fromEntries(linkStatuses.map((s) => [s, 0])) as Record<LinkStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** S11/S12: a client's state in one integration, 'unlinked' when it has no link there. */
export type ClientSyncState = ClientSync & { clientId: number };

/**
 * S11/S12: for each client, its state in each integration of the store, integrations in id
 * order; one query for a page of clients.
 */
export async function syncStatesOf(
  q: Queryable,
  storeId: number,
  clientIds: readonly number[],
): Promise<ClientSyncState[]> {
  if (clientIds.length === 0) return [];
  const rows = await q.query<{
    client_id: number;
    integration_id: number;
    integration_name: string;
    integration_kind: string;
    status: LinkStatus;
    external_id: string | null;
    external_number: string | null;
    last_error: string | null;
  }>(
    `select c.id as client_id, i.id as integration_id, i.name as integration_name,
            i.kind as integration_kind,
            coalesce(l.status, 'unlinked') as status,
            l.external_id, l.external_number, l.last_error
     from unnest($2::bigint[]) as c (id) cross join integrations i
     left join links l on l.client_id = c.id and l.integration_id = i.id
     where i.store_id = $1 order by i.id`,
    [storeId, clientIds],
  );
  return rows.map((r) => ({
    clientId: r.client_id,
    integrationId: r.integration_id,
    integrationName: r.integration_name,
    integrationKind: r.integration_kind,
    status: r.status,
    externalId: r.external_id,
    externalNumber: r.external_number,
    lastError: r.last_error,
  }));
}

/**
 * S8: a store's customers that have no partner in one integration and are not excluded from it,
 * with their contact methods: what partner suggestions are made for. One query.
 */
export async function clientsWithoutPartner(
  q: Queryable,
  storeId: number,
  integrationId: number,
): Promise<
  Array<{
    id: number;
    customerNumber: string;
    lifecycle: "prospect" | "active";
    firstName: string | null;
    lastName: string | null;
    contacts: Array<{ kind: "email" | "phone" | "address"; value: string }>;
  }>
> {
  const rows = await q.query<{
    id: number;
    customer_number: string;
    lifecycle: "prospect" | "active";
    first_name: string | null;
    last_name: string | null;
    contacts: Array<{ kind: "email" | "phone" | "address"; value: string }>;
  }>(
    `select c.id, c.customer_number, c.lifecycle, c.first_name, c.last_name,
            coalesce((select json_agg(json_build_object('kind', cc.kind, 'value', cc.value) order by cc.id)
                      from client_contacts cc where cc.client_id = c.id), '[]') as contacts
     from clients c left join links l on l.client_id = c.id and l.integration_id = $2
     where c.store_id = $1 and (l.id is null or (l.external_id is null and l.status <> 'excluded'))
     order by c.id`,
    [storeId, integrationId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    customerNumber: r.customer_number,
    lifecycle: r.lifecycle,
    firstName: r.first_name,
    lastName: r.last_name,
    contacts: r.contacts,
  }));
}
