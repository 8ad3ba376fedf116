// S1, S11: the other system's customers the hub keeps without a hub customer (links without a
// client: recorded in selected mode, or excluded), as lists show them. Reads only; the links
// table's writes are links-table.ts's.
import type { CanonicalCustomer } from "../domain/customer.ts";
import type { Queryable } from "./database.ts";
import { containsPattern } from "./search-pattern.ts";

/** S1, S11: an external record the hub keeps without a hub customer, as its last copy has it. */
export interface ExternalOnlyRecord {
  linkId: number;
  externalId: string;
  externalNumber: string | null;
  status: "unlinked" | "excluded";
  customer: CanonicalCustomer | null;
}

/** The external-only statuses: a record without a hub customer is unlinked or excluded. */
export const externalOnlyStatuses = ["unlinked", "excluded"] as const;

/**
 * S1, S11: one integration's external records that have no hub customer (kept while the
 * integration syncs selected customers, or excluded), in link id order after `after`; `search`
 * matches text in the first or last name, any contact value, or the customer number, ignoring
 * case. Reads the links' stored copies (`external`): no call to the external system.
 */
export async function listExternalOnly(
  q: Queryable,
  integrationId: number,
  page: {
    status?: "unlinked" | "excluded" | undefined;
    search?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<ExternalOnlyRecord[]> {
  const params: unknown[] = [integrationId, page.after ?? 0, page.limit];
  const where = ["integration_id = $1", "client_id is null", "external_id is not null", "id > $2"];
  if (page.status) {
    params.push(page.status);
    where.push(`status = $${params.length}`);
  }
  if (page.search) where.push(externalSearchClause(page.search, params));
  const rows = await q.query<{
    id: number;
    external_id: string;
    external_number: string | null;
    status: "unlinked" | "excluded";
    external: CanonicalCustomer | null;
  }>(
    `select id, external_id, external_number, status, external from links
     where ${where.join(" and ")} order by id limit $3`,
    params,
  );
  return rows.map((r) => ({
    linkId: r.id,
    externalId: r.external_id,
    externalNumber: r.external_number,
    status: r.status,
    customer: r.external,
  }));
}

/** S11: how many external-only records (matching `search`) an integration has, per status. */
export async function countExternalOnly(
  q: Queryable,
  integrationId: number,
  search?: string,
): Promise<Record<"unlinked" | "excluded", number>> {
  const params: unknown[] = [integrationId];
  const where = ["integration_id = $1", "client_id is null", "external_id is not null"];
  if (search) where.push(externalSearchClause(search, params));
  const rows = await q.query<{ status: "unlinked" | "excluded"; n: number }>(
    `select status, count(*)::int as n from links where ${where.join(" and ")} group by status`,
    params,
  );
  const counts = { unlinked: 0, excluded: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

function externalSearchClause(search: string, params: unknown[]): string {
  params.push(containsPattern(search), search.trim());
  const p = `$${params.length - 1}`;
  return `((external ->> 'firstName') ilike ${p} or (external ->> 'lastName') ilike ${p}
           or concat_ws(' ', external ->> 'firstName', external ->> 'lastName') ilike ${p}
           or external_number = $${params.length}
           or exists (select 1 from jsonb_array_elements(coalesce(external -> 'contacts', '[]'))
                      as c where c ->> 'value' ilike ${p}))`;
}

/**
 * S5: the external customer of an integration that the hub knows by `number` (linked or not), as
 * its external id; undefined when the hub knows none.
 */
export async function externalIdWithNumber(
  q: Queryable,
  integrationId: number,
  number: string,
): Promise<string | undefined> {
  const [row] = await q.query<{ external_id: string }>(
    `select external_id from links
     where integration_id = $1 and external_number = $2 and external_id is not null limit 1`,
    [integrationId, number],
  );
  return row?.external_id;
}

/**
 * S5: the next free number of an integration whose numbers the hub chooses: one past the highest
 * number made of digits that the hub knows there.
 */
export async function nextExternalNumber(q: Queryable, integrationId: number): Promise<string> {
  const [row] = await q.query<{ n: string }>(
    `select (coalesce(max(external_number::bigint), 0) + 1)::text as n from links
     where integration_id = $1 and external_number ~ '^[0-9]{1,15}$'`,
    [integrationId],
  );
  return row!.n;
}

/** S5: every number the hub knows in an integration (a plan checks kept numbers against them). */
export async function externalNumbersOf(q: Queryable, integrationId: number): Promise<Set<string>> {
  const rows = await q.query<{ external_number: string }>(
    "select external_number from links where integration_id = $1 and external_number is not null",
    [integrationId],
  );
  return new Set(rows.map((r) => r.external_number));
}
