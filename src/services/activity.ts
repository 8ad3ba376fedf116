import { z } from "zod";
import { listProducts } from "../store/products-table.ts";
import { purchasesOf } from "../store/purchases-table.ts";
import { changeableClient, storeClient } from "./client-access.ts";
import { describeIssue } from "./customer-schemas.ts";
import * as engine from "../engine/entries.ts";
import { applyHubChange } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

export const messageSchema = z.object({
  channel: z.enum(["email", "text"]),
  body: z.string().trim().min(1).max(20_000),
});

/**
 * F7: records an email or text sent to the customer from the hub; it is written to the customer's
 * activity at the POS. (Delivering the message is the messaging provider's job, not Tandem's.)
 */
export async function recordSentMessage(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  input: unknown,
) {
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  await changeableClient(ctx.db, actor, clientId);
  return applyHubChange(
    ctx,
    actor,
    { kind: "message.sent", clientId, ...parsed.data },
    engine.recordMessage,
  );
}

/** F6, T5: the customer's purchases, oldest first, with their lines. */
export async function customerPurchases(ctx: ServiceContext, actor: Actor, clientId: number) {
  await storeClient(ctx.db, actor, clientId);
  return purchasesOf(ctx.db, clientId);
}

/** F4, F6, F8: the store's products; `archived` filters sold and past items in or out. */
export function storeProducts(
  ctx: ServiceContext,
  actor: Actor,
  options: { archived?: boolean | undefined; limit: number; after?: number | undefined },
) {
  return listProducts(ctx.db, actor.storeId, {
    limit: options.limit,
    ...(options.archived === undefined ? {} : { archived: options.archived }),
    ...(options.after === undefined ? {} : { after: options.after }),
  });
}
