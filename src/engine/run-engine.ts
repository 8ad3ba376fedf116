import type { Clock } from "../domain/clock.ts";
import {
  claimChangeEvents,
  markEventFailed,
  markEventProcessed,
  type ChangeEventRecord,
} from "../store/change-events-table.ts";
import type { Db, Queryable } from "../store/database.ts";
import { processExternalChange } from "./process-external-change.ts";
import { processHubChange } from "./process-hub-change.ts";
import { processInventoryChange } from "./process-inventory-change.ts";
import { processSale, WaitingForCustomer } from "./process-sale.ts";

export type { HubChange } from "../domain/hub-change.ts";

/** After this many failed attempts an event is parked as failed (visible, not retried forever). */
const maxEventAttempts = 8;

export async function processEvent(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<string> {
  if (event.source === "hub") {
    const clientId = await processHubChange(tx, now, event);
    return `client:${clientId}`;
  }
  if (event.kind.startsWith("inventory.")) return processInventoryChange(tx, now, event);
  if (event.kind.startsWith("sale.")) return processSale(tx, now, event);
  return processExternalChange(tx, now, event);
}

/**
 * Takes the oldest unprocessed event and merges it, in one transaction with everything it
 * writes (hub rows, audit, conflicts, outbound jobs) and its own "processed" mark: a crash at any
 * point leaves either all of it or none. Returns false when there was nothing to do.
 *
 * One event per transaction is deliberate: a batch would hold the advisory locks of many
 * customers at once, and two workers holding overlapping batches could deadlock.
 */
export async function processNextEvent(db: Db, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [event] = await claimChangeEvents(tx, 1, now);
    if (!event) return false;
    await tx.query("savepoint engine_event");
    try {
      const outcome = await processEvent(tx, now, event);
      await tx.query("release savepoint engine_event");
      await markEventProcessed(tx, event.id, outcome, now);
    } catch (error) {
      await tx.query("rollback to savepoint engine_event");
      const attempts = event.attempts + 1;
      // A sale waiting for its customer waits as long as it takes (up to every 10 minutes);
      // anything else is parked, visible, after its attempts.
      const waiting = error instanceof WaitingForCustomer;
      const delay = Math.min(waiting ? 600_000 : 60_000, 500 * 2 ** attempts);
      const park = !waiting && attempts >= maxEventAttempts;
      await markEventFailed(
        tx,
        event.id,
        (error as Error).message,
        new Date(now.getTime() + delay),
        park,
      );
    }
    return true;
  });
}
