import type { HubChange } from "../domain/hub-change.ts";
import { markEventProcessed } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { adoptRecord } from "./adopt-record.ts";
import { assignBySpend } from "./assign-by-spend.ts";
import { assignClient, assignClients } from "./assign-client.ts";
import { createClient } from "./create-client.ts";
import { excludeClient, excludeRecord } from "./exclude-client.ts";
import { pairClient } from "./pair-client.ts";
import { addToCollection, removeFromCollection } from "./edit-collection.ts";
import { recordHubSale } from "./record-hub-sale.ts";
import { recordMessage } from "./record-message.ts";
import { requestPartner } from "./request-partner.ts";
import { resolveConflicts } from "./resolve-conflicts.ts";
import { resyncClient, syncClient } from "./sync-client.ts";
import { updateClient } from "./update-client.ts";

/**
 * R8.4: the engine's typed entries, one per kind of change. Each runs in the caller's transaction
 * (which holds the change's inbox event), takes the locks it needs in the engine's order
 * (external key, client, link row), returns a typed result and refuses with an EngineError.
 *
 * From a system: applyCustomerChange, applyInventoryChange, applySale (each returns the event's
 * typed outcome); a record its connector rejected fails with the connector's reason
 * (run-engine.ts).
 * From the hub: the entries below; services call them with the change they recorded in the inbox.
 */
export { EngineError, type EngineErrorCode } from "./engine-error.ts";
export {
  processExternalChange as applyCustomerChange,
  type ExternalOutcome,
} from "./process-external-change.ts";
export {
  processInventoryChange as applyInventoryChange,
  type InventoryOutcome,
} from "./process-inventory-change.ts";
export { processSale as applySale, type SaleOutcome } from "./process-sale.ts";
export {
  addToCollection,
  adoptRecord,
  assignBySpend,
  assignClient,
  assignClients,
  createClient,
  excludeClient,
  excludeRecord,
  pairClient,
  recordHubSale,
  recordMessage,
  removeFromCollection,
  requestPartner,
  resolveConflicts,
  resyncClient,
  syncClient,
  updateClient,
};

/**
 * What a hub change did: the customer it concerns (the API answers with its view); null for a
 * change of a record of the other system that has no hub customer (S9).
 */
export interface HubChangeResult {
  clientId: number | null;
}

/** A typed entry for one kind of hub change. */
export type HubEntry<K extends HubChange["kind"]> = (
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: K }>,
  actor: string,
) => Promise<HubChangeResult>;

const hubEntries: { [K in HubChange["kind"]]: HubEntry<K> } = {
  "client.created": createClient,
  "client.updated": updateClient,
  "client.sync": syncClient,
  "client.pair": pairClient,
  "client.exclude": excludeClient,
  "client.assign": assignClient,
  "clients.assign": assignClients,
  "integration.assignBySpend": assignBySpend,
  "record.exclude": excludeRecord,
  "client.partnerCreate": requestPartner,
  "record.partnerCreate": adoptRecord,
  "client.resync": resyncClient,
  "conflict.resolve": resolveConflicts,
  "message.sent": recordMessage,
  "collection.add": addToCollection,
  "collection.remove": removeFromCollection,
  "purchase.record": recordHubSale,
};

/** The outcome of a queued hub change the engine refused, with the refusal's reason. */
export const refusedOutcome = (reason: string) => `refused: ${reason}`;

/** The outcome recorded on a processed hub change: the customer it concerns. */
export const hubChangeOutcome = (result: HubChangeResult) =>
  result.clientId === null ? "record" : `client:${result.clientId}`;

/**
 * R8.4: a hub change the services recorded in the inbox, run by its entry in the same transaction
 * and marked processed there, so the engine loop never runs it again and the answer shows it.
 */
export async function runRecordedHubChange<K extends HubChange["kind"]>(
  tx: Queryable,
  now: Date,
  event: { id: number; change: Extract<HubChange, { kind: K }>; actor: string },
  entry: HubEntry<K>,
): Promise<HubChangeResult> {
  const result = await entry(tx, now, event.change, event.actor);
  await markEventProcessed(tx, event.id, hubChangeOutcome(result), now);
  return result;
}

/** The typed entry of a hub change's kind (the engine loop runs recorded hub changes through it). */
export function hubEntryOf<K extends HubChange["kind"]>(kind: K): HubEntry<K> {
  return hubEntries[kind];
}
