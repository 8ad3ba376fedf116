import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  integrationOptionsSchema,
  type IntegrationOptions,
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
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

export const integrationCreateSchema = z.object({
  kind: z.string().refine((k) => connectorKinds.includes(k), {
    message: `must be one of: ${connectorKinds.join(", ")}`,
  }),
  name: z.string().trim().min(1).max(100),
  baseUrl: z.string().url(),
  apiKey: z.string().min(1),
  options: integrationOptionsSchema.default(integrationOptionsSchema.parse({})),
});
export type IntegrationCreateInput = z.input<typeof integrationCreateSchema>;

export const integrationUpdateSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: z.string().url().optional(),
  apiKey: z.string().min(1).optional(),
  enabled: z.boolean().optional(),
  options: integrationOptionsSchema.partial().optional(),
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
    const message = error instanceof ConnectorError ? error.message : String(error);
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
    throw new ServiceError(
      "unavailable",
      `registering the webhook failed: ${(error as Error).message}`,
    );
  }
}

export async function updateIntegrationSettings(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: IntegrationUpdateInput,
) {
  const parsed = integrationUpdateSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const current = await getIntegration(ctx, actor, id);
  const data = parsed.data;
  const options = integrationOptionsSchema.parse({ ...current.options, ...data.options });
  const credentials = data.apiKey
    ? { ...(await readCredentials(ctx.db, id, ctx.secretKey)), apiKey: data.apiKey }
    : undefined;
  await updateIntegration(
    ctx.db,
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
  const updated = (await readIntegration(ctx.db, id))!;
  if (data.apiKey || data.baseUrl) await testConnection(ctx, updated);
  if (options.webhooks && (!current.options.webhooks || data.baseUrl))
    await registerWebhook(ctx, updated);
  return view(ctx, updated);
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
