import { z } from "zod";
import { sameValue } from "../domain/customer.ts";
import { ruleFor, profileFor } from "../domain/policy.ts";
import { linkView } from "../engine/link-view.ts";
import { openConflictsOfStore, type StoreConflict } from "../store/conflicts-table.ts";
import { findLink } from "../store/links-table.ts";
import { recordExternalCustomers } from "../store/inbox.ts";
import { changeableClient, storeClient } from "./client-access.ts";
import { storeIntegration } from "./integrations.ts";
import * as engine from "../engine/entries.ts";
import { applyHubChange, type CustomerView } from "./customers.ts";
import { describeIssue, typedValueProblem } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

export const listConflicts = (
  ctx: ServiceContext,
  actor: Actor,
  integrationId?: number,
): Promise<StoreConflict[]> => openConflictsOfStore(ctx.db, actor.storeId, integrationId);

async function partnerOf(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  integrationId: number,
) {
  const client = await storeClient(ctx.db, actor, clientId);
  const integration = await storeIntegration(ctx.db, actor, integrationId);
  const link = await findLink(ctx.db, { integrationId, clientId });
  return { client, integration, link };
}

export interface CompareRow {
  field: string;
  hub: string | null;
  external: string | null;
  differs: boolean;
  conflict: boolean;
  /** the SPEC rule that says how this field flows */
  rule: string;
}

/**
 * S12: the customer beside its partner, field by field, the partner fetched fresh from the external
 * system. The fresh copy also goes into the inbox, so the hub catches up with it.
 */
export async function compareWithPartner(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  integrationId: number,
) {
  const { client, integration, link } = await partnerOf(ctx, actor, clientId, integrationId);
  if (!link?.externalId)
    return {
      partner: false as const,
      status: link?.status ?? "unlinked",
      fields: [] as CompareRow[],
    };
  const connector = await ctx.resolveConnector(integration);
  let fresh;
  try {
    fresh = await connector.source.getCustomer(link.externalId);
  } catch (error) {
    throw new ServiceError(
      "unavailable",
      `fetching the partner failed: ${(error as Error).message}`,
    );
  }
  if (!fresh)
    throw new ServiceError(
      "not_found",
      `the partner ${link.externalId} no longer exists in ${integration.name}`,
    );
  await recordExternalCustomers(ctx.db, integration.id, [fresh], { via: "poll" }, ctx.clock.now());
  // Both sides named as the merge names them: a paired note or wish is one path (the external
  // item's id) on both sides, the hub's wish list is the configured collection, and pairing by
  // ref happens here too, only without recording it (a read must not write the hub).
  const { hubFields, externalFields, openConflicts } = await linkView(
    ctx.db,
    integration,
    link,
    client,
    fresh.customer,
    "look",
  );
  const open = new Set(openConflicts.map((c) => c.field));
  const profile = profileFor(integration.profile);
  const fields = [...new Set([...Object.keys(hubFields), ...Object.keys(externalFields)])]
    .sort()
    .map((field) => ({
      field,
      hub: hubFields[field] ?? null,
      external: externalFields[field] ?? null,
      // contacts by presence: their path is their identity (F1)
      differs: !sameValue(field, hubFields[field], externalFields[field]),
      conflict: open.has(field),
      rule: ruleFor(profile, field).rule,
    }));
  return { partner: true as const, status: link.status, externalId: link.externalId, fields };
}

export const resolutionSchema = z.object({
  integrationId: z.number().int().positive(),
  fields: z
    .record(
      z.string().min(1),
      z.discriminatedUnion("take", [
        z.object({ take: z.literal("hub") }),
        z.object({ take: z.literal("external") }),
        z.object({ take: z.literal("value"), value: z.string().trim().max(2000).nullable() }),
      ]),
    )
    .refine((f) => Object.keys(f).length > 0, { message: "name at least one field" })
    // R11.3: a typed value passes the checks an edit of the same field makes
    .superRefine((fields, ctx) => {
      for (const [field, choice] of Object.entries(fields)) {
        if (choice.take !== "value" || !choice.value) continue;
        const problem = typedValueProblem(field, choice.value);
        if (problem) ctx.addIssue({ code: "custom", path: [field, "value"], message: problem });
      }
    }),
});
export type ResolutionInput = z.input<typeof resolutionSchema>;

/**
 * F12: resolve a customer's conflicts field by field; one submit updates both systems. A7: an
 * associate resolves the conflicts of their own and unassigned customers only.
 */
export async function resolveConflicts(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  input: ResolutionInput,
): Promise<CustomerView> {
  const parsed = resolutionSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const { integrationId, fields } = parsed.data;
  await changeableClient(ctx.db, actor, clientId);
  // the engine checks that each field has an open conflict and takes its sides under the
  // customer's lock (R8.4); a customer without a partner here is a 404 first
  await partnerOf(ctx, actor, clientId, integrationId);
  return applyHubChange(
    ctx,
    actor,
    { kind: "conflict.resolve", clientId, integrationId, choices: fields },
    engine.resolveConflicts,
  );
}
