import { connectorActor } from "../domain/actor-id.ts";
import { externalEventKey, type ExternalCustomer } from "../domain/customer.ts";
import type { HubChange } from "../domain/hub-change.ts";
import type { RejectedRecordPayload } from "../domain/inbox-change.ts";
import type { InventoryRecord, SaleRecord } from "../domain/retail-records.ts";
import { storable } from "../domain/storable-text.ts";
import { insertChangeEvents, insertHubChangeEvent } from "./change-events-table.ts";
import type { Queryable } from "./database.ts";

/**
 * R8.3: the inbox's one API for writing changes (capture, apply and services all record through
 * it), one function per kind of change, each with the payload the engine checks when it claims
 * the event (domain/inbox-change.ts). The engine's side of the inbox (claim, mark, fail) is in
 * change-events-table.ts.
 */

/** Where an external customer's state came from: a feed, or the answer to Tandem's own write. */
export type CustomerOrigin =
  { via: "webhook" | "poll" } | { answer: "created" | "updated" | "matched"; keySuffix?: string };

/**
 * External customers into the inbox, keyed by id and version, so the webhook, the poll and the
 * answer to Tandem's own write of one state are one event (S4, F11); duplicates are dropped.
 * Text the database cannot hold is replaced (R7.1): one odd record never stops its feed.
 * Returns how many were new.
 */
export function recordExternalCustomers(
  q: Queryable,
  integrationId: number,
  customers: readonly ExternalCustomer[],
  origin: CustomerOrigin,
  now: Date,
): Promise<number> {
  const feed = "via" in origin;
  return insertChangeEvents(
    q,
    storable(customers).map((customer) => ({
      integrationId,
      source: "external",
      eventKey: externalEventKey(customer) + (feed ? "" : (origin.keySuffix ?? "")),
      kind: `customer.${feed ? origin.via : origin.answer}`,
      externalId: customer.id,
      version: customer.version,
      payload: customer,
      // the channel it came by: connector:poll, connector:webhook, or connector:answer (apply)
      actor: connectorActor(feed ? origin.via : "answer"),
      receivedAt: now,
    })),
  );
}

/**
 * Inventory items (F8) or sales (F6) into the inbox, keyed by kind, id and version: the webhook
 * and the poll of one record are one event (S4).
 */
export function recordExternalRecords(
  q: Queryable,
  integrationId: number,
  kind: "inventory" | "sale",
  records: ReadonlyArray<InventoryRecord | SaleRecord>,
  via: "webhook" | "poll",
  now: Date,
): Promise<number> {
  return insertChangeEvents(
    q,
    storable(records).map((record) => ({
      integrationId,
      source: "external",
      eventKey: `${kind}:${record.id}@${record.version}`,
      kind: `${kind}.${via}`,
      externalId: record.id,
      version: record.version,
      payload: record,
      actor: connectorActor(via),
      receivedAt: now,
    })),
  );
}

/**
 * R7.1: feed records the connector could not read, as `<kind>.rejected` changes: the engine fails
 * them with their reason, so they are listed (GET /v1/events/failed) and their customer, if
 * linked, shows the error, until a later version of the record comes in. The payload holds the
 * id, version and reason only, never the record's values.
 */
export function recordRejectedRecords(
  q: Queryable,
  integrationId: number,
  kind: "customer" | "inventory" | "sale",
  rejected: readonly RejectedRecordPayload[],
  pageCursor: string,
  now: Date,
): Promise<number> {
  return insertChangeEvents(
    q,
    rejected.map((record, index) => ({
      integrationId,
      source: "external",
      eventKey:
        record.id === null
          ? `rejected:${kind}:?@${pageCursor}#${index}`
          : `rejected:${kind}:${record.id}@${record.version ?? "?"}`,
      kind: `${kind}.rejected`,
      externalId: record.id,
      version: record.version,
      payload: record,
      actor: connectorActor("poll"),
      receivedAt: now,
    })),
  );
}

/**
 * S6: the changes of a bulk run, recorded for the engine's workers in one statement; each under
 * its own key, so recording the same change twice records it once.
 */
export async function recordRunChanges(
  q: Queryable,
  runId: number,
  changes: ReadonlyArray<{ key: string; change: HubChange }>,
  actor: string,
  now: Date,
): Promise<number> {
  return insertChangeEvents(
    q,
    changes.map(({ key, change }) => ({
      integrationId: null,
      source: "hub" as const,
      eventKey: key,
      kind: change.kind,
      clientId: "clientId" in change ? change.clientId : null,
      payload: change,
      actor,
      receivedAt: now,
      runId,
    })),
  );
}

/**
 * A change made in the hub, in a store, under `eventKey` (its identity: a random key for a user's
 * change, a derived one for the system's, so that recording it twice records it once). Returns
 * the event's id, or undefined when that key is already in the inbox.
 */
export async function recordHubChange(
  q: Queryable,
  change: HubChange,
  by: { storeId: number; eventKey: string; actor: string },
  now: Date,
): Promise<number | undefined> {
  return insertHubChangeEvent(q, by.storeId, {
    eventKey: by.eventKey,
    kind: change.kind,
    clientId: "clientId" in change ? change.clientId : null,
    payload: change,
    actor: by.actor,
    receivedAt: now,
  });
}
