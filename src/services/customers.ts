import { randomUUID } from "node:crypto";
import type { ZodType } from "zod";
import type { CanonicalCustomer } from "../domain/customer.ts";
import type { LinkStatus } from "../domain/link-status.ts";
import { processEvent, type HubChange } from "../engine/run-engine.ts";
import { readAudit, type AuditRecord } from "../store/audit-table.ts";
import { insertHubEvent, markEventProcessed } from "../store/change-events-table.ts";
import {
  listClientIds,
  readClient,
  readClients,
  type ClientRecord,
} from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { listIntegrations } from "../store/integrations-table.ts";
import { linksOfClient } from "../store/links-table.ts";
import { readStore } from "../store/stores-table.ts";
import {
  customerCreateSchema,
  customerEditSchema,
  describeIssue,
  type CustomerCreateInput,
  type CustomerEditInput,
} from "./customer-schemas.ts";
import { actorLabel, type Actor, type ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

export interface CustomerSync {
  integrationId: number;
  status: LinkStatus;
  externalId: string | null;
  externalNumber: string | null;
  lastError: string | null;
}

export interface CustomerView extends CanonicalCustomer {
  id: number;
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
    ...client.customer,
    lifecycle: client.lifecycle,
    assignedUserId: client.assignedUserId,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
    sync,
  };
}

export async function syncOf(q: Queryable, client: ClientRecord): Promise<CustomerSync[]> {
  const links = await linksOfClient(q, client.id);
  return (await listIntegrations(q, client.storeId)).map((integration) => {
    const link = links.find((l) => l.integrationId === integration.id);
    return {
      integrationId: integration.id,
      status: link?.status ?? "unlinked",
      externalId: link?.externalId ?? null,
      externalNumber: link?.externalNumber ?? null,
      lastError: link?.lastError ?? null,
    };
  });
}

/**
 * A hub edit goes through the engine like any other change (one merge, one audit, one outbox),
 * in the caller's transaction, so the answer already shows it (read-your-writes).
 */
export async function applyHubChange(
  ctx: ServiceContext,
  actor: Actor,
  change: HubChange,
): Promise<CustomerView> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const clientId = "clientId" in change ? change.clientId : null;
    const eventId = await insertHubEvent(tx, {
      eventKey: randomUUID(),
      kind: change.kind,
      clientId,
      payload: change,
      actor: actorLabel(actor),
      receivedAt: now,
    });
    const event = {
      id: eventId,
      integrationId: null,
      source: "hub" as const,
      eventKey: "",
      kind: change.kind,
      externalId: null,
      clientId,
      version: null,
      payload: change,
      actor: actorLabel(actor),
      attempts: 0,
    };
    const outcome = await processEvent(tx, now, event);
    await markEventProcessed(tx, eventId, outcome, now);
    const client = await readClient(tx, Number(outcome.slice("client:".length)));
    if (!client) throw new ServiceError("not_found", "customer vanished while being saved");
    return view(client, await syncOf(tx, client));
  });
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ServiceError("invalid", describeIssue(result.error));
  return result.data;
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
  return applyHubChange(ctx, actor, {
    kind: "client.created",
    storeId: actor.storeId,
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
  });
}

export async function updateCustomer(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: CustomerEditInput,
): Promise<CustomerView> {
  const { lifecycle, ...edit } = parse(customerEditSchema, input);
  const client = await getOwnClient(ctx.db, actor, id);
  const noteIds = new Set((client.customer.notes ?? []).map((n) => n.id));
  for (const noteId of Object.keys(edit.editNotes ?? {}))
    if (!noteIds.has(noteId))
      throw new ServiceError("invalid", `editNotes.${noteId}: customer ${id} has no such note`);
  return applyHubChange(ctx, actor, { kind: "client.updated", clientId: id, edit, lifecycle });
}

/** S1 selected mode: turn on sync for customers; each without a partner gets one (S2's email match first). */
export async function enableSync(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  clientIds: readonly number[],
): Promise<CustomerView[]> {
  const views: CustomerView[] = [];
  for (const clientId of clientIds) {
    await getOwnClient(ctx.db, actor, clientId);
    views.push(await applyHubChange(ctx, actor, { kind: "client.sync", clientId, integrationId }));
  }
  return views;
}

async function getOwnClient(q: Queryable, actor: Actor, id: number): Promise<ClientRecord> {
  const client = await readClient(q, id);
  if (!client || client.storeId !== actor.storeId)
    throw new ServiceError("not_found", `customer ${id} does not exist`);
  return client;
}

export async function getCustomer(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<CustomerView> {
  const client = await getOwnClient(ctx.db, actor, id);
  return view(client, await syncOf(ctx.db, client));
}

export async function listCustomers(
  ctx: ServiceContext,
  actor: Actor,
  page: { after?: number; limit: number },
): Promise<{ customers: CustomerView[]; next: number | null }> {
  const ids = await listClientIds(ctx.db, actor.storeId, page);
  const clients = await readClients(ctx.db, ids);
  const customers: CustomerView[] = [];
  for (const id of ids) {
    const client = clients.get(id);
    if (client) customers.push(view(client, await syncOf(ctx.db, client)));
  }
  return { customers, next: ids.length === page.limit ? (ids.at(-1) ?? null) : null };
}

/** F12: every applied change of a customer, oldest first: field, old and new value, source, actor, time. */
export async function customerHistory(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  field?: string,
): Promise<AuditRecord[]> {
  await getOwnClient(ctx.db, actor, id);
  return readAudit(ctx.db, id, { field });
}
