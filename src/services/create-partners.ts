import { z } from "zod";
import { numberChoices, type HubChange } from "../domain/hub-change.ts";
import { adoptRecord, requestPartner } from "../engine/entries.ts";
import { listClientIds } from "../store/client-list.ts";
import type { Queryable } from "../store/database.ts";
import { createsPartners } from "../domain/policy.ts";
import { moveNumbersPast } from "../store/customer-numbers.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { listExternalOnly } from "../store/external-records.ts";
import { recordRunChanges } from "../store/inbox.ts";
import {
  insertPartnerRun,
  listPartnerRuns,
  partnerRunFailures,
  partnerRunProgress,
  readPartnerRun,
  setPartnerRunTotal,
  type PartnerRunRecord,
  type RunSide,
  type RunProgress,
} from "../store/partner-runs-table.ts";
import { changeableClient } from "./client-access.ts";
import { customerNumberSchema, parseInput } from "./customer-schemas.ts";
import { applyHubChange, runHubChangeIn, view, syncOf, type CustomerView } from "./customers.ts";
import { getIntegration } from "./integrations.ts";
import { actorLabel, type Actor, type ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";
import { readClient } from "../store/clients-table.ts";

/** S5: the number a partner created for one customer gets; `number` only with "typed". */
export const numberChoiceSchema = z
  .strictObject({
    numberChoice: z.enum(numberChoices).default("keep"),
    number: customerNumberSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.numberChoice === "typed" && body.number === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["number"],
        message: "a number is needed with numberChoice 'typed'",
      });
    if (body.numberChoice !== "typed" && body.number !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["number"],
        message: `a number is given only with numberChoice 'typed' (not '${body.numberChoice}')`,
      });
  });
export type NumberChoiceInput = z.input<typeof numberChoiceSchema>;

/**
 * S5: have a hub customer's partner created in an integration's system, with the customer's number
 * (keep), the system's next free one (next) or a typed one; a number the hub knows there is
 * refused. The create itself is queued (the customer's sync shows it). A7: an associate does this
 * for their own and unassigned customers.
 */
export async function createPartnerThere(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  integrationId: number,
  input: NumberChoiceInput,
): Promise<CustomerView> {
  const choice = parseInput(numberChoiceSchema, input);
  await changeableClient(ctx.db, actor, clientId);
  await getIntegration(ctx, actor, integrationId);
  return applyHubChange(
    ctx,
    actor,
    { kind: "client.partnerCreate", clientId, integrationId, ...choice },
    requestPartner,
  );
}

/**
 * S5: make a hub customer of a customer of the other system that the hub recorded without one,
 * numbered with its number there (keep), the store's next free number (next) or a typed one; a
 * number a hub customer has is refused. One with the same email as a hub customer without a
 * partner is paired with it instead (no duplicate, S2). Answers the hub customer.
 */
export async function createPartnerHere(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  externalId: string,
  input: NumberChoiceInput,
): Promise<CustomerView> {
  const choice = parseInput(numberChoiceSchema, input);
  await getIntegration(ctx, actor, integrationId);
  return ctx.db.transaction(async (tx) => {
    const { clientId } = await runHubChangeIn(
      ctx,
      tx,
      actor,
      { kind: "record.partnerCreate", integrationId, externalId, ...choice },
      adoptRecord,
    );
    const client = clientId === null ? undefined : await readClient(tx, clientId);
    if (!client) throw new ServiceError("not_found", "customer vanished while being saved");
    return view(client, await syncOf(tx, client));
  });
}

/** S6/S10: a bulk run as the API shows it. */
export interface PartnerRunView {
  id: number;
  /** null for a customer file loaded into the hub */
  integrationId: number | null;
  /** hub, external: S6's sides; file: a customer file loaded into the hub (I3) */
  side: RunSide;
  numberChoice: "keep" | "next";
  total: number;
  progress: RunProgress;
  /** every change of the run is done or failed for good */
  finished: boolean;
  /** the first failures, each with the customer (hub id or external id) and the reason */
  failures: Array<{ clientId?: number; externalId?: string; reason: string; final: boolean }>;
  createdAt: string;
}

export const partnerRunSchema = z.strictObject({
  side: z.enum(["hub", "external"]),
  numberChoice: z.enum(["keep", "next"]).default("keep"),
});
export type PartnerRunInput = z.input<typeof partnerRunSchema>;

const page = 1000;

