import { externalEventKey, type ExternalCustomer } from "../domain/customer.ts";
import { insertChangeEvents } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";

/**
 * Puts an external customer as the sink saw it into the inbox. Its key is the id and version, so
 * the webhook of the same write is recognised as a duplicate (F11).
 */
export async function recordSnapshot(
  tx: Queryable,
  integrationId: number,
  customer: ExternalCustomer,
  kind: string,
  now: Date,
  keySuffix = "",
) {
  await insertChangeEvents(tx, [
    {
      integrationId,
      source: "external",
      eventKey: externalEventKey(customer) + keySuffix,
      kind,
      externalId: customer.id,
      version: customer.version,
      payload: customer,
      actor: "apply",
      receivedAt: now,
    },
  ]);
}
