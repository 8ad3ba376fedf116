import type { FeedName, FeedRecords, RejectedRecord } from "../connectors/kit/connector.ts";
import type { ExternalCustomer } from "../domain/customer.ts";
import type { InventoryRecord, SaleRecord } from "../domain/retail-records.ts";
import type { Queryable } from "../store/database.ts";
import {
  recordExternalCustomers,
  recordExternalRecords,
  recordRejectedRecords,
} from "../store/inbox.ts";

/** The inbox's name for the records of a feed (the engine dispatches on `<record>.<via>`). */
const recordOfFeed = { customers: "customer", inventory: "inventory", sales: "sale" } as const;

/**
 * R8.1: writes one feed's records (a poll page or a webhook delivery) into the inbox, by the
 * feed's name: customers are changes of a customer, the others records of their kind.
 */
export function recordFeedRecords<K extends FeedName>(
  q: Queryable,
  integrationId: number,
  feed: K,
  records: ReadonlyArray<FeedRecords[K]>,
  via: "webhook" | "poll",
  now: Date,
): Promise<number> {
  const kind = recordOfFeed[feed as FeedName];
  return kind === "customer"
    ? recordExternalCustomers(
        q,
        integrationId,
        records as readonly unknown[] as ExternalCustomer[],
        { via },
        now,
      )
    : recordExternalRecords(
        q,
        integrationId,
        kind,
        records as ReadonlyArray<InventoryRecord | SaleRecord>,
        via,
        now,
      );
}

/** R7.1: a feed page's rejected records, by the feed's name. */
export const recordRejectedFeedRecords = (
  q: Queryable,
  integrationId: number,
  feed: FeedName,
  rejected: readonly RejectedRecord[],
  pageCursor: string,
  now: Date,
) => recordRejectedRecords(q, integrationId, recordOfFeed[feed], rejected, pageCursor, now);
