import { z } from "zod";
import {
  integrationOptionsPatchSchema,
  integrationOptionsSchema,
  mergeOptions,
  type IntegrationOptions,
  type IntegrationOptionsPatch,
} from "../domain/integration-options.ts";
import { shippedConnectors, type ConnectorRegistry } from "../connectors/registry.ts";
import { ConnectorError } from "../connectors/kit/connector-error.ts";
import type { ResolvableIntegration } from "../connectors/kit/connector.ts";
import type { ConnectorDefinition } from "../connectors/kit/manifest.ts";
import {
  insertIntegration,
  listIntegrations,
  readCredentials,
  readIntegration,
  updateIntegration,
  type Credentials,
  type IntegrationRecord,
} from "../store/integrations-table.ts";
import type { Queryable } from "../store/database.ts";
import { readStore } from "../store/stores-table.ts";
import {
  listAssociateNumbers,
  otherHolderOf,
  setAssociateNumber,
} from "../store/user-associates-table.ts";
import { readUser } from "../store/users-table.ts";
import { buildConnector } from "./connector-resolver.ts";
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
/** R8.1: a connector's credentials or options, checked by its manifest's schemas in the service */
const connectorFields = z.record(z.string().max(100), z.unknown());

export const integrationCreateSchema = z.strictObject({
  /** checked against the hub's connector kinds in the service (a test hub knows more) */
  kind: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  /** for kinds reached over http(s) (manifest `baseUrl`) */
  baseUrl: baseUrl.optional(),
  /** the POS's API key: the same as `credentials.apiKey` */
  apiKey: apiKey.optional(),
  /** what the kind signs in with, as its manifest's credentials schema says */
  credentials: connectorFields.optional(),
  /** the kind's own settings, as its manifest's options schema says */
  connection: connectorFields.optional(),
  options: integrationOptionsSchema.default(integrationOptionsSchema.parse({})),
});
export type IntegrationCreateInput = z.input<typeof integrationCreateSchema>;

/**
 * A PATCH changes only what it names (R7.2): `options` is a JSON Merge Patch of the stored
 * options (see `mergeOptions`), so `{"options":{"syncMode":"selected"}}` leaves every other
 * option as it was; `credentials` and `connection` change the fields they name.
 */
export const integrationUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: baseUrl.optional(),
  apiKey: apiKey.optional(),
  credentials: connectorFields.optional(),
  connection: connectorFields.optional(),
  enabled: z.boolean().optional(),
  options: integrationOptionsPatchSchema.optional(),
});
export type IntegrationUpdateInput = z.input<typeof integrationUpdateSchema>;

const registryOf = (ctx: ServiceContext) => ctx.connectors ?? shippedConnectors;

function definitionFor(ctx: ServiceContext, kind: string): ConnectorDefinition {
  const registry: ConnectorRegistry = registryOf(ctx);
  if (!registry.kinds.includes(kind))
    throw new ServiceError("invalid", `kind: must be one of: ${registry.kinds.join(", ")}`);
  return registry.definitionOf(kind);
}

/**
 * R8.1: the credentials given, checked by the kind's own schema (strict: an unknown field is
 * named). `apiKey` is the POS's spelling of `credentials.apiKey`. `partial` for a PATCH.
 */
function checkCredentials(
  definition: ConnectorDefinition,
  input: { apiKey?: string | undefined; credentials?: Record<string, unknown> | undefined },
  partial: boolean,
): Record<string, unknown> | undefined {
  if (input.apiKey !== undefined && input.credentials !== undefined)
    throw new ServiceError("invalid", "apiKey: give it in credentials or as apiKey, not both");
  if (partial && input.apiKey === undefined && input.credentials === undefined) return undefined;
  const given = input.credentials ?? (input.apiKey === undefined ? {} : { apiKey: input.apiKey });
  const schema = partial
    ? definition.manifest.credentials.partial()
    : definition.manifest.credentials;
  const parsed = schema.safeParse(given);
  // errors name the field as it was given: `apiKey` for the POS's spelling (given alone), else
  // credentials.<field>, also when no credentials were given at all
  const prefix =
    input.apiKey !== undefined && input.credentials === undefined ? "" : "credentials.";
  if (!parsed.success) throw new ServiceError("invalid", `${prefix}${unknownFirst(parsed.error)}`);
  return parsed.data as Record<string, unknown>;
}

/** A field the kind does not know is named first: a missing one is then most likely misspelt. */
const unknownFirst = (error: z.ZodError) =>
  describeIssue(new z.ZodError([...error.issues].sort((a, b) => rank(a.code) - rank(b.code))));
const rank = (code: string) => (code === "unrecognized_keys" ? 0 : 1);

/** R8.1: the kind's own options, checked by its schema (strict). */
function checkConnection(definition: ConnectorDefinition, given: Record<string, unknown>) {
  const parsed = definition.manifest.options.safeParse(given);
  if (!parsed.success)
    throw new ServiceError("invalid", `connection.${unknownFirst(parsed.error)}`);
  return parsed.data as Record<string, unknown>;
}

/** R8.1: a base URL where the kind has an address, none where it has none. */
function checkBaseUrl(
  definition: ConnectorDefinition,
  value: string | undefined,
  creating: boolean,
) {
  const { kind, baseUrl: needs } = definition.manifest;
  if (needs === "none" && value !== undefined)
    throw new ServiceError(
      "invalid",
      `baseUrl: a ${kind} integration has no address; leave it out`,
    );
  if (needs === "required" && creating && value === undefined)
    throw new ServiceError("invalid", `baseUrl: required for a ${kind} integration`);
}

