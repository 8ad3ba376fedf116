import type { Queryable } from "./database.ts";

/*
 * Reads of the inbox (change_events) as users see it: the failing events of a store. The table's
 * writes are all in change-events-table.ts.
 */

export type EventState = "waiting" | "parked" | "processed";

/** An inbound change as a user sees it in the list of failures. */
export interface EventView {
  id: number;
  integrationId: number | null;
  kind: string;
  /** the record's id at its source (a customer, a sale, an inventory item) */
  externalId: string | null;
  /** the hub customer concerned, when there is one */
  customerId: number | null;
  state: EventState;
  attempts: number;
  lastError: string | null;
  outcome: string | null;
  retryAt: Date | null;
  receivedAt: Date;
}

interface EventViewRow {
  id: number;
  integration_id: number | null;
  kind: string;
  external_id: string | null;
  customer_id: number | null;
  processed_at: Date | null;
  outcome: string | null;
  attempts: number;
  last_error: string | null;
  retry_at: Date | null;
  received_at: Date;
}

// An event belongs to the store of its integration, or (a hub change) of its client.
export const storeEvents = `from change_events e
  left join integrations i on i.id = e.integration_id
  left join clients c on c.id = e.client_id
  left join links l on l.id = e.link_id
  where coalesce(i.store_id, c.store_id) = $1`;
// a sale's customer is the client linked to the sale's customer in its integration (T2: a held
// sale is shown with the customer it is for)
const viewColumns = `e.id, e.integration_id, e.kind, e.external_id,
  coalesce(l.client_id, e.client_id,
    (select sl.client_id from links sl
     where e.kind like 'sale.%' and sl.integration_id = e.integration_id
       and sl.external_id = e.payload ->> 'customerId' and sl.store_id = i.store_id)) as customer_id,
  e.processed_at, e.outcome, e.attempts, e.last_error, e.retry_at, e.received_at`;
/** A failing event: waiting for its next attempt, or parked after its last. */
export const failingEvent =
  "e.last_error is not null and (e.processed_at is null or e.outcome = 'failed')";

const toView = (r: EventViewRow): EventView => ({
  id: r.id,
  integrationId: r.integration_id,
  kind: r.kind,
  externalId: r.external_id,
  customerId: r.customer_id,
  state: r.processed_at === null ? "waiting" : r.outcome === "failed" ? "parked" : "processed",
  attempts: r.attempts,
  lastError: r.last_error,
  outcome: r.outcome,
  retryAt: r.retry_at,
  receivedAt: r.received_at,
});

/** R7.1: a store's failing inbound changes (waiting for their next attempt, or parked), oldest first. */
export async function listFailingEvents(
  q: Queryable,
  storeId: number,
  limit: number,
): Promise<EventView[]> {
  const rows = await q.query<EventViewRow>(
    `select ${viewColumns} ${storeEvents} and ${failingEvent} order by e.id limit $2`,
    [storeId, limit],
  );
  return rows.map(toView);
}

export async function readEventView(
  q: Queryable,
  storeId: number,
  id: number,
): Promise<EventView | undefined> {
  const rows = await q.query<EventViewRow>(`select ${viewColumns} ${storeEvents} and e.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0] && toView(rows[0]);
}
