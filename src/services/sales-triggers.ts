import { z } from "zod";
import {
  insertSalesTrigger,
  lockSalesTrigger,
  salesTriggersOf,
  updateSalesTrigger,
  type SalesTrigger,
} from "../store/sales-triggers-table.ts";
import { parseInput } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

/** a money amount: up to 10 digits and 2 decimals, given as a number or a string */
const amount = z
  .union([z.number(), z.string()])
  .transform(String)
  .refine((s) => /^\d{1,10}(\.\d{1,2})?$/.test(s), {
    message: "an amount of the store's currency like 100 or 99.95 (at most 2 decimals)",
  });

const triggerFields = {
  name: z.string().trim().min(1).max(200),
  daysAfter: z.number().int().min(0).max(3650),
  category: z.string().trim().min(1).max(200).nullable(),
  minAmount: amount.nullable(),
  active: z.boolean(),
};

/** T4: a new trigger: a name (the follow-up's title) and its day; the filters are optional. */
export const triggerCreateSchema = z
  .object({
    ...triggerFields,
    category: triggerFields.category.optional(),
    minAmount: triggerFields.minAmount.optional(),
    active: triggerFields.active.optional(),
  })
  .strict();

/** A PATCH changes only what it names; null removes a filter. */
export const triggerPatchSchema = z
  .object({
    name: triggerFields.name.optional(),
    daysAfter: triggerFields.daysAfter.optional(),
    category: triggerFields.category.optional(),
    minAmount: triggerFields.minAmount.optional(),
    active: triggerFields.active.optional(),
  })
  .strict();

const managers = ["admin", "manager"] as const;

export async function listSalesTriggers(
  ctx: ServiceContext,
  actor: Actor,
): Promise<SalesTrigger[]> {
  requireRole(actor, managers, "reading the sales triggers");
  return salesTriggersOf(ctx.db, actor.storeId);
}

/**
 * T4: managers and admins set up the store's automations. A trigger fires for the sales
 * processed from its creation on (never for the history before it).
 */
export async function createSalesTrigger(
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
): Promise<SalesTrigger> {
  requireRole(actor, managers, "setting up sales triggers");
  const data = parseInput(triggerCreateSchema, input);
  const trigger = await ctx.db.transaction(async (tx) => {
    const created = await insertSalesTrigger(
      tx,
      actor.storeId,
      {
        name: data.name,
        daysAfter: data.daysAfter,
        category: data.category ?? null,
        minAmount: data.minAmount ?? null,
      },
      actor.userId,
      ctx.clock.now(),
    );
    return data.active === false ? updateSalesTrigger(tx, { ...created, active: false }) : created;
  });
  ctx.log.info({ trigger: trigger.id, by: actor.userId }, "sales trigger created");
  return trigger;
}

export async function changeSalesTrigger(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<SalesTrigger> {
  requireRole(actor, managers, "changing sales triggers");
  const patch = parseInput(triggerPatchSchema, input);
  const trigger = await ctx.db.transaction(async (tx) => {
    const current = await lockSalesTrigger(tx, actor.storeId, id);
    if (!current) throw new ServiceError("not_found", `sales trigger ${id} does not exist`);
    const next = { ...current };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined) Object.assign(next, { [key]: value });
    return updateSalesTrigger(tx, next);
  });
  ctx.log.info(
    { trigger: id, by: actor.userId, fields: Object.keys(patch) },
    "sales trigger changed",
  );
  return trigger;
}
