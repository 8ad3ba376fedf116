import type { Queryable } from "./database.ts";

/** T4: an automation that fires `daysAfter` days after each processed sale it matches. */
export interface SalesTrigger {
  id: number;
  storeId: number;
  name: string;
  daysAfter: number;
  /** only sales with a line of this category (compared without case); null: any */
  category: string | null;
  /** only sales of at least this total, in the store's currency; null: any */
  minAmount: string | null;
  active: boolean;
  createdBy: number | null;
  createdAt: Date;
}

interface TriggerRow {
  id: number;
  store_id: number;
  name: string;
  days_after: number;
  category: string | null;
  min_amount: string | null;
  active: boolean;
  created_by: number | null;
  created_at: Date;
}

const fromRow = (r: TriggerRow): SalesTrigger => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  daysAfter: r.days_after,
  category: r.category,
  minAmount: r.min_amount,
  active: r.active,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export type TriggerSettings = Pick<SalesTrigger, "name" | "daysAfter" | "category" | "minAmount">;

export async function insertSalesTrigger(
  q: Queryable,
  storeId: number,
  settings: TriggerSettings,
  createdBy: number | null,
  now: Date,
): Promise<SalesTrigger> {
  const [row] = await q.query<TriggerRow>(
    `insert into sales_triggers (store_id, name, days_after, category, min_amount, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *, min_amount::text as min_amount`,
    [
      storeId,
      settings.name,
      settings.daysAfter,
      settings.category,
      settings.minAmount,
      createdBy,
      now,
    ],
  );
  return fromRow(row!);
}

export async function salesTriggersOf(q: Queryable, storeId: number): Promise<SalesTrigger[]> {
  const rows = await q.query<TriggerRow>(
    "select *, min_amount::text as min_amount from sales_triggers where store_id = $1 order by id",
    [storeId],
  );
  return rows.map(fromRow);
}

/** The store's trigger, locked for the caller's transaction (undefined: no such trigger there). */
export async function lockSalesTrigger(
  q: Queryable,
  storeId: number,
  id: number,
): Promise<SalesTrigger | undefined> {
  const [row] = await q.query<TriggerRow>(
    "select *, min_amount::text as min_amount from sales_triggers where store_id = $1 and id = $2 for update",
    [storeId, id],
  );
  return row ? fromRow(row) : undefined;
}

/**
 * Changes a trigger's settings. Its sales still waiting for their day are kept if the new
 * filters still take them, and their day moved to the new number of days; a trigger switched off
 * drops them (switched on again, it
 * fires for the sales processed from then on, never for a backlog).
 */
export async function updateSalesTrigger(
  q: Queryable,
  trigger: SalesTrigger,
): Promise<SalesTrigger> {
  const [row] = await q.query<TriggerRow>(
    `update sales_triggers set name = $3, days_after = $4, category = $5, min_amount = $6, active = $7
     where store_id = $1 and id = $2 returning *, min_amount::text as min_amount`,
    [
      trigger.storeId,
      trigger.id,
      trigger.name,
      trigger.daysAfter,
      trigger.category,
      trigger.minAmount,
      trigger.active,
    ],
  );
  if (!trigger.active)
    await q.query("delete from sale_trigger_due where store_id = $1 and trigger_id = $2", [
      trigger.storeId,
      trigger.id,
    ]);
  else {
    // a sale the changed filters no longer take stops waiting; the others wait for the new day
    await q.query(
      `delete from sale_trigger_due d using purchases p, sales_triggers t
       where d.store_id = $1 and d.trigger_id = $2 and p.id = d.purchase_id
         and t.store_id = d.store_id and t.id = d.trigger_id and not (${counts("t", "p")})`,
      [trigger.storeId, trigger.id],
    );
    await q.query(
      `update sale_trigger_due d set due_at = ${dueAt("p", "s", "$3")}
       from purchases p, stores s
       where d.store_id = $1 and d.trigger_id = $2 and p.id = d.purchase_id
         and p.store_id = d.store_id and s.id = d.store_id`,
      [trigger.storeId, trigger.id, trigger.daysAfter],
    );
  }
  return fromRow(row!);
}

