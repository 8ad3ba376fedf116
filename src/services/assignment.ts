import { assignBySpend, assignClient, assignClients } from "../engine/entries.ts";
import { unmappedAssociates, type UnmappedAssociate } from "../store/client-assignment.ts";
import { storeClient } from "./client-access.ts";
import { applyHubChange, runHubChangeIn, type CustomerView } from "./customers.ts";
import { getIntegration } from "./integrations.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

/** How many customers one bulk assignment names at most. */
export const bulkAssignmentCap = 1000;

/**
 * A7: why the actor may not move this customer from `current` to `next` (undefined: they may).
 * A manager or admin assigns anyone to anyone; an associate takes an Unassigned customer for
 * themself, and lets go of their own.
 */
export function assignmentRefusal(
  actor: Actor,
  current: number | null,
  next: number | null,
): string | undefined {
  if (actor.role !== "associate" || current === next) return undefined;
  const self = actor.userId;
  if (current === null && next === self) return undefined;
  if (current === self && next === null) return undefined;
  if (current !== null && current !== self)
    return "it is assigned to another user: an associate takes only Unassigned customers (A7); ask a manager";
  return "an associate assigns only themself, to an Unassigned customer, and unassigns only themself (A7); ask a manager";
}

/**
 * A8: set the customer's associate from its profile: a user of the store, or Unassigned (null).
 * A7 decides who may; the assignment is checked again under the customer's lock, so a change made
 * meanwhile is refused (409) instead of overwritten. Audited with who, and why: by hand.
 */
export async function assignCustomer(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  userId: number | null,
): Promise<CustomerView> {
  const client = await storeClient(ctx.db, actor, clientId);
  const refusal = assignmentRefusal(actor, client.assignedUserId, userId);
  if (refusal !== undefined)
    throw new ServiceError("forbidden", `customer ${clientId}: ${refusal}`);
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "client.assign",
      clientId,
      userId,
      expected: client.assignedUserId,
      reason: "A8: set by hand",
    },
    assignClient,
  );
}

/** What a bulk assignment did with each customer it named. */
export interface BulkAssignmentResult {
  userId: number | null;
  assigned: number[];
  unchanged: number[];
  notFound: number[];
}

/**
 * A3, A7: managers and admins assign many customers at once to one user, or make them
 * Unassigned, in one transaction: each customer named is assigned, unchanged (it had that
 * assignment), or not found in the store; each change audited.
 */
export async function assignCustomers(
  ctx: ServiceContext,
  actor: Actor,
  input: { customerIds: number[]; userId: number | null },
): Promise<BulkAssignmentResult> {
  requireRole(actor, ["admin", "manager"], "assigning customers in bulk");
  const ids = [...new Set(input.customerIds)];
  if (ids.length > bulkAssignmentCap)
    throw new ServiceError(
      "invalid",
      `customerIds: at most ${bulkAssignmentCap} customers at once (${ids.length} given); send the rest in another call`,
    );
  let outcome: { found: number[]; changed: number[] } = { found: [], changed: [] };
  await ctx.db.transaction((tx) =>
    runHubChangeIn(
      ctx,
      tx,
      actor,
      {
        kind: "clients.assign",
        storeId: actor.storeId,
        clientIds: ids,
        userId: input.userId,
        reason: `A3: assigned in bulk (${ids.length} customers)`,
      },
      async (tx, now, change, by) => (outcome = await assignClients(tx, now, change, by)),
    ),
  );
  const found = new Set(outcome.found);
  const changed = new Set(outcome.changed);
  return {
    userId: input.userId,
    assigned: ids.filter((id) => changed.has(id)),
    unchanged: ids.filter((id) => found.has(id) && !changed.has(id)),
    notFound: ids.filter((id) => !found.has(id)),
  };
}

/** What an assignment by spend did, and the associate numbers that kept clients Unassigned. */
export interface SpendAssignmentResult {
  assigned: number;
  /** true when this run ended the integration's onboarding (A5 assigns from now on) */
  onboardedNow: boolean;
  unmapped: UnmappedAssociate[];
}

/**
 * A4 by hand: managers and admins run the assignment by largest spend again (after mapping more
 * associate numbers, F9), or for the first time before the scheduler would. It assigns only
 * Unassigned clients and ends onboarding if it had not ended (A5 from then on).
 */
export async function assignBySpendNow(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
): Promise<SpendAssignmentResult> {
  requireRole(actor, ["admin", "manager"], "running the assignment by spend");
  const integration = await getIntegration(ctx, actor, integrationId);
  let outcome = { assigned: 0, first: false };
  await ctx.db.transaction((tx) =>
    runHubChangeIn(
      ctx,
      tx,
      actor,
      { kind: "integration.assignBySpend", integrationId },
      async (tx, now, change, by) => (outcome = await assignBySpend(tx, now, change, by)),
    ),
  );
  return {
    assigned: outcome.assigned,
    onboardedNow: outcome.first,
    unmapped: await unmappedAssociates(ctx.db, { id: integration.id, storeId: actor.storeId }),
  };
}

/**
 * A4: the associate numbers on the integration's sales that assign no one (unmapped, held by
 * several users, or by a deactivated one), with their sales, spend and waiting clients.
 */
export async function listUnmappedAssociates(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
): Promise<UnmappedAssociate[]> {
  requireRole(actor, ["admin", "manager"], "reading the unmapped associates");
  const integration = await getIntegration(ctx, actor, integrationId);
  return unmappedAssociates(ctx.db, { id: integration.id, storeId: actor.storeId });
}
