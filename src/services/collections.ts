import { z } from "zod";
import { collectionsOf } from "../store/collections-table.ts";
import { changeableClient, storeClient } from "./client-access.ts";
import { customerCaps, describeIssue } from "./customer-schemas.ts";
import * as engine from "../engine/entries.ts";
import { applyHubChange, type CustomerView } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

export const collectionItemSchema = z
  .object({
    productId: z.number().int().positive().optional(),
    description: z.string().trim().min(1).max(500).optional(),
  })
  .refine((i) => (i.productId === undefined) !== (i.description === undefined), {
    message:
      "give either productId (a product, e.g. a stock item) or description (a non-stock wish)",
  });

export async function customerCollections(ctx: ServiceContext, actor: Actor, clientId: number) {
  await storeClient(ctx.db, actor, clientId);
  return collectionsOf(ctx.db, clientId);
}

/** F4: adds to a collection; the one named as the integration's wish list goes to the POS. */
export async function addToCollection(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  collection: string,
  input: unknown,
): Promise<CustomerView> {
  const parsed = collectionItemSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const name = collection.trim();
  if (!name || name.length > 100)
    throw new ServiceError("invalid", "collection: give a name of 1 to 100 characters");
  await changeableClient(ctx.db, actor, clientId);
  await checkRoomFor(ctx, clientId, name);
  // a product the store does not have is the engine's refusal (invalid_edit)
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "collection.add",
      clientId,
      collection: name,
      ...parsed.data,
    },
    engine.addToCollection,
  );
}

/**
 * R7.11: a customer holds at most `customerCaps.collections` collections of at most
 * `customerCaps.collectionItems` items each, so no role can grow one customer without bound.
 * Checked before the add (two adds at the same moment may pass one over; the cap is a guard
 * against abuse, not an exact count).
 */
async function checkRoomFor(ctx: ServiceContext, clientId: number, name: string) {
  const collections = await collectionsOf(ctx.db, clientId);
  const existing = collections.find((c) => c.name === name);
  if (existing && existing.items.length >= customerCaps.collectionItems)
    throw new ServiceError(
      "invalid",
      `collection: '${name}' holds ${existing.items.length} items, the most a collection may hold (${customerCaps.collectionItems}); remove some first`,
    );
  if (!existing && collections.length >= customerCaps.collections)
    throw new ServiceError(
      "invalid",
      `collection: the customer has ${collections.length} collections, the most a customer may hold (${customerCaps.collections}); add to one of them`,
    );
}

/** Removes an item from one of the customer's collections (named, so the path says which). */
export async function removeFromCollection(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  collection: string,
  itemId: number,
) {
  await changeableClient(ctx.db, actor, clientId);
  const collections = await collectionsOf(ctx.db, clientId);
  const named = collections.find((c) => c.name === collection.trim());
  if (!named?.items.some((i) => i.id === itemId))
    throw new ServiceError(
      "not_found",
      `customer ${clientId} has no item ${itemId} in the collection '${collection}'`,
    );
  return applyHubChange(
    ctx,
    actor,
    { kind: "collection.remove", clientId, itemId },
    engine.removeFromCollection,
  );
}
