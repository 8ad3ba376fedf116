import type { Queryable } from "./database.ts";

/**
 * A1-A8: which user a client is assigned to, and the rules that assign by sales. Every change
 * here is audited in the same statement, with who (the actor) and why (the reason).
 */

/**
 * The associate numbers of an integration that stand for exactly one active user of the store:
 * a number held by two users, or by a deactivated one, assigns no one (it is reported instead).
 */
const mappedNumbers = `
  select ua.associate_number, min(ua.user_id) as user_id
  from user_associates ua
  join users u on u.id = ua.user_id and u.store_id = $2 and u.deactivated_at is null
  where ua.integration_id = $1
  group by ua.associate_number
  having count(*) = 1`;

/**
 * A4: for each Unassigned client of the store ($2) with purchases in the integration ($1), the
 * associate number with the largest total spend (`best`: client_id, associate_number, total,
 * sales). Ties: the most recent sale among them, then the lowest number.
 */
const largestSpendersOf = (clientRange: string) => `
  spend as (
    select p.client_id, p.associate_number, sum(p.total) as total, count(*)::int as sales,
           max(p.occurred_at) as latest
    from purchases p
    join clients c on c.id = p.client_id and c.store_id = $2 and c.assigned_user_id is null
    where p.integration_id = $1 and p.associate_number is not null ${clientRange}
    group by p.client_id, p.associate_number
  ),
  best as (
    select distinct on (client_id) client_id, associate_number, total, sales
    from spend
    order by client_id, total desc, latest desc, associate_number
  )`;
const largestSpenders = largestSpendersOf("");
/** the same, for the clients with ids in [$6, $7) */
const largestSpendersInRange = largestSpendersOf("and p.client_id >= $6 and p.client_id < $7");

/**
 * How many client ids one statement of the assignment by spend covers: the grouping of a whole
 * store's purchases at once grew the embedded store's memory by 60 MB at 100,000 customers (W1),
 * and that memory stays with the process.
 */
const clientsPerStatement = 20_000;

/** The user behind a sale's associate number (F9's mapping read backwards), if exactly one. */
export async function userOfAssociateNumber(
  q: Queryable,
  integrationId: number,
  storeId: number,
  associateNumber: string,
): Promise<number | undefined> {
  const [row] = await q.query<{ user_id: number }>(
    `select user_id from (${mappedNumbers}) m where m.associate_number = $3`,
    [integrationId, storeId, associateNumber],
  );
  return row?.user_id;
}

export interface AssignmentChange {
  storeId: number;
  clientIds: readonly number[];
  userId: number | null;
  /**
   * only clients still assigned so (null: Unassigned) change: the assignment a permission was
   * checked against; absent, any assignment is replaced
   */
  expected?: number | null | undefined;
  actor: string;
  reason: string;
  now: Date;
}

/**
 * A1: clients of one store get one associate, or none (Unassigned), each change with its audit
 * entry. Returns the clients found in the store and those whose assignment changed (the others
 * had it already, or no longer had the expected one). Rows are locked in id order.
 */
export async function setAssignments(
  q: Queryable,
  change: AssignmentChange,
): Promise<{ found: number[]; changed: number[] }> {
  const [row] = await q.query<{ found: number[]; changed: number[] }>(
    `with old as (
       select id, assigned_user_id from clients
       where id = any($1::bigint[]) and store_id = $2 order by id for update
     ),
     changed as (
       update clients c set assigned_user_id = $3, updated_at = $5
       from old
       where c.id = old.id and old.assigned_user_id is distinct from $3
         and (not $7::boolean or old.assigned_user_id is not distinct from $8::bigint)
       returning c.id, old.assigned_user_id as previous
     ),
     audited as (
       insert into audit_log (store_id, client_id, integration_id, field, old_value, new_value,
                              source, actor, reason, at)
       select $2, id, null, 'assignedUserId', coalesce(to_jsonb(previous), 'null'),
              coalesce(to_jsonb($3::bigint), 'null'), 'hub', $4, $6, $5
       from changed
       returning client_id
     )
     select coalesce((select array_agg(id::int order by id) from old), '{}') as found,
            coalesce((select array_agg(client_id::int order by client_id) from audited), '{}')
              as changed`,
    [
      change.clientIds,
      change.storeId,
      change.userId,
      change.actor,
      change.now,
      change.reason,
      change.expected !== undefined,
      change.expected ?? null,
    ],
  );
  return { found: row?.found ?? [], changed: row?.changed ?? [] };
}

