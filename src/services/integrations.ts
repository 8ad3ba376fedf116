import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  integrationOptionsPatchSchema,
  integrationOptionsSchema,
  mergeOptions,
  type IntegrationOptions,
  type IntegrationOptionsPatch,
} from "../domain/integration-options.ts";
import { connectorKinds, createConnector } from "../connectors/registry.ts";
import { ConnectorError } from "../connectors/kit/connector-error.ts";
import {
  insertIntegration,
  listIntegrations,
  readCredentials,
  readIntegration,
  updateIntegration,
  type IntegrationRecord,
} from "../store/integrations-table.ts";
import { readStore } from "../store/stores-table.ts";
import { listAssociateNumbers, setAssociateNumber } from "../store/user-associates-table.ts";
import { readUser } from "../store/users-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import { queueCatchUp } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** R7.13: an external system is reached over http(s) only (not file:, javascript:, data:). */
const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^/?#\s]+/i.test(value) && URL.canParse(value), {
    message: "must be an http:// or https:// URL with a host, e.g. https://pos.example.com",
  });
const apiKey = z.string().min(1).max(2000);

export const integrationCreateSchema = z.strictObject({
  kind: z.string().refine((k) => connectorKinds.includes(k), {
    message: `must be one of: ${connectorKinds.join(", ")}`,
  }),
  name: z.string().trim().min(1).max(100),
  baseUrl,
  apiKey,
  options: integrationOptionsSchema.default(integrationOptionsSchema.parse({})),
});
export type IntegrationCreateInput = z.input<typeof integrationCreateSchema>;

/**
 * A PATCH changes only what it names (R7.2): `options` is a JSON Merge Patch of the stored
 * options (see `mergeOptions`), so `{"options":{"syncMode":"selected"}}` leaves every other
 * option as it was.
 */
export const integrationUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: baseUrl.optional(),
  apiKey: apiKey.optional(),
  enabled: z.boolean().optional(),
  options: integrationOptionsPatchSchema.optional(),
});
export type IntegrationUpdateInput = z.input<typeof integrationUpdateSchema>;

export interface IntegrationView {
  id: number;
  kind: string;
  name: string;
  baseUrl: string;
  enabled: boolean;
  options: IntegrationOptions;
  webhookUrl: string;
}

const webhookUrl = (ctx: ServiceContext, id: number) =>
  `${ctx.publicUrl.replace(/\/$/, "")}/hooks/${id}`;

const view = (ctx: ServiceContext, i: IntegrationRecord): IntegrationView => ({
  id: i.id,
  kind: i.kind,
  name: i.name,
  baseUrl: i.baseUrl,
  enabled: i.enabled,
  options: i.options,
  webhookUrl: webhookUrl(ctx, i.id),
});

/** I1: "test connection": the connector's ping, with the message people need when it fails. */
async function testConnection(
  ctx: ServiceContext,
  integration: Parameters<ServiceContext["resolveConnector"]>[0],
) {
  try {
    const connector = await ctx.resolveConnector(integration);
    return await connector.source.ping();
  } catch (error) {
    // R7.13: a connector error says what failed (status, not reachable, timeout), never what the
    // target answered; anything else is ours, logged (redacted) and not shown
    if (!(error instanceof ConnectorError)) ctx.log.error({ err: error }, "test connection failed");
    const message = error instanceof ConnectorError ? error.message : "unexpected error";
    throw new ServiceError(
      "unavailable",
      `test connection to ${integration.baseUrl} failed: ${message}`,
    );
  }
}

/**
 * I1: enables an integration for the store. The connection is tested before anything is saved;
 * the credentials are stored encrypted; with webhooks on, the hub registers its webhook URL.
 */
export async function createIntegration(
  ctx: ServiceContext,
  actor: Actor,
  input: IntegrationCreateInput,
) {
  const parsed = integrationCreateSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const data = parsed.data;
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  const credentials = { apiKey: data.apiKey, webhookSecret: randomBytes(24).toString("base64url") };
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await insertIntegration(tx, ctx.secretKey, {
      storeId: actor.storeId,
      kind: data.kind,
      name: data.name,
      baseUrl: data.baseUrl,
      credentials,
      options: data.options,
      now: ctx.clock.now(),
    });
    // The test runs with the row in place (the resolver reads its credentials); a failure rolls it back.
    const probe = {
      id: newId,
      kind: data.kind,
      baseUrl: data.baseUrl,
      country: store.country,
      options: data.options,
    };
    const resolver = { ...ctx, resolveConnector: withCredentials(ctx, credentials) };
    await testConnection(resolver, probe);
    if (data.options.webhooks) await registerWebhook(resolver, probe);
    return newId;
  });
  return view(ctx, (await readIntegration(ctx.db, id))!);
}

