import { externalEventKey, type ExternalCustomer } from "../domain/customer.ts";
import { insertChangeEvents } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";

/** Writes external customers into the inbox; duplicates (same id and version) are dropped (S4). */
export function recordExternalChanges(
  q: Queryable,
  integrationId: number,
  customers: readonly ExternalCustomer[],
  via: "webhook" | "poll",
  now: Date,
): Promise<number> {
  return insertChangeEvents(
    q,
    customers.map((customer) => ({
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