/** How many clients a rule assigned. */
export interface RuleAssignments {
  assigned: number;
}

/**
 * A5: each Unassigned client among these purchases' customers goes to the associate who made
 * its earliest of them, once the integration's onboarding assignment (A4) has run. A client
 * assigned already keeps its associate (A6), and a sale whose number maps to no one (or to two
 * users) assigns no one. A client whose row another transaction holds is skipped (a user is
 * assigning it: theirs is the assignment), so sales never wait on users.
 */
export async function assignByPurchases(
  q: Queryable,
  integration: { id: number; storeId: number; kind: string; onboardedAt: Date | null },
  purchaseIds: readonly number[],
  now: Date,
): Promise<RuleAssignments> {
  // the first sync's history assigns no one (A4 does, at its end): no statement for it at all
  if (purchaseIds.length === 0 || integration.onboardedAt === null) return { assigned: 0 };
  const rows = await q.query<{ n: number }>(
    `with free as (
       -- a client row another transaction holds (a user assigning it) is left to that one
       select c.id from clients c
       where c.id in (select client_id from purchases where id = any($3::bigint[]))
         and c.assigned_user_id is null
         and exists (select 1 from integrations i
                     where i.id = $1 and i.assignment_onboarded_at is not null)
       order by c.id
       for update of c skip locked
     ),
     firsts as (
       select distinct on (p.client_id) p.client_id, p.associate_number, p.external_id
       from purchases p
       join free on free.id = p.client_id
       where p.id = any($3::bigint[]) and p.associate_number is not null
       order by p.client_id, p.occurred_at, p.id
     ),
     assigned as (
       update clients c set assigned_user_id = m.user_id, updated_at = $4
       from firsts f join (${mappedNumbers}) m on m.associate_number = f.associate_number
       where c.id = f.client_id and c.assigned_user_id is null
       returning c.id, m.user_id, f.associate_number, f.external_id
     ),
     audited as (
       insert into audit_log (store_id, client_id, integration_id, field, old_value, new_value,
                              source, actor, reason, at)
       select $2::bigint, id, $1, 'assignedUserId', 'null', to_jsonb(user_id), $5, 'system',
              format('A5: first purchase since onboarding (sale %s, associate %s)',
                     external_id, associate_number),
              $4
       from assigned
       returning 1
     )
     select count(*)::int as n from audited`,
    [integration.id, integration.storeId, purchaseIds, now, integration.kind],
  );
  return { assigned: rows[0]?.n ?? 0 };
}

/**
 * A4: every Unassigned client with purchases in the integration goes to the associate with the
 * largest total spend there (returns and refunds, negative totals, count against it), not the
 * most sales. Ties: the associate of the most recent sale among them, then the lowest associate
 * number. A client whose largest spender's number maps to no one stays Unassigned (the store maps
 * the number and runs this again); a client whose spend is not above zero stays Unassigned.
 */
export async function assignByLargestSpend(
  q: Queryable,
  integration: { id: number; storeId: number; kind: string },
  actor: string,
  now: Date,
): Promise<RuleAssignments> {
  const [bounds] = await q.query<{ lo: number | null; hi: number | null }>(
    "select min(id)::int as lo, max(id)::int as hi from clients where store_id = $1",
    [integration.storeId],
  );
  let assigned = 0;
  if (bounds?.lo === null || bounds?.lo === undefined) return { assigned };
  for (let from = bounds.lo; from <= bounds.hi!; from += clientsPerStatement)
    assigned += await assignRange(q, integration, actor, now, from, from + clientsPerStatement);
  return { assigned };
}

async function assignRange(
  q: Queryable,
  integration: { id: number; storeId: number; kind: string },
  actor: string,
  now: Date,
  from: number,
  to: number,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `with ${largestSpendersInRange},
     assigned as (
       update clients c set assigned_user_id = m.user_id, updated_at = $3
       from best b join (${mappedNumbers}) m on m.associate_number = b.associate_number
       where c.id = b.client_id and b.total > 0 and c.assigned_user_id is null
       returning c.id, m.user_id, b.associate_number, b.total, b.sales
     ),
     audited as (
       insert into audit_log (store_id, client_id, integration_id, field, old_value, new_value,
                              source, actor, reason, at)
       select $2::bigint, id, $1, 'assignedUserId', 'null', to_jsonb(user_id), $5, $4,
              format('A4: largest total spend, %s in %s sales with associate %s',
                     total, sales, associate_number),
              $3
       from assigned
       returning 1
     )
     select count(*)::int as n from audited`,
    [integration.id, integration.storeId, now, actor, integration.kind, from, to],
  );
  return rows[0]?.n ?? 0;
}