/** A resolver that uses credentials not yet committed (the connection test inside the insert). */
function withCredentials(
  _ctx: ServiceContext,
  credentials: { apiKey: string; webhookSecret: string },
): ServiceContext["resolveConnector"] {
  return async (integration) =>
    createConnector(integration.kind, {
      baseUrl: integration.baseUrl,
      credentials,
      fieldMap: integration.options.fieldMap,
      country: integration.country,
    });
}

async function registerWebhook(
  ctx: ServiceContext,
  integration: Parameters<ServiceContext["resolveConnector"]>[0],
) {
  const connector = await ctx.resolveConnector(integration);
  try {
    await connector.webhook?.register(webhookUrl(ctx, integration.id));
  } catch (error) {
    if (!(error instanceof ConnectorError))
      ctx.log.error({ err: error }, "registering the webhook failed");
    const message = error instanceof ConnectorError ? error.message : "unexpected error";
    throw new ServiceError("unavailable", `registering the webhook failed: ${message}`);
  }
}

/**
 * Changes an integration. Nothing of a failed change is kept (R7.3): the change is merged and
 * validated, and a new address or key is tested (and the webhook registered) with the new values
 * before anything is saved. Turning an integration back on catches up (R7.4): its customers are
 * queued for a sync, which sends the hub edits made while it was off; the changes feed, polled
 * again from where it stopped, brings the external edits, and the merge decides between them.
 */
export async function updateIntegrationSettings(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: IntegrationUpdateInput,
) {
  const parsed = integrationUpdateSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const data = parsed.data;
  await getIntegration(ctx, actor, id);
  const current = (await readIntegration(ctx.db, id))!;
  const merged = mergeOptions(current.options, (data.options ?? {}) as IntegrationOptionsPatch);
  if (!merged.success) throw new ServiceError("invalid", `options.${describeIssue(merged.error)}`);
  const options = merged.data;
  const credentials = data.apiKey
    ? { ...(await readCredentials(ctx.db, id, ctx.secretKey)), apiKey: data.apiKey }
    : undefined;
  const next: IntegrationRecord = {
    ...current,
    ...(data.name ? { name: data.name } : {}),
    ...(data.baseUrl ? { baseUrl: data.baseUrl } : {}),
    enabled: data.enabled ?? current.enabled,
    options,
  };
  const reenabled = !current.enabled && next.enabled;
  const resolver = credentials
    ? { ...ctx, resolveConnector: withCredentials(ctx, credentials) }
    : ctx;
  if (data.apiKey || data.baseUrl || reenabled) await testConnection(resolver, next);
  if (next.enabled && options.webhooks && (!current.options.webhooks || data.baseUrl || reenabled))
    await registerWebhook(resolver, next);
  await ctx.db.transaction(async (tx) => {
    await updateIntegration(
      tx,
      ctx.secretKey,
      id,
      {
        ...(data.name ? { name: data.name } : {}),
        ...(data.baseUrl ? { baseUrl: data.baseUrl } : {}),
        ...(credentials ? { credentials } : {}),
        ...(data.enabled === undefined ? {} : { enabled: data.enabled }),
        options,
      },
      ctx.clock.now(),
    );
    if (reenabled) await queueCatchUp(tx, ctx, actor, next);
  });
  return view(ctx, (await readIntegration(ctx.db, id))!);
}

export async function getIntegration(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<IntegrationView> {
  const integration = await readIntegration(ctx.db, id);
  if (!integration || integration.storeId !== actor.storeId)
    throw new ServiceError("not_found", `integration ${id} does not exist`);
  return view(ctx, integration);
}

export async function listStoreIntegrations(
  ctx: ServiceContext,
  actor: Actor,
): Promise<IntegrationView[]> {
  return (await listIntegrations(ctx.db, actor.storeId)).map((i) => view(ctx, i));
}

export async function checkIntegration(ctx: ServiceContext, actor: Actor, id: number) {
  await getIntegration(ctx, actor, id);
  return testConnection(ctx, (await readIntegration(ctx.db, id))!);
}

/** F9: a hub user's associate number in one integration (null removes it). */
export async function setUserAssociate(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  userId: number,
  associateNumber: string | null,
) {
  await getIntegration(ctx, actor, integrationId);
  const user = await readUser(ctx.db, userId);
  if (!user || user.storeId !== actor.storeId)
    throw new ServiceError("not_found", `user ${userId} does not exist`);
  await setAssociateNumber(ctx.db, userId, integrationId, associateNumber?.trim() || null);
  return listUserAssociates(ctx, actor, integrationId);
}

export async function listUserAssociates(ctx: ServiceContext, actor: Actor, integrationId: number) {
  await getIntegration(ctx, actor, integrationId);
  const rows = await listAssociateNumbers(ctx.db, integrationId);
  return rows.map((r) => ({ userId: r.user_id, associateNumber: r.associate_number }));
}
