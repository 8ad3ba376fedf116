import { randomUUID } from "node:crypto";
import type { CanonicalCustomer } from "../domain/customer.ts";
import type { LinkStatus } from "../domain/link-status.ts";
import type { HubChange } from "../domain/hub-change.ts";
import {
  createClient,
  excludeClient,
  pairClient,
  runRecordedHubChange,
  syncClient,
  updateClient,
  type HubEntry,
} from "../engine/entries.ts";
import { readAudit, type AuditRecord } from "../store/audit-table.ts";
import { recordHubChange } from "../store/inbox.ts";
import {
  countClientsByStatus,
  listClientIds,
  readClientPage,
  syncStatesOf,
  type ClientFilter,
  type ClientSync,
} from "../store/client-list.ts";
import { readClient, type ClientRecord } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { readStore } from "../store/stores-table.ts";
import {
  customerCaps,
  customerCreateSchema,
  customerEditSchema,
  parseInput as parse,
  type CustomerCreateInput,
  type CustomerEditInput,
} from "./customer-schemas.ts";
import { applyEdit } from "../domain/customer-patch.ts";
import { changeableClient, storeClient } from "./client-access.ts";
import { getIntegration } from "./integrations.ts";
import { actorLabel, type Actor, type ServiceContext } from "./service-context.ts";
import { asServiceError } from "./engine-refusals.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

export type CustomerSync = ClientSync;

export interface CustomerView extends CanonicalCustomer {
  id: number;
  customerNumber: string;
  lifecycle: "prospect" | "active";
  assignedUserId: number | null;
  createdAt: string;
  updatedAt: string;
  /** S11/S12: per integration, whether a partner exists and the sync status */
  sync: CustomerSync[];
}

export function view(client: ClientRecord, sync: CustomerSync[]): CustomerView {
  return {
    id: client.id,
    customerNumber: client.customerNumber,
    ...client.customer,
    lifecycle: client.lifecycle,
    assignedUserId: client.assignedUserId,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
    sync,
  };
}

export async function syncOf(q: Queryable, client: ClientRecord): Promise<CustomerSync[]> {
  return (await syncStatesOf(q, client.storeId, [client.id])).map(
    ({ clientId: _, ...state }) => state,
  );
}

/** Puts a hub change in the inbox, where the engine merges it like any other change. */
async function recordChange(tx: Queryable, actor: Actor, change: HubChange, now: Date) {
  const id = await recordHubChange(
    tx,
    change,
    { storeId: actor.storeId, eventKey: randomUUID(), actor: actorLabel(actor) },
    now,
  );
  if (id === undefined) throw new Error("a fresh event key is already in the inbox");
  return id;
}

/**
 * A hub edit goes through the engine like any other change (one merge, one audit, one outbox):
 * recorded in the inbox, then run by its typed entry in the same transaction, so the answer
 * already shows it (read-your-writes) and the event is done, processed once. The engine's refusals
 * are the user's errors (R8.4).
 */
export async function applyHubChange<K extends HubChange["kind"]>(
  ctx: ServiceContext,
  actor: Actor,
  change: Extract<HubChange, { kind: K }>,
  entry: HubEntry<K>,
): Promise<CustomerView> {
  return ctx.db.transaction((tx) => applyHubChangeIn(ctx, tx, actor, change, entry));
}

/** applyHubChange in the caller's transaction, with whatever else it writes there. */
export async function applyHubChangeIn<K extends HubChange["kind"]>(
  ctx: ServiceContext,
  tx: Queryable,
  actor: Actor,
  change: Extract<HubChange, { kind: K }>,
  entry: HubEntry<K>,
): Promise<CustomerView> {
  const { clientId } = await runHubChangeIn(ctx, tx, actor, change, entry);
  const client = clientId === null ? undefined : await readClient(tx, clientId);
  if (!client) throw new ServiceError("not_found", "customer vanished while being saved");
  return view(client, await syncOf(tx, client));
}

/** A hub change recorded in the inbox and run by its entry, in the caller's transaction. */
export async function runHubChangeIn<K extends HubChange["kind"]>(
  ctx: ServiceContext,
  tx: Queryable,
  actor: Actor,
  change: Extract<HubChange, { kind: K }>,
  entry: HubEntry<K>,
): Promise<{ clientId: number | null }> {
  const now = ctx.clock.now();
  const id = await recordChange(tx, actor, change, now);
  return asServiceError(() =>
    runRecordedHubChange(tx, now, { id, change, actor: actorLabel(actor) }, entry),
  );
}