/** An associate number on sales of the integration that assigns no one, and what it holds. */
export interface UnmappedAssociate {
  associateNumber: string;
  why: "unmapped" | "held by several users" | "held by a deactivated user";
  sales: number;
  total: string;
  /** Unassigned clients whose largest spend is with this number (A4 would assign them) */
  clientsWaiting: number;
}

/**
 * A4: the associate numbers on the integration's sales that map to no single active user, with
 * their sales, spend, and the Unassigned clients waiting for them: what the store maps before it
 * runs the assignment again.
 */
export async function unmappedAssociates(
  q: Queryable,
  integration: { id: number; storeId: number },
): Promise<UnmappedAssociate[]> {
  const rows = await q.query<{
    associate_number: string;
    holders: number;
    active: number;
    sales: number;
    total: string;
    waiting: number;
  }>(
    `with numbers as (
       select p.associate_number, count(*)::int as sales, sum(p.total)::text as total
       from purchases p
       where p.integration_id = $1 and p.associate_number is not null
       group by p.associate_number
     ),
     holders as (
       select ua.associate_number, count(*)::int as holders,
              count(*) filter (where u.deactivated_at is null)::int as active
       from user_associates ua join users u on u.id = ua.user_id and u.store_id = $2
       where ua.integration_id = $1
       group by ua.associate_number
     ),
     ${largestSpenders},
     waiting as (
       select associate_number, count(*)::int as waiting from best where total > 0
       group by associate_number
     )
     select n.associate_number, coalesce(h.holders, 0) as holders, coalesce(h.active, 0) as active,
            n.sales, n.total, coalesce(w.waiting, 0) as waiting
     from numbers n
     left join holders h using (associate_number)
     left join waiting w using (associate_number)
     where coalesce(h.active, 0) <> 1
     order by n.associate_number`,
    [integration.id, integration.storeId],
  );
  return rows.map((r) => ({
    associateNumber: r.associate_number,
    why:
      r.active > 1
        ? "held by several users"
        : r.holders > 0
          ? "held by a deactivated user"
          : "unmapped",
    sales: r.sales,
    total: r.total,
    clientsWaiting: r.waiting,
  }));
}

/**
 * A4: marks the integration's onboarding assignment as run, once: true for the caller that marked
 * it (it runs the assignment in the same transaction), false when it had run already. From then
 * on its sales are held for their batch (T1), the first batch taking those that come after now.
 */
export async function markAssignmentOnboarded(
  q: Queryable,
  integrationId: number,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update integrations
     set assignment_onboarded_at = $2, sales_released_at = coalesce(sales_released_at, $2)
     where id = $1 and assignment_onboarded_at is null returning id`,
    [integrationId, now],
  );
  return rows.length > 0;
}

/**
 * A4: integrations whose first sync of customers and sales is in: they have a sales feed, every
 * feed has caught up (T3: the customers and sales without an error: history that failed to come
 * is fetched again, from its page, before onboarding ends), and no change of theirs waits untried in the inbox (one that failed and
 * waits to be tried again, such as a sale whose customer never came, does not hold onboarding
 * back). Their onboarding assignment has not run yet.
 */
export async function integrationsDueForOnboarding(
  q: Queryable,
): Promise<Array<{ id: number; storeId: number }>> {
  const rows = await q.query<{ id: number; store_id: number }>(
    `select i.id, i.store_id from integrations i
     where i.enabled and i.assignment_onboarded_at is null
       and exists (select 1 from poll_cursors pc where pc.integration_id = i.id and pc.feed = 'sales')
       -- T3: the customers and sales caught up without an error (a failed page is fetched again
       -- first; a failing inventory feed does not hold onboarding back)
       and not exists (select 1 from poll_cursors pc
                       where pc.integration_id = i.id
                         and (not pc.caught_up
                              or (pc.last_error is not null and pc.feed in ('customers', 'sales'))))
       and not exists (select 1 from change_events e
                       where e.integration_id = i.id and e.processed_at is null and e.attempts = 0)
     order by i.id`,
  );
  return rows.map((r) => ({ id: r.id, storeId: r.store_id }));
}
