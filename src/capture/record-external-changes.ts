import type { RejectedRecord } from "../connectors/kit/connector.ts";
import { externalEventKey, type ExternalCustomer } from "../domain/customer.ts";
import type { InventoryRecord, SaleRecord } from "../domain/retail-records.ts";
import { storable } from "../domain/storable-text.ts";
import { insertChangeEvents } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { connectorActor } from "../domain/actor-id.ts";

/**
 * Writes external customers into the inbox; duplicates (same id and version) are dropped (S4).
 * Text the database cannot hold is replaced (R7.1): one odd record never stops its feed.
 */
export function recordExternalChanges(
  q: Queryable,
  integrationId: number,
  customers: readonly ExternalCustomer[],
  via: "webhook" | "poll",
  now: Date,
): Promise<number> {
  return insertChangeEvents(
    q,
    storable(customers).map((customer) => ({
      integrationId,
      source: "external",
      eventKey: externalEventKey(customer),
      kind: `customer.${via}`,
      externalId: customer.id,
      version: customer.version,
      payload: customer,
      actor: connectorActor(via),
      receivedAt: now,
    })),
  );
}

/**
 * Writes inventory items (F8) or sales (F6) into the inbox, keyed by kind, id and version: the
 * webhook and the poll of one record are one event (S4).
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
 * R7.1: records the feed records the connector could not read as `<kind>.rejected` changes: the
 * engine fails them with their reason, so they are listed (GET /v1/events/failed) and their
 * customer, if linked, shows the error, until a later version of the record comes in. The payload
 * holds the id, version and reason only, never the record's values.
 */
export function recordRejectedRecords(
  q: Queryable,
  integrationId: number,
  kind: "customer" | "inventory" | "sale",
  rejected: readonly RejectedRecord[],
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
