import { externalEventKey, type ExternalCustomer } from "../domain/customer.ts";
import type { InventoryRecord, SaleRecord } from "../domain/retail-records.ts";
import { storable } from "../domain/storable-text.ts";
import { insertChangeEvents } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";

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
      actor: `connector:${via}`,
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
      actor: `connector:${via}`,
      receivedAt: now,
    })),
  );
}
