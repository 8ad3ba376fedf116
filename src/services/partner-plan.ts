import { toFieldMap, type CanonicalCustomer } from "../domain/customer.ts";
import { familyOf } from "../domain/field-path.ts";
import { normalizeEmail } from "../domain/normalize.ts";
import { createsPartners, syncedFields } from "../domain/policy.ts";
import { clientsWithoutPartner, listClientIds } from "../store/client-list.ts";
import { readClients } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { numbersOfStore } from "../store/customer-numbers.ts";
import {
  externalNumbersOf,
  listExternalOnly,
  type ExternalOnlyRecord,
} from "../store/external-records.ts";
import { readIntegration, type IntegrationRecord } from "../store/integrations-table.ts";
import { getIntegration } from "./integrations.ts";
import type { Actor, ServiceContext } from "./service-context.ts";

/** One customer in a plan's list: the hub customer, the other system's, or the pair. */
export interface PlanEntry {
  clientId: number | null;
  customerNumber: string | null;
  externalId: string | null;
  externalNumber: string | null;
  name: string;
  /** why it would be refused */
  reason?: string;
}

type ListName = "created" | "linked" | "conflicts" | "refused" | "excluded";

/** What a partner run of one side would do (S6/S10), or that side of enabling the integration. */
export interface SidePlan {
  /** partners created on the other side */
  created: number;
  /** paired with a customer of the other side that has the same email (S2), conflicts among them */
  linked: number;
  /** of the linked, those whose values differ: they start in conflict (S7, F12) */
  conflicts: number;
  /** the run would refuse them, each with its reason (a number in use, a waiting prospect) */
  refused: number;
  /** excluded on this side (S9): left alone */
  excluded: number;
  /** the customers behind each number, the first `limit` of each */
  lists: Record<ListName, PlanEntry[]>;
}

export interface PartnerPlan {
  integrationId: number;
  numberChoice: "keep" | "next";
  /** hub customers without a partner: partners created in the other system (S6 side hub) */
  hub: SidePlan;
  /** the other system's customers without a hub customer: made hub customers (S6 side external) */
  external: SidePlan;
  /** "N customers will be created here, M there, K linked, J start in conflict, L excluded" */
  summary: string;
}

const name = (c: { firstName: string | null; lastName: string | null }) =>
  [c.firstName, c.lastName].filter(Boolean).join(" ");

/**
 * The dry run before a bulk action or before switching an integration on: what creating partners
 * for every customer without one would do on each side, with the lists behind each number. It
 * reads and writes nothing else: no event, no job, no call to the other system. Pairs are found as
 * the runs find them: a customer with the same email on the other side, without a partner and not
 * excluded (S2), each used once, the hub's customers in id order. A prediction from what the hub
 * knows: the other system may hold customers the hub has not recorded (S2's lookup there at the
 * create can still find one).
 */