/** A2: a customer created in the hub is assigned to the user who created it. */
export async function createCustomer(
  ctx: ServiceContext,
  actor: Actor,
  input: CustomerCreateInput,
): Promise<CustomerView> {
  const data = parse(customerCreateSchema, input);
  if (!data.firstName && !data.lastName && data.contacts.length === 0)
    throw new ServiceError(
      "invalid",
      "body: a customer needs a first name, a last name or a contact method",
    );
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "client.created",
      storeId: actor.storeId,
      ...(data.customerNumber !== undefined ? { customerNumber: data.customerNumber } : {}),
      customer: {
        firstName: data.firstName ?? null,
        lastName: data.lastName ?? null,
        acquisition: data.acquisition ?? null,
        contacts: data.contacts,
        preferences: data.preferences,
      },
      lifecycle: data.lifecycle,
      createdBy: actor.userId,
      assignedUserId: actor.userId,
      country: store.country,
    },
    createClient,
  );
}

export async function updateCustomer(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: CustomerEditInput,
): Promise<CustomerView> {
  const { lifecycle, ...edit } = parse(customerEditSchema, input);
  const client = await changeableClient(ctx.db, actor, id);
  const preferences = Object.keys(applyEdit(client.customer, edit).preferences).length;
  if (preferences > customerCaps.preferences)
    throw new ServiceError(
      "invalid",
      `preferences: a customer holds at most ${customerCaps.preferences} preferences (this edit would make ${preferences}); remove some with null`,
    );
  // a note it does not have is the engine's refusal (invalid_edit), checked under the lock
  return applyHubChange(
    ctx,
    actor,
    { kind: "client.updated", clientId: id, edit, lifecycle },
    updateClient,
  );
}

/**
 * S7: pair a hub customer with a customer of the other system that the hub recorded without one
 * (GET /v1/integrations/{id}/external-customers lists them). Where their data differ the link
 * starts in conflict; nothing is overwritten. A7: an associate pairs their own and unassigned
 * customers.
 */
export async function selectPartner(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  partner: { integrationId: number; externalId: string },
): Promise<CustomerView> {
  await changeableClient(ctx.db, actor, clientId);
  await getIntegration(ctx, actor, partner.integrationId);
  return applyHubChange(ctx, actor, { kind: "client.pair", clientId, ...partner }, pairClient);
}

/**
 * S9: exclude a customer from one integration (never created, matched or updated there), or lift
 * the exclusion (it then syncs as the integration's options say). Which customers sync with which
 * system is the store's decision: managers and admins only.
 */
export async function setCustomerExclusion(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  exclusion: { integrationId: number; excluded: boolean },
): Promise<CustomerView> {
  requireRole(actor, ["admin", "manager"], "excluding a customer from an integration");
  await storeClient(ctx.db, actor, clientId);
  await getIntegration(ctx, actor, exclusion.integrationId);
  return applyHubChange(
    ctx,
    actor,
    { kind: "client.exclude", clientId, ...exclusion },
    excludeClient,
  );
}

/**
 * S1 selected mode: turn on sync for customers; each without a partner gets one (S2's email match
 * first). A7: an associate does this for their own and unassigned customers only.
 */
export async function enableSync(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  clientIds: readonly number[],
): Promise<CustomerView[]> {
  const views: CustomerView[] = [];
  for (const clientId of clientIds) await changeableClient(ctx.db, actor, clientId);
  for (const clientId of clientIds) {
    views.push(
      await applyHubChange(
        ctx,
        actor,
        { kind: "client.sync", clientId, integrationId },
        syncClient,
      ),
    );
  }
  return views;
}

/**
 * S1 "a whole filtered list": records one sync request per matching customer, all in one
 * transaction, and leaves the merging to the engine's workers, so a list of thousands answers at
 * once and a crash part-way leaves every request or none. Returns how many were queued.
 * A whole list is a bulk action: managers and admins only (A7 keeps bulk work to them).
 */