/** R8.1: webhooks only where the kind has them; without a choice, on where it has them. */
function checkWebhooks(definition: ConnectorDefinition, asked: boolean | undefined): boolean {
  const { kind, feeds } = definition.manifest;
  if (asked === true && !feeds.includes("webhook"))
    throw new ServiceError("invalid", `options.webhooks: a ${kind} integration has no webhooks`);
  return asked ?? feeds.includes("webhook");
}

export interface IntegrationView {
  id: number;
  kind: string;
  name: string;
  baseUrl: string | null;
  /** R8.1: the kind's own settings */
  connection: Record<string, unknown>;
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
  connection: i.connection,
  enabled: i.enabled,
  options: i.options,
  webhookUrl: webhookUrl(ctx, i.id),
});

/** I1: "test connection": the connector's ping, with the message people need when it fails. */
async function testConnection(ctx: ServiceContext, integration: ResolvableIntegration) {
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
      `test connection to ${integration.baseUrl ?? `the ${integration.kind} system`} failed: ${message}`,
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
  const definition = definitionFor(ctx, data.kind);
  checkBaseUrl(definition, data.baseUrl, true);
  const given = checkCredentials(definition, data, false)!;
  const connection = checkConnection(definition, data.connection ?? {});
  const options = { ...data.options, webhooks: checkWebhooks(definition, data.options.webhooks) };
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  const credentials = definition.newCredentials(given);
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await insertIntegration(tx, ctx.secretKey, {
      storeId: actor.storeId,
      kind: data.kind,
      profile: definition.manifest.profile,
      name: data.name,
      baseUrl: data.baseUrl ?? null,
      connection,
      credentials,
      options,
      now: ctx.clock.now(),
    });
    // The test runs with the row in place (the resolver reads its credentials); a failure rolls it back.
    const probe = {
      id: newId,
      kind: data.kind,
      baseUrl: data.baseUrl ?? null,
      connection,
      country: store.country,
      options,
    };
    const resolver = { ...ctx, resolveConnector: withCredentials(ctx, credentials) };
    await testConnection(resolver, probe);
    if (options.webhooks) await registerWebhook(resolver, probe);
    return newId;
  });
  return view(ctx, (await readIntegration(ctx.db, id))!);
}

/** A resolver that uses credentials not yet committed (the connection test inside the insert). */
function withCredentials(
  ctx: ServiceContext,
  credentials: Credentials,
): ServiceContext["resolveConnector"] {
  return async (integration) => buildConnector(registryOf(ctx), integration, credentials);
}

async function registerWebhook(ctx: ServiceContext, integration: ResolvableIntegration) {
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
  const definition = definitionFor(ctx, current.kind);
  checkBaseUrl(definition, data.baseUrl, false);
  const options = { ...merged.data, webhooks: checkWebhooks(definition, merged.data.webhooks) };
  const changedCredentials = checkCredentials(definition, data, true);
  const credentials = changedCredentials
    ? { ...(await readCredentials(ctx.db, id, ctx.secretKey)), ...changedCredentials }
    : undefined;
  const connection = data.connection
    ? checkConnection(definition, { ...current.connection, ...data.connection })
    : undefined;
  const next: IntegrationRecord = {
    ...current,
    ...(data.name ? { name: data.name } : {}),
    ...(data.baseUrl ? { baseUrl: data.baseUrl } : {}),
    ...(connection ? { connection } : {}),
    enabled: data.enabled ?? current.enabled,
    options,
  };
  const reenabled = !current.enabled && next.enabled;
  const resolver = credentials
    ? { ...ctx, resolveConnector: withCredentials(ctx, credentials) }
    : ctx;
  if (credentials || connection || data.baseUrl || reenabled) await testConnection(resolver, next);
  if (
    next.enabled &&
    options.webhooks &&
    (!current.options.webhooks || data.baseUrl || connection || reenabled)
  )
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
        ...(connection ? { connection } : {}),
        ...(data.enabled === undefined ? {} : { enabled: data.enabled }),
        options,
      },
      ctx.clock.now(),
    );
    if (reenabled) await queueCatchUp(tx, ctx, actor, next);
  });
  return view(ctx, (await readIntegration(ctx.db, id))!);
}

/** An integration of the actor's store, or not_found (another store's do not exist for it). */
export async function storeIntegration(
  q: Queryable,
  actor: Actor,
  id: number,
): Promise<IntegrationRecord> {
  const integration = await readIntegration(q, id);
  if (!integration || integration.storeId !== actor.storeId)
    throw new ServiceError("not_found", `integration ${id} does not exist`);
  return integration;
}

export async function getIntegration(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<IntegrationView> {
  return view(ctx, await storeIntegration(ctx.db, actor, id));
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
  const number = associateNumber?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    // A5: a sale's number must name one user, or it assigns no one
    const holder =
      number === null ? undefined : await otherHolderOf(tx, integrationId, number, userId);
    if (holder !== undefined)
      throw new ServiceError(
        "conflict",
        `associate number ${number} is mapped to user ${holder} in this integration already; a number stands for one user (unmap it there first)`,
      );
    await setAssociateNumber(tx, userId, integrationId, number);
  });
  return listUserAssociates(ctx, actor, integrationId);
}

export async function listUserAssociates(ctx: ServiceContext, actor: Actor, integrationId: number) {
  await getIntegration(ctx, actor, integrationId);
  const rows = await listAssociateNumbers(ctx.db, integrationId);
  return rows.map((r) => ({ userId: r.user_id, associateNumber: r.associate_number }));
}