export async function planPartners(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  options: { numberChoice: "keep" | "next"; limit: number },
): Promise<PartnerPlan> {
  await getIntegration(ctx, actor, integrationId);
  const integration = (await readIntegration(ctx.db, integrationId))!;
  const q = ctx.db;
  const hubSide = await clientsWithoutPartner(q, actor.storeId, integrationId);
  const records = await allRecords(q, integrationId, "unlinked");

  // S2's pairs: a record with one of the customer's emails, each used once
  const byEmail = new Map<string, ExternalOnlyRecord>();
  for (const r of records)
    for (const c of r.customer?.contacts ?? [])
      if (c.kind === "email" && !byEmail.has(normalizeEmail(c.value)))
        byEmail.set(normalizeEmail(c.value), r);
  const used = new Set<string>();
  const pairs: Array<{ clientId: number; record: ExternalOnlyRecord }> = [];
  const pairedClients = new Set<number>();
  for (const c of hubSide) {
    for (const e of c.contacts) {
      if (e.kind !== "email") continue;
      const r = byEmail.get(normalizeEmail(e.value));
      if (!r || used.has(r.externalId)) continue;
      used.add(r.externalId);
      pairedClients.add(c.id);
      pairs.push({ clientId: c.id, record: r });
      break;
    }
  }
  const clients = await readClients(
    q,
    pairs.map((p) => p.clientId),
  );
  const linked: PlanEntry[] = [];
  const conflicts: PlanEntry[] = [];
  for (const { clientId, record } of pairs) {
    const client = clients.get(clientId)!;
    const entry: PlanEntry = {
      clientId,
      customerNumber: client.customerNumber,
      externalId: record.externalId,
      externalNumber: record.externalNumber,
      name: name(client.customer),
    };
    linked.push(entry);
    if (record.customer && differ(integration, client.customer, record.customer))
      conflicts.push(entry);
  }

  // the hub's side: numbers the hub knows there, for a kept number
  const externalNumbers = await externalNumbersOf(q, integrationId);
  const hubCreated: PlanEntry[] = [];
  const hubRefused: PlanEntry[] = [];
  // a customer whose partner's create failed (the error section) waits for its retry: a run takes
  // only the unlinked (create-partners.ts)
  const failed = new Set(await clientIdsWithStatus(q, actor.storeId, integrationId, "error"));
  for (const c of hubSide) {
    if (pairedClients.has(c.id)) continue;
    const entry: PlanEntry = {
      clientId: c.id,
      customerNumber: c.customerNumber,
      externalId: null,
      externalNumber: null,
      name: name(c),
    };
    if (failed.has(c.id))
      hubRefused.push({
        ...entry,
        reason: "its partner's create failed: retry it (GET /v1/jobs?state=dead)",
      });
    else if (!createsPartners(integration.profile))
      hubRefused.push({ ...entry, reason: "the other system is read only (a customer file)" });
    else if (integration.options.transferWhen === "active" && c.lifecycle !== "active")
      hubRefused.push({
        ...entry,
        reason: "a prospect: sent at its first purchase (transferWhen: active)",
      });
    else if (options.numberChoice === "keep" && externalNumbers.has(c.customerNumber))
      hubRefused.push({ ...entry, reason: `number ${c.customerNumber} is in use there` });
    else hubCreated.push(entry);
  }
  const hubExcluded = await excludedClients(q, actor.storeId, integrationId);

  // the other side: numbers hub customers have, for a kept number
  const hubNumbers = await numbersOfStore(q, actor.storeId);
  const extCreated: PlanEntry[] = [];
  const extRefused: PlanEntry[] = [];
  for (const r of records) {
    if (used.has(r.externalId)) continue;
    const entry = recordEntry(r);
    if (!r.customer) extRefused.push({ ...entry, reason: "the hub holds no copy of it yet" });
    else if (
      options.numberChoice === "keep" &&
      r.externalNumber &&
      hubNumbers.has(r.externalNumber)
    )
      extRefused.push({ ...entry, reason: `number ${r.externalNumber} is in use in the hub` });
    else extCreated.push(entry);
  }
  const extExcluded = (await allRecords(q, integrationId, "excluded")).map(recordEntry);

  const side = (lists: Record<ListName, PlanEntry[]>): SidePlan => ({
    created: lists.created.length,
    linked: lists.linked.length,
    conflicts: lists.conflicts.length,
    refused: lists.refused.length,
    excluded: lists.excluded.length,
    lists: Object.fromEntries(
      Object.entries(lists).map(([k, v]) => [k, v.slice(0, options.limit)]),
    ) as Record<ListName, PlanEntry[]>,
  });
  const hub = side({
    created: hubCreated,
    linked,
    conflicts,
    refused: hubRefused,
    excluded: hubExcluded,
  });
  const external = side({
    created: extCreated,
    linked,
    conflicts,
    refused: extRefused,
    excluded: extExcluded,
  });
  return {
    integrationId,
    numberChoice: options.numberChoice,
    hub,
    external,
    summary:
      `${external.created} customers will be created here, ${hub.created} there, ` +
      `${linked.length} linked, ${conflicts.length} start in conflict, ` +
      `${hub.excluded + external.excluded} excluded` +
      (hub.refused + external.refused > 0
        ? `, ${hub.refused + external.refused} refused (see the lists)`
        : ""),
  };
}

/** Whether a pair made by hand would start in conflict: a value both hold differently (S7). */
function differ(
  integration: IntegrationRecord,
  hub: CanonicalCustomer,
  external: CanonicalCustomer,
): boolean {
  const mapped = Object.values(integration.options.fieldMap);
  const a = syncedFields(toFieldMap(hub, integration.country), mapped);
  const b = syncedFields(toFieldMap(external, integration.country), mapped);
  // contact methods are joined, never in conflict (F1)
  return Object.entries(a).some(
    ([path, value]) => familyOf(path) !== "contact" && path in b && b[path] !== value,
  );
}

const recordEntry = (r: ExternalOnlyRecord): PlanEntry => ({
  clientId: null,
  customerNumber: null,
  externalId: r.externalId,
  externalNumber: r.externalNumber,
  name: r.customer ? name(r.customer) : "",
});

async function allRecords(
  q: Queryable,
  integrationId: number,
  status?: "unlinked" | "excluded",
): Promise<ExternalOnlyRecord[]> {
  const all: ExternalOnlyRecord[] = [];
  for (let after = 0; ;) {
    const page = await listExternalOnly(q, integrationId, { status, after, limit: 5000 });
    all.push(...page);
    if (page.length < 5000) return all;
    after = page.at(-1)!.linkId;
  }
}

async function clientIdsWithStatus(
  q: Queryable,
  storeId: number,
  integrationId: number,
  status: "error",
): Promise<number[]> {
  const ids: number[] = [];
  for (let after = 0; ;) {
    const page = await listClientIds(q, storeId, {
      after,
      limit: 5000,
      filter: { integrationId, status },
    });
    ids.push(...page);
    if (page.length < 5000) return ids;
    after = page.at(-1)!;
  }
}

async function excludedClients(
  q: Queryable,
  storeId: number,
  integrationId: number,
): Promise<PlanEntry[]> {
  const entries: PlanEntry[] = [];
  for (let after = 0; ;) {
    const ids = await listClientIds(q, storeId, {
      after,
      limit: 5000,
      filter: { integrationId, status: "excluded" },
    });
    const clients = await readClients(q, ids);
    for (const id of ids) {
      const c = clients.get(id)!;
      entries.push({
        clientId: id,
        customerNumber: c.customerNumber,
        externalId: null,
        externalNumber: null,
        name: name(c.customer),
      });
    }
    if (ids.length < 5000) return entries;
    after = ids.at(-1)!;
  }
}
