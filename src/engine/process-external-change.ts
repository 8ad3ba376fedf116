import { emailsOf, toFieldMap, type ExternalCustomer } from "../domain/customer.ts";
import { normalizeEmail } from "../domain/normalize.ts";
import { appendAudit } from "../store/audit-table.ts";
import { findClientIdsByEmails, insertClient, readClient } from "../store/clients-table.ts";
import type { ChangeEventRecord } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { integrationOf } from "./integration-of.ts";
import {
  dropUnlinkedRecord,
  findLink,
  insertLink,
  linkToPartner,
  recordLinkSnapshot,
} from "../store/links-table.ts";
import { clientLockKey, externalLockKey, lockKey } from "./lock-keys.ts";
import { peekLinkedClient } from "./link-peeks.ts";
import { fieldsFor, mergeLink } from "./merge-link.ts";
import { linkView } from "./link-view.ts";
import { writeToHub } from "./write-to-hub.ts";
import { connectorActor } from "../domain/actor-id.ts";
import { familyOf } from "../domain/field-path.ts";
import { parseItemRef } from "../domain/item-ref.ts";

export type ExternalOutcome =
  "stale" | "recorded" | "excluded" | "created" | "merged" | "no-integration";

/**
 * F6/S1: the customer whose skipped sales are due again after this event's outcome: a customer
 * change created or merged syncs now, so its sales skipped while it did not come in. Whoever
 * records the outcome reopens them with it (run-batch.ts, run-engine.ts).
 */
export function salesToReopen(
  event: Pick<ChangeEventRecord, "source" | "kind" | "integrationId" | "externalId">,
  outcome: string,
): { integrationId: number; customerId: string } | undefined {
  const customerChange =
    event.source === "external" &&
    event.kind.startsWith("customer.") &&
    !event.kind.endsWith(".rejected");
  if (!customerChange || event.integrationId === null || event.externalId === null)
    return undefined;
  if (outcome !== "created" && outcome !== "merged") return undefined;
  return { integrationId: event.integrationId, customerId: event.externalId };
}

/**
 * One change from an external system: drop it if stale (F11, S4), record it if the customer is
 * not synced, create the hub client if it is new (matching by email first, S2), or merge it.
 */
export async function processExternalChange(
  tx: Queryable,
  now: Date,
  integrationId: number,
  external: ExternalCustomer,
): Promise<ExternalOutcome> {
  const integration = await integrationOf(tx, integrationId);
  if (!integration) return "no-integration";
  await lockKey(tx, externalLockKey(integration.id, external.id));
  // Lock order, as everywhere: the external key, then the client, then the link row. The link is
  // read once without a row lock to learn its client (or its batch read it so: link-peeks.ts),
  // locked after the client lock is held.
  const byExternal = { integrationId: integration.id, externalId: external.id };
  const peeked = await peekLinkedClient(tx, integration.id, external.id);
  if (peeked !== null) await lockKey(tx, clientLockKey(peeked));
  let link = await findLink(tx, byExternal, true);
  // A copy not newer than one already seen is an echo or a late redelivery (F11).
  if (link && external.version <= link.externalVersion) return "stale";
  // The answer to Tandem's own write may already be stored, newer than this copy: then that
  // newer state is what gets merged, and this older copy adds nothing to it.
  const stored =
    link?.external && link.snapshotVersion > external.version ? link.external : undefined;
  const newest = stored ?? external.customer;
  const newestVersion = stored ? link!.snapshotVersion : external.version;
  const snapshot = {
    external: newest,
    externalVersion: newestVersion,
    snapshotVersion: newestVersion,
    externalNumber: external.number,
  };

  // S1: a customer recorded while the integration synced only selected customers is, now that it
  // syncs all, a new customer like any other (matched by email first, or created).
  if (
    link &&
    link.clientId === null &&
    link.status === "unlinked" &&
    integration.options.syncMode === "all"
  ) {
    await dropUnlinkedRecord(tx, link);
    link = undefined;
  }

  // A customer Tandem created carries its client's ref: it is that client's partner, whatever the
  // mode, even when the create's bookkeeping was lost (a crash) or this copy came first.
  const refClient = parseItemRef(external.ref);
  if (!link && refClient !== undefined) {
    await lockKey(tx, clientLockKey(refClient));
    const waiting = await findLink(
      tx,
      { integrationId: integration.id, clientId: refClient },
      true,
    );
    if (waiting && waiting.externalId === null && waiting.status !== "excluded")
      link = await linkToPartner(tx, waiting, { externalId: external.id }, now);
  }

  if (!link) {
    // kept as an external record without a hub customer, for a user to decide on
    const recordUnlinked = async (): Promise<ExternalOutcome> => {
      await insertLink(tx, {
        integrationId: integration.id,
        clientId: null,
        externalId: external.id,
        status: "unlinked",
        syncEnabled: false,
        ...snapshot,
        now,
      });
      return "recorded";
    };
    if (integration.options.syncMode === "selected") {
      return recordUnlinked();
    }
    const match = await unlinkedClientWithSameEmail(tx, integration, emailsOf(external.customer));
    if (match === undefined) {
      await createClientFrom(tx, now, integration, external);
      return "created";
    }
    await lockKey(tx, clientLockKey(match));
    const pendingPush = await findLink(
      tx,
      { integrationId: integration.id, clientId: match },
      true,
    );
    if (pendingPush?.externalId) {
      // linked to another partner meanwhile: two external customers share an email; a user decides
      return recordUnlinked();
    }
    if (pendingPush) {
      link = await linkToPartner(tx, pendingPush, { externalId: external.id }, now);
    } else {
      link = await insertLink(tx, {
        integrationId: integration.id,
        clientId: match,
        externalId: external.id,
        status: "unlinked",
        syncEnabled: true,
        now,
      });
    }
  }

  const synced =
    link.clientId !== null &&
    link.status !== "excluded" &&
    (integration.options.syncMode === "all" || link.syncEnabled);
  if (!synced || link.clientId === null) {
    await recordLinkSnapshot(tx, link, snapshot, now);
    return link.status === "excluded" ? "excluded" : "recorded";
  }
  await lockKey(tx, clientLockKey(link.clientId));
  const hub = await readClient(tx, link.clientId);
  if (!hub)
    throw new Error(`link ${link.id} points at client ${link.clientId}, which does not exist`);
  // the snapshot is written with what the merge settles, in one statement (R8.5)
  await mergeLink(
    tx,
    now,
    integration,
    link,
    hub,
    newest,
    { source: integration.kind, actor: connectorActor(integration.kind) },
    { snapshot },
  );
  return "merged";
}

