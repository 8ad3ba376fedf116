import type { SaleRecord } from "../../src/domain/retail-records.ts";
import { insertChangeEvents } from "../../src/store/change-events-table.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { deliver, posCustomer, type TestHub } from "./hub.ts";

/** A sale as the POS connector reports it: one special order line worth the whole total. */
export function saleRecord(
  id: string,
  version: number,
  customerId: string,
  total: number,
): SaleRecord {
  return {
    id,
    version,
    customerId,
    associateNumber: null,
    occurredAt: "2026-11-22T10:00:00.000Z",
    currency: "USD",
    total,
    lines: [
      {
        kind: "special_order",
        inventoryId: null,
        sku: null,
        description: `Order ${id}`,
        category: null,
        vendor: null,
        quantity: 1,
        amount: total,
      },
    ],
    serviceJobs: [],
  };
}

/** Delivers sales to the inbox, as the webhook would (the same key as webhook and poll use). */
export function deliverSales(hub: TestHub, integrationId: number, ...sales: SaleRecord[]) {
  return insertChangeEvents(
    hub.ctx.db,
    sales.map((s) => ({
      integrationId,
      source: "external" as const,
      eventKey: `sale:${s.id}@${s.version}`,
      kind: "sale.webhook",
      externalId: s.id,
      version: s.version,
      payload: s,
      actor: "connector:webhook",
      receivedAt: hub.clock.now(),
    })),
  );
}

/** A POS customer delivered and merged into the hub (an `all` mode integration); its hub id. */
export async function syncedPosCustomer(hub: TestHub, integrationId: number, externalId: string) {
  await deliver(hub, integrationId, posCustomer(externalId, 1, { firstName: "Ada" }));
  while (await processNextEvent(hub.ctx.db, hub.clock)) {
    // until the inbox is empty
  }
  const [row] = await hub.ctx.db.query<{ client_id: number }>(
    "select client_id from links where integration_id = $1 and external_id = $2",
    [integrationId, externalId],
  );
  return row!.client_id;
}
