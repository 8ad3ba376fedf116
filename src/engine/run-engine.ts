import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import {
  claimChangeEvent,
  claimChangeEvents,
  recordBatchOutcomes,
  type ChangeEventRecord,
} from "../store/change-events-table.ts";
import type { Db, Queryable } from "../store/database.ts";
import { clearEventError, recordEventFailure, settleRejectedVersions } from "./event-failures.ts";
import type { HubChange } from "../domain/hub-change.ts";
import { parseInboxChange } from "../domain/inbox-change.ts";
import {
  applyCustomerChange,
  applyInventoryChange,
  applySale,
  EngineError,
  hubChangeOutcome,
  refusedOutcome,
  hubEntryOf,
  type HubEntry,
} from "./entries.ts";
import { inSavepoint, trackLocks } from "./lock-keys.ts";
import { salesToReopen } from "./process-external-change.ts";
import { processBatch } from "./run-batch.ts";

/**
 * Runs one claimed event through its typed entry: its payload is checked first (R8.4), and one
 * that does not fit its kind fails with the reason, like any failing event. Returns the outcome
 * recorded on the event.
 */
export async function processEvent(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<string> {
  const change = parseInboxChange(event);
  if (change.type === "hub") {
    // the entry of the change's own kind (TypeScript cannot pair the two by itself)
    const entry = hubEntryOf(change.change.kind) as HubEntry<HubChange["kind"]>;
    try {
      return hubChangeOutcome(
        await inSavepoint(tx, "hub_change", () => entry(tx, now, change.change, event.actor)),
      );
    } catch (error) {
      // S6: a queued change the engine refuses (a bulk run's customer paired meanwhile, a number
      // in use) is a decision, not a fault: a retry cannot change it, so it is done, with the
      // reason as its outcome, and what it wrote is undone
      if (error instanceof EngineError) return refusedOutcome(error.message);
      throw error;
    }
  }
  // R7.1: a record its connector could not read fails with the connector's reason (see capture)
  if (change.type === "rejected") throw new Error(change.record.reason);
  if (event.integrationId === null) return "no-integration";
  if (change.type === "inventory")
    return applyInventoryChange(tx, now, event.integrationId, change.item);
  if (change.type === "sale") return applySale(tx, now, event.integrationId, change.sale);
  return applyCustomerChange(tx, now, event.integrationId, change.customer);
}

/**
 * The outcome of a claimed event could not be written at all (neither done nor failed): the
 * transaction rolled back and the event is as it was, due again at once. The engine loop holds it
 * back for a while so that it does not claim the same event over and over.
 */
export class EventNotRecorded extends Error {
  constructor(
    readonly eventId: number,
    cause: unknown,
  ) {
    super(
      `change event ${eventId}: its outcome could not be recorded: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/**
 * Takes the oldest due event and merges it, in one transaction with everything it writes (hub
 * rows, audit, conflicts, outbound jobs) and its own "processed" mark: a crash at any point
 * leaves either all of it or none. Returns false when there was nothing to do. `skip` names
 * events to leave alone (held back by the engine loop). It is a batch of one (run-batch.ts): the
 * same path as the worker's batches, one event at a time.
 */
export async function processNextEvent(
  db: Db,
  clock: Clock,
  skip: readonly number[] = [],
): Promise<boolean> {
  let claimed: number[] = [];
  try {
    const result = await processBatch(db, () => clock.now(), processEvent, {
      limit: 1,
      skip,
      onClaim: (ids) => (claimed = ids),
    });
    return result.claimed > 0;
  } catch (error) {
    if (claimed.length === 0) throw error;
    throw new EventNotRecorded(claimed[0]!, error);
  }
}

/** Runs one waiting event at once (a user's retry). False if it is not waiting or a worker has it. */
export async function processEventNow(db: Db, clock: Clock, id: number): Promise<boolean> {
  return (await runClaimed(db, clock, (tx) => claimChangeEvent(tx, id))) !== undefined;
}

/**
 * No single event can stop the others: a failing one is rolled back to a savepoint and its failure
 * recorded (it waits with backoff, then is parked); if even that bookkeeping fails, the caller
 * learns which event it was (EventNotRecorded). Returns the id of the event handled.
 */
async function runClaimed(
  db: Db,
  clock: Clock,
  claim: (tx: Queryable, now: Date) => Promise<ChangeEventRecord | undefined>,
): Promise<number | undefined> {
  let claimed: number | undefined;
  try {
    return await db.transaction(async (tx) => {
      const now = clock.now();
      const event = await claim(tx, now);
      if (!event) return undefined;
      claimed = event.id;
      trackLocks(tx);
      let outcome: string;
      try {
        outcome = await inSavepoint(tx, "engine_event", () => processEvent(tx, now, event));
      } catch (error) {
        await recordEventFailure(tx, now, event, error);
        return event.id;
      }
      // F6/S1: a customer that now syncs has its skipped sales reopened with its outcome
      const reopen = salesToReopen(event, outcome);
      await recordBatchOutcomes(tx, [{ id: event.id, outcome }], now, {
        reopenSalesOf: reopen ? [reopen] : [],
        rejectedOf: [],
      });
      await clearEventError(tx, now, event);
      await settleRejectedVersions(tx, now, event);
      return event.id;
    });
  } catch (error) {
    if (claimed === undefined) throw error;
    throw new EventNotRecorded(claimed, error);
  }
}

export interface EngineLoop {
  /** handles the next due events; false when there are none */
  step(): Promise<boolean>;
  /**
   * Whether the last step may have left due events behind: it claimed a full batch (or went one
   * event at a time). A step that claimed fewer took all there were, so a worker waits for the
   * next wake-up instead of asking again at once (R8.5: an empty claim is three round trips).
   */
  mayHaveMore(): boolean;
  /** the events held back now, because their outcome could not be recorded */
  held(): number[];
}

/**
 * The engine as a worker runs it: a batch of up to `batchSize` events per transaction
 * (run-batch.ts; 1 is one event per transaction). If a batch's transaction fails as a whole, its
 * events go again one per transaction, so that the one whose outcome cannot be recorded (the
 * failure bookkeeping itself fails, or the database refuses the commit) is found: it is held back
 * in this process's memory for a while (1 s, 2 s, 4 s ... 10 minutes), logged, and the other
 * events go on; it is tried again when its hold is over.
 *
 * Live edits (events merged one at a time, step 3) are claimed `liveBatchSize` at a time after a
 * batch that was mostly such: the first worker to look no longer takes every edit waiting while
 * the others idle, so all workers share a burst of them. A batch mostly set-based (new customers,
 * sales) brings back full batches.
 */
export function createEngineLoop(
  db: Db,
  clock: Clock,
  log: Logger,
  options: { batchSize?: number; liveBatchSize?: number } = {},
): EngineLoop {
  const holds = new Map<number, { until: number; times: number }>();
  const heldNow = () => {
    const now = clock.now().getTime();
    return [...holds].filter(([, hold]) => hold.until > now).map(([id]) => id);
  };
  const hold = (error: EventNotRecorded) => {
    const times = (holds.get(error.eventId)?.times ?? 0) + 1;
    const delayMs = Math.min(600_000, 1000 * 2 ** (times - 1));
    holds.set(error.eventId, { until: clock.now().getTime() + delayMs, times });
    // under `err`, so the logger's redactError drops the values a driver's error may carry
    log.error(
      { eventId: error.eventId, err: error.cause, holdMs: delayMs },
      "could not record the outcome of a change event; holding it back, the others go on",
    );
  };
  const one = async (
    claim: (tx: Queryable, now: Date) => Promise<ChangeEventRecord | undefined>,
  ) => {
    try {
      const id = await runClaimed(db, clock, claim);
      if (id !== undefined) holds.delete(id);
      return id !== undefined;
    } catch (error) {
      if (!(error instanceof EventNotRecorded)) throw error;
      hold(error);
      return true;
    }
  };
  const batchSize = options.batchSize ?? 1;
  const liveBatchSize = Math.min(batchSize, options.liveBatchSize ?? 20);
  let limit = batchSize;
  let full = true;
  return {
    async step() {
      full = true;
      if (batchSize <= 1)
        return one(async (tx, now) => (await claimChangeEvents(tx, 1, now, heldNow()))[0]);
      let claimed: number[] = [];
      try {
        const result = await processBatch(db, () => clock.now(), processEvent, {
          limit,
          skip: heldNow(),
          onClaim: (ids) => (claimed = ids),
        });
        full = result.claimed >= limit;
        if (result.claimed > 0)
          limit = result.oneAtATime * 2 > result.claimed ? liveBatchSize : batchSize;
        for (const id of result.handled) holds.delete(id);
        return result.handled.length > 0;
      } catch (error) {
        if (claimed.length === 0) throw error;
        log.warn(
          { err: error, events: claimed.length },
          "a batch of change events failed as a whole; its events go one at a time",
        );
        for (const id of claimed) await one((tx) => claimChangeEvent(tx, id));
        return true;
      }
    },
    held: heldNow,
    mayHaveMore: () => full,
  };
}
