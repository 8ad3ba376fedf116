import { processEventNow } from "../engine/run-engine.ts";
import { listFailingEvents, readEventView, type EventView } from "../store/change-event-views.ts";
import { reopenFailingEvent } from "../store/change-events-table.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/**
 * R7.1: the store's inbound changes that failed: those waiting for their next attempt and those
 * parked after their last, oldest first, each with its reason and the customer it concerns.
 */
export function failingEvents(
  ctx: ServiceContext,
  actor: Actor,
  limit: number,
): Promise<EventView[]> {
  return listFailingEvents(ctx.db, actor.storeId, limit);
}

/**
 * Retries a failing inbound change now, with a fresh set of attempts, and answers with how that
 * went: processed, or failing again (waiting for its next attempt, with the new reason). Only an
 * event that is failing can be retried; one that went through is not applied twice.
 */
export async function retryEvent(
  ctx: ServiceContext,
  actor: Actor,
  eventId: number,
): Promise<EventView> {
  if (!(await reopenFailingEvent(ctx.db, actor.storeId, eventId))) {
    const event = await readEventView(ctx.db, actor.storeId, eventId);
    if (!event) throw new ServiceError("not_found", `there is no change event ${eventId}`);
    throw new ServiceError(
      "conflict",
      `change event ${eventId} is not failing (it is ${event.state}); there is nothing to retry`,
    );
  }
  // A worker may take it first; either way the answer shows where it stands now.
  await processEventNow(ctx.db, ctx.clock, eventId);
  const after = await readEventView(ctx.db, actor.storeId, eventId);
  if (!after) throw new ServiceError("not_found", `there is no change event ${eventId}`);
  return after;
}