/**
 * S6/S10: create partners for every customer of one side of an integration that has none (hub:
 * every hub customer without a partner there, not excluded; external: every customer of the other
 * system the hub recorded without a hub customer, not excluded), with the number choice of S5.
 * One change per customer is recorded in the inbox with the run's id, all in one transaction (a
 * crash leaves the whole run or none of it), and the engine's workers work them off exactly once,
 * retrying what fails with backoff; a customer refused meanwhile (paired, excluded, its number in
 * use) is counted as failed with the reason. Transfer all (S10) is the same run. A bulk action:
 * managers and admins only.
 */
export async function startPartnerRun(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  input: PartnerRunInput,
): Promise<PartnerRunView> {
  requireRole(actor, ["admin", "manager"], "creating partners in bulk");
  const { side, numberChoice } = parseInput(partnerRunSchema, input);
  const integration = await getIntegration(ctx, actor, integrationId);
  if (!integration.enabled)
    throw new ServiceError(
      "conflict",
      `integration ${integrationId} is switched off; switch it on to create partners there`,
    );
  const profile = (await readIntegration(ctx.db, integrationId))!.profile;
  if (side === "hub" && !createsPartners(profile))
    throw new ServiceError(
      "conflict",
      `integration ${integrationId} is read only (a ${integration.kind} integration): the hub creates no customers there; side 'external' makes hub customers of its customers`,
    );
  const now = ctx.clock.now();
  const runId = await ctx.db.transaction(async (tx) => {
    const id = await insertPartnerRun(tx, {
      storeId: actor.storeId,
      integrationId,
      side,
      numberChoice,
      createdBy: actor.userId,
      createdAt: now,
    });
    const total = await recordRun(tx, actor, id, integrationId, side, numberChoice, now);
    await setPartnerRunTotal(tx, id, total);
    return id;
  });
  return getPartnerRun(ctx, actor, runId);
}

async function recordRun(
  tx: Queryable,
  actor: Actor,
  runId: number,
  integrationId: number,
  side: "hub" | "external",
  numberChoice: "keep" | "next",
  now: Date,
): Promise<number> {
  let total = 0;
  for (let after = 0; ;) {
    const changes: Array<{ key: string; change: HubChange }> = [];
    if (side === "hub") {
      const ids = await listClientIds(tx, actor.storeId, {
        after,
        limit: page,
        filter: { integrationId, status: "unlinked" },
      });
      for (const clientId of ids)
        changes.push({
          key: `run:${runId}:c${clientId}`,
          change: { kind: "client.partnerCreate", clientId, integrationId, numberChoice },
        });
      after = ids.at(-1) ?? after;
    } else {
      const records = await listExternalOnly(tx, integrationId, {
        status: "unlinked",
        after,
        limit: page,
      });
      // kept numbers are theirs: a record without one, made a customer later, draws past them
      if (numberChoice === "keep")
        await moveNumbersPast(
          tx,
          actor.storeId,
          records.map((r) => r.externalNumber),
        );
      for (const r of records)
        changes.push({
          key: `run:${runId}:x${r.linkId}`,
          change: {
            kind: "record.partnerCreate",
            integrationId,
            externalId: r.externalId,
            numberChoice,
          },
        });
      after = records.at(-1)?.linkId ?? after;
    }
    total += await recordRunChanges(tx, runId, changes, actorLabel(actor), now);
    if (changes.length < page) return total;
  }
}

/** S6/S10: a run's progress (done, failed, waiting) and its first failures with their reasons. */
export async function getPartnerRun(
  ctx: ServiceContext,
  actor: Actor,
  runId: number,
): Promise<PartnerRunView> {
  const run = await readPartnerRun(ctx.db, runId);
  if (!run || run.storeId !== actor.storeId)
    throw new ServiceError("not_found", `partner run ${runId} does not exist`);
  return runView(ctx.db, run);
}

/** The store's runs, newest first. */
export async function listPartnerRunViews(
  ctx: ServiceContext,
  actor: Actor,
): Promise<PartnerRunView[]> {
  const runs = await listPartnerRuns(ctx.db, actor.storeId, 50);
  return Promise.all(runs.map((run) => runView(ctx.db, run)));
}

async function runView(q: Queryable, run: PartnerRunRecord): Promise<PartnerRunView> {
  const progress = await partnerRunProgress(q, run.id);
  const failures = (await partnerRunFailures(q, run.id, 100)).map((f) => {
    const change = f.payload as { clientId?: number; externalId?: string };
    return {
      ...(change.clientId !== undefined ? { clientId: change.clientId } : {}),
      ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
      reason: f.reason,
      final: f.final,
    };
  });
  return {
    id: run.id,
    integrationId: run.integrationId,
    side: run.side,
    numberChoice: run.numberChoice,
    total: run.total,
    progress,
    finished: progress.waiting === 0,
    failures,
    createdAt: run.createdAt.toISOString(),
  };
}
