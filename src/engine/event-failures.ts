import { linkQueueKey } from "../domain/job-payloads.ts";
import {
  countFailingEventsOfLink,
  markEventFailed,
  supersedeRejectedEvents,
  type ChangeEventRecord,
} from "../store/change-events-table.ts";
import { openConflictsOf } from "../store/conflicts-table.ts";
import type { Queryable } from "../store/database.ts";
import { hasDeadJob } from "../queue/has-dead-job.ts";
import { clearLinkError, findLink, markLinkError, type LinkRecord } from "../store/links-table.ts";
import { clientLockKey, externalLockKey, inSavepoint, lockKey } from "./lock-keys.ts";
import { InvalidSale, WaitingForCustomer } from "./process-sale.ts";

/** After this many failed attempts an event is parked as failed (visible, not retried forever). */
export const maxEventAttempts = 8;

/**
 * Records that an event failed, in the transaction that claimed it (its own work already rolled
 * back): the event waits with backoff (1 s, 2 s, 4 s ... 60 s) and is parked after its attempts;
 * the customer it concerns goes to the error section with the reason (S11). A sale waiting for
 * its customer waits as long as it takes (up to every 10 minutes), without being an error.
 *
 * If the customer's status cannot be written, the event's failure is still recorded on its own;
 * if even that fails, this throws and the caller holds the event back in memory.
 */
export async function recordEventFailure(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
  error: unknown,
): Promise<void> {
  const attempts = event.attempts + 1;
  const waiting = error instanceof WaitingForCustomer;
  // T2: a sale held back waits for a user (or a corrected version), not for time
  const held = error instanceof InvalidSale;
  const delay = Math.min(waiting ? 600_000 : 60_000, 500 * 2 ** attempts);
  const failure = {
    error: `${subjectOf(event)}: ${error instanceof Error ? error.message : String(error)}`,
    retryAt: new Date(now.getTime() + delay),
    parkedAt: held || (!waiting && attempts >= maxEventAttempts) ? now : null,
    linkId: null,
  };
  try {
    await inSavepoint(tx, "event_failure", async () => {
      const link = waiting || held ? undefined : await lockedLinkOf(tx, event);
      if (link && link.clientId !== null && link.status !== "excluded") {
        await markLinkError(tx, link, failure.error, now);
        await markEventFailed(tx, event.id, { ...failure, linkId: link.id });
      } else await markEventFailed(tx, event.id, failure);
    });
  } catch {
    await markEventFailed(tx, event.id, failure);
  }
}

/**
 * An event that had put its customer in the error section went through: the customer leaves that
 * section unless another of its changes is still failing or one of its writes is dead.
 */
export async function clearEventError(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<void> {
  if (event.linkId == null) return;
  const link = await findLink(tx, { id: event.linkId }, true);
  if (!link || link.status !== "error") return;
  if (await countFailingEventsOfLink(tx, link.id, event.id)) return;
  if (await hasDeadJob(tx, linkQueueKey(link.id))) return;
  const conflicts = await openConflictsOf(tx, link.id);
  const status = conflicts.length > 0 ? "conflict" : link.externalId ? "synced" : "unlinked";
  await clearLinkError(tx, link, status, now);
}

/**
 * R7.1: a version of an external record went through; its older versions the connector could not
 * read (`<kind>.rejected`, failing) are done with it, and leave their customer's error section.
 */
export async function settleRejectedVersions(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<void> {
  if (event.source !== "external" || event.kind.endsWith(".rejected")) return;
  for (const rejected of await supersedeRejectedEvents(tx, event, now))
    await clearEventError(tx, now, rejected);
}

/** What an event is about, for people: "sale s_000003", "customer c_000001 (version 12)". */
function subjectOf(event: ChangeEventRecord): string {
  if (event.source === "hub") return `hub change ${event.kind}`;
  const id = event.externalId ?? "(id unreadable)";
  if (event.kind.startsWith("sale.")) return `sale ${id}`;
  if (event.kind.startsWith("inventory.")) return `inventory item ${id}`;
  return `customer ${id} (version ${event.version ?? "unreadable"})`;
}

/**
 * The customer link an event concerns, locked in the engine's order (external key, client key,
 * link row): a customer change's own link, a sale's customer, a hub sync request's link.
 */
async function lockedLinkOf(
  tx: Queryable,
  event: ChangeEventRecord,
): Promise<LinkRecord | undefined> {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  if (event.source === "hub") {
    const { clientId, integrationId } = payload;
    if (typeof clientId !== "number" || typeof integrationId !== "number") return undefined;
    await lockKey(tx, clientLockKey(clientId));
    return findLink(tx, { integrationId, clientId }, true);
  }
  if (event.integrationId === null || event.kind.startsWith("inventory.")) return undefined;
  const externalId = event.kind.startsWith("sale.") ? payload["customerId"] : event.externalId;
  if (typeof externalId !== "string") return undefined;
  const by = { integrationId: event.integrationId, externalId };
  await lockKey(tx, externalLockKey(by.integrationId, externalId));
  const peek = await findLink(tx, by);
  if (peek?.clientId != null) await lockKey(tx, clientLockKey(peek.clientId));
  return findLink(tx, by, true);
}