export async function enableSyncMatching(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  filter: CustomerFilter,
): Promise<number> {
  requireRole(actor, ["admin", "manager"], "enabling sync for a whole filtered list");
  const where = await checkedFilter(ctx, actor, filter);
  return ctx.db.transaction((tx) =>
    queueForEach(tx, actor, where, { kind: "client.sync", integrationId }, ctx.clock.now()),
  );
}

/**
 * Records one hub change of `kind` per customer the filter selects, a page of ids at a time, so a
 * store of any size is queued in the caller's transaction without loading it whole. Returns how
 * many were queued.
 */
async function queueForEach(
  tx: Queryable,
  actor: Actor,
  filter: ClientFilter,
  change: { kind: "client.sync" | "client.resync"; integrationId: number },
  now: Date,
): Promise<number> {
  let queued = 0;
  for (let after = 0; ;) {
    const ids = await listClientIds(tx, actor.storeId, { after, limit: 1000, filter });
    for (const clientId of ids) await recordChange(tx, actor, { ...change, clientId }, now);
    queued += ids.length;
    if (ids.length < 1000) return queued;
    after = ids.at(-1)!;
  }
}

/**
 * R7.4: an integration turned back on catches up. Every customer it syncs (linked; in `all` mode
 * with `pushNewCustomers` also every customer still without a partner) is queued for a resync,
 * which the workers merge as if the customer had just been edited, so the hub edits made while
 * the integration was off go out. Runs in the caller's transaction (the one that turns it on).
 */
export async function queueCatchUp(
  tx: Queryable,
  ctx: ServiceContext,
  actor: Actor,
  integration: IntegrationRecord,
): Promise<number> {
  const integrationId = integration.id;
  const filters: ClientFilter[] = (["synced", "conflict", "error"] as const).map((status) => ({
    integrationId,
    status,
  }));
  // without a partner: every customer where all new ones go out, else those set to sync (a
  // selected prospect that became active while the integration was off still goes out)
  const everyNew = integration.options.syncMode === "all" && integration.options.pushNewCustomers;
  filters.push({ integrationId, status: "unlinked", ...(everyNew ? {} : { syncing: true }) });
  const now = ctx.clock.now();
  let queued = 0;
  for (const filter of filters)
    queued += await queueForEach(tx, actor, filter, { kind: "client.resync", integrationId }, now);
  return queued;
}

export async function getCustomer(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<CustomerView> {
  const client = await storeClient(ctx.db, actor, id);
  return view(client, await syncOf(ctx.db, client));
}

/** S11: a list view's filter. A status names the integration it is the status in. */
export interface CustomerFilter {
  integrationId?: number | undefined;
  status?: LinkStatus | undefined;
  search?: string | undefined;
}

async function checkedFilter(
  ctx: ServiceContext,
  actor: Actor,
  filter: CustomerFilter,
): Promise<ClientFilter> {
  if (filter.status !== undefined && filter.integrationId === undefined)
    throw new ServiceError("invalid", "status: a status filter needs the integrationId it is in");
  if (filter.integrationId !== undefined) await getIntegration(ctx, actor, filter.integrationId);
  const search = filter.search?.trim();
  return { ...filter, search: search || undefined };
}

export async function listCustomers(
  ctx: ServiceContext,
  actor: Actor,
  page: { after?: number; limit: number; filter?: CustomerFilter },
): Promise<{ customers: CustomerView[]; next: number | null }> {
  const filter = await checkedFilter(ctx, actor, page.filter ?? {});
  const rows = await readClientPage(ctx.db, actor.storeId, { ...page, filter });
  const customers = rows.map(({ client, sync }) => view(client, sync));
  const ids = customers.map((c) => c.id);
  return { customers, next: ids.length === page.limit ? (ids.at(-1) ?? null) : null };
}

/** S11: how many customers (matching the search) are in each section of one integration. */
export async function countCustomers(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  search?: string,
): Promise<Record<LinkStatus, number>> {
  const filter = await checkedFilter(ctx, actor, { integrationId, search });
  return countClientsByStatus(ctx.db, actor.storeId, integrationId, filter.search);
}

/** F12: every applied change of a customer, oldest first: field, old and new value, source, actor, time. */
export async function customerHistory(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  field?: string,
): Promise<AuditRecord[]> {
  await storeClient(ctx.db, actor, id);
  return readAudit(ctx.db, id, { field });
}
