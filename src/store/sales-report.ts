import type { Queryable } from "./database.ts";

/**
 * T5: the hub's sales log and report, over processed sales only (purchases: a held or staged sale
 * is not one yet), in the store's time zone. Reads only.
 */

/** one sale in the log */
export interface SaleLogRow {
  purchaseId: number;
  externalId: string | null;
  occurredAt: Date;
  /** the store-local day, YYYY-MM-DD */
  day: string;
  clientId: number;
  clientName: string;
  total: string;
  currency: string;
  associateNumber: string | null;
  /** the user the number maps to in that integration, when one does */
  associateUserId: number | null;
  categories: string[];
}

export interface SalesRange {
  storeId: number;
  timeZone: string;
  /** store-local days, inclusive */
  from: string;
  to: string;
}

/** The sales of the days, newest first, `limit` at a time after the purchase id `before`. */
export async function salesLog(
  q: Queryable,
  range: SalesRange,
  page: { limit: number; before?: number | undefined },
): Promise<SaleLogRow[]> {
  const rows = await q.query<{
    id: number;
    external_id: string | null;
    occurred_at: Date;
    day: string;
    client_id: number;
    client_name: string;
    total: string;
    currency: string;
    associate_number: string | null;
    user_id: number | null;
    categories: string[];
  }>(
    `select p.id, p.external_id, p.occurred_at,
            to_char((p.occurred_at at time zone $2)::date, 'YYYY-MM-DD') as day,
            p.client_id, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as client_name,
            p.total::text as total, p.currency, p.associate_number, coalesce(p.sold_by, ua.user_id) as user_id,
            coalesce((select array_agg(distinct pr.category order by pr.category)
                      from purchase_lines l join products pr on pr.id = l.product_id
                      where l.purchase_id = p.id and pr.category is not null), '{}') as categories
     from purchases p
     join clients c on c.id = p.client_id and c.store_id = $1
     left join lateral (
       -- the one user the number maps to (a number held twice maps to no one)
       select min(x.user_id) as user_id from user_associates x
       where x.integration_id = p.integration_id and x.associate_number = p.associate_number
       having count(*) = 1) ua on true
     where (p.occurred_at at time zone $2)::date between $3::date and $4::date
       and ($6::bigint is null or p.id < $6)
     order by p.id desc
     limit $5`,
    [range.storeId, range.timeZone, range.from, range.to, page.limit, page.before ?? null],
  );
  return rows.map((r) => ({
    purchaseId: r.id,
    externalId: r.external_id,
    occurredAt: r.occurred_at,
    day: r.day,
    clientId: r.client_id,
    clientName: r.client_name,
    total: r.total,
    currency: r.currency,
    associateNumber: r.associate_number,
    associateUserId: r.user_id,
    categories: r.categories,
  }));
}

export type ReportGrouping = "day" | "associate" | "category";

/** one row of the report: the group's key, how many sales, and their total */
export interface ReportRow {
  key: string;
  sales: number;
  total: string;
}

/**
 * Totals and counts by store-local day, by associate (the user a number maps to, else
 * "number <n>", else "none"), or by category (of the lines: a sale of two categories counts in
 * both, with each one's line amounts; lines without one under "none").
 */
export async function salesReport(
  q: Queryable,
  range: SalesRange,
  by: ReportGrouping,
): Promise<ReportRow[]> {
  const inRange = `from purchases p join clients c on c.id = p.client_id and c.store_id = $1
     where (p.occurred_at at time zone $2)::date between $3::date and $4::date`;
  const sql = {
    day: `select to_char((p.occurred_at at time zone $2)::date, 'YYYY-MM-DD') as key,
                 count(*)::int as sales, sum(p.total)::text as total
          ${inRange} group by 1 order by 1`,
    associate: `select coalesce('user ' || coalesce(p.sold_by, ua.user_id), 'number ' || p.associate_number, 'none') as key,
                       count(*)::int as sales, sum(p.total)::text as total
                ${inRange.replace(
                  "where",
                  `left join lateral (
       -- the one user the number maps to (a number held twice maps to no one)
       select min(x.user_id) as user_id from user_associates x
       where x.integration_id = p.integration_id and x.associate_number = p.associate_number
       having count(*) = 1) ua on true
                   where`,
                )}
                group by 1 order by 1`,
    category: `select coalesce(pr.category, 'none') as key, count(distinct p.id)::int as sales,
                      sum(l.amount)::text as total
               ${inRange.replace(
                 "where",
                 `join purchase_lines l on l.purchase_id = p.id
                  join products pr on pr.id = l.product_id
                  where`,
               )}
               group by 1 order by 1`,
  }[by];
  return q.query<ReportRow>(sql, [range.storeId, range.timeZone, range.from, range.to]);
}