/** S2: a hub client with the same normalised email and no partner in this integration yet (not excluded, S9). */
export async function unlinkedClientWithSameEmail(
  tx: Queryable,
  integration: IntegrationRecord,
  emails: string[],
): Promise<number | undefined> {
  const candidates = await findClientIdsByEmails(
    tx,
    integration.storeId,
    emails.map(normalizeEmail),
  );
  for (const clientId of candidates) {
    const link = await findLink(tx, { integrationId: integration.id, clientId });
    if (!link || (link.externalId === null && link.status !== "excluded")) return clientId;
  }
  return undefined;
}

/**
 * A new hub client from an external customer, linked and synced. Its number is `customerNumber`
 * where given, else the system's number where the store has no customer with it yet, else the
 * store's next free number.
 */
export async function createClientFrom(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  external: ExternalCustomer,
  customerNumber?: string | null,
): Promise<number> {
  const clientId = await insertClient(tx, {
    storeId: integration.storeId,
    customerNumber: customerNumber === undefined ? external.number : customerNumber,
    customer: external.customer,
    createdBy: null,
    assignedUserId: null,
    lifecycle: "active",
    country: integration.country,
    now,
  });
  await appendAudit(
    tx,
    Object.entries(
      toFieldMap({ ...external.customer, notes: [], wishes: [] }, integration.country),
    ).map(([field, value]) => ({
      clientId,
      integrationId: integration.id,
      field,
      oldValue: null,
      newValue: value,
      source: integration.kind,
      actor: connectorActor(integration.kind),
      at: now,
    })),
  );
  const link = await insertLink(tx, {
    integrationId: integration.id,
    clientId,
    externalId: external.id,
    externalNumber: external.number,
    status: "synced",
    syncEnabled: true,
    base: fieldsFor(integration, external.customer),
    external: external.customer,
    externalVersion: external.version,
    now,
  });
  // Notes and wish-list items live in tables of their own: written (and paired) through the link's view.
  if (!external.customer.notes?.length && !external.customer.wishes?.length) return clientId;
  const client = await readClient(tx, clientId);
  const view = await linkView(tx, integration, link, client!, external.customer);
  const items = Object.entries(view.externalFields).filter(([path]) => {
    const family = familyOf(path);
    return family === "note" || family === "wish";
  });
  const origin = { source: integration.kind, actor: connectorActor(integration.kind) };
  await writeToHub(
    tx,
    { integration, linkId: link.id, clientId },
    view,
    Object.fromEntries(items),
    origin,
    now,
  );
  return clientId;
}
