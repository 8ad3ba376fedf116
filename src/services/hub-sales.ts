import { z } from "zod";
import * as engine from "../engine/entries.ts";
import { purchasesOf, type PurchaseView } from "../store/purchases-table.ts";
import { readStore } from "../store/stores-table.ts";
import { readUser } from "../store/users-table.ts";
import { changeableClient } from "./client-access.ts";
import { parseInput } from "./customer-schemas.ts";
import { runHubChangeIn } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

const money = z
  .number()
  .finite()
  .refine((n) => Math.abs(n) < 1e10 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
    message: "an amount with at most 2 decimals",
  });

/**
 * T4: a sale entered by hand: its lines (each line's amount is the line's total, negative for a
 * return), when it happened (by default now; not in the future) and who sold it (by default the
 * user entering it). In the store's currency.
 */
export const hubSaleSchema = z
  .object({
    occurredAt: z.iso
      .datetime({ offset: true })
      .refine((s) => Date.parse(s) >= Date.parse("2000-01-01T00:00:00Z"), {
        message: "a date from the year 2000 on",
      })
      .optional(),
    soldBy: z.number().int().positive().optional(),
    lines: z
      .array(
        z
          .object({
            description: z.string().trim().min(1).max(200),
            category: z.string().trim().min(1).max(200).nullable().optional(),
            quantity: z.number().positive().max(1_000_000).default(1),
            amount: money,
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

/**
 * T4: records a sale a user made outside the POS, processed at once: the customer's purchases
 * show it, the sales log and report count it (T5), A5 gives an Unassigned customer to its seller,
 * and the store's sales triggers start counting its days. An associate enters sales for their own
 * and Unassigned customers, as themself (A7); managers and admins for anyone, by any user.
 */
export async function recordHubPurchase(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  input: unknown,
): Promise<PurchaseView> {
  const data = parseInput(hubSaleSchema, input);
  const now = ctx.clock.now();
  if (data.occurredAt !== undefined && Date.parse(data.occurredAt) > now.getTime() + 60_000)
    throw new ServiceError("invalid", "occurredAt: a sale cannot happen in the future");
  const soldBy = data.soldBy ?? actor.userId;
  if (soldBy !== actor.userId && actor.role === "associate")
    throw new ServiceError(
      "forbidden",
      "soldBy: an associate enters their own sales (A7); ask a manager",
    );
  if (soldBy !== null) {
    const seller = await readUser(ctx.db, soldBy);
    if (!seller || seller.storeId !== actor.storeId || !seller.active)
      throw new ServiceError(
        "invalid",
        `soldBy: user ${soldBy} is not an active user of the store`,
      );
  }
  await changeableClient(ctx.db, actor, clientId);
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  return ctx.db.transaction(async (tx) => {
    await runHubChangeIn(
      ctx,
      tx,
      actor,
      {
        kind: "purchase.record",
        clientId,
        occurredAt: data.occurredAt ?? now.toISOString(),
        soldBy,
        currency: store.currency,
        lines: data.lines.map((l) => ({
          description: l.description,
          category: l.category ?? null,
          quantity: l.quantity,
          amount: l.amount,
        })),
      },
      engine.recordHubSale,
    );
    // the newest purchase entered in the hub for the customer: this one (the customer's lock,
    // held to the commit, keeps another from being entered meanwhile)
    const [entered] = await purchasesOf(tx, clientId, true);
    return entered!;
  });
}