/**
 * Whether the sale (purchase `p`) is one the trigger (`t`) counts: made from the trigger's
 * creation on (a trigger is not for the past), by a POS sale made after its integration's
 * onboarding (history processed late, such as a customer's old sales taken up when they start to
 * sync, fires nothing), of at least the minimum total, with a line of the category.
 */
const counts = (t: string, p: string) => `${p}.store_id = ${t}.store_id
       and ${p}.occurred_at >= ${t}.created_at
       and (${p}.integration_id is null or ${p}.occurred_at >= (
             select i.assignment_onboarded_at from integrations i where i.id = ${p}.integration_id))
       and (${t}.min_amount is null or ${p}.total >= ${t}.min_amount)
       and (${t}.category is null or exists (
             select 1 from purchase_lines l join products pr on pr.id = l.product_id
             where l.purchase_id = ${p}.id and lower(pr.category) = lower(${t}.category)))`;

/** `days` days after the sale, by the calendar of the store's time zone (a DST day is 23 or 25 h) */
const dueAt = (purchase: string, store: string, days: string) =>
  `((${purchase}.occurred_at at time zone ${store}.time_zone) + make_interval(days => ${days}))
     at time zone ${store}.time_zone`;

/**
 * T4: the processed sales (purchases) wait for the store's active triggers they match: each
 * trigger once per sale (a sale processed again is a duplicate and never gets here). Called by
 * the engine as it processes them, so a trigger never fires before its sale is processed.
 */
export async function scheduleSaleTriggers(
  q: Queryable,
  storeId: number,
  purchaseIds: readonly number[],
): Promise<number> {
  if (purchaseIds.length === 0) return 0;
  const rows = await q.query(
    `insert into sale_trigger_due (store_id, trigger_id, purchase_id, due_at)
     select t.store_id, t.id, p.id, ${dueAt("p", "s", "t.days_after")}
     from sales_triggers t
     join stores s on s.id = t.store_id
     join purchases p on p.id = any($2::bigint[])
     where t.store_id = $1 and t.active and ${counts("t", "p")}
     on conflict do nothing
     returning 1`,
    [storeId, purchaseIds],
  );
  return rows.length;
}

/**
 * T4: fires up to `limit` triggers whose day has come: each becomes a follow-up task for the
 * client's associate as it is now (a deactivated one's go to the queue), or the store's queue when
 * the client is Unassigned. A due row is deleted as its task is written, in one statement, so each
 * fires once; workers running this side by side take different rows. Returns the tasks written.
 */
export async function fireDueTriggers(q: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await q.query(
    `with due as (
       select store_id, trigger_id, purchase_id from sale_trigger_due
       where due_at <= $1 order by due_at limit $2 for update skip locked
     ), fired as (
       delete from sale_trigger_due d using due
       where d.store_id = due.store_id and d.trigger_id = due.trigger_id
         and d.purchase_id = due.purchase_id
       returning d.*
     )
     insert into follow_up_tasks (store_id, trigger_id, purchase_id, client_id, assigned_user_id, title, due_at, created_at)
     select f.store_id, f.trigger_id, f.purchase_id, p.client_id, u.id, t.name, f.due_at, $1
     from fired f
     -- a trigger switched off while its sale was being noted fires nothing (its note goes)
     join sales_triggers t on t.store_id = f.store_id and t.id = f.trigger_id and t.active
     join purchases p on p.id = f.purchase_id and p.store_id = f.store_id
     join clients c on c.id = p.client_id and c.store_id = p.store_id
     left join users u on u.id = c.assigned_user_id and u.deactivated_at is null
     on conflict (store_id, trigger_id, purchase_id) do nothing
     returning 1`,
    [now, limit],
  );
  return rows.length;
}
