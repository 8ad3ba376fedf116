import type { LinkStatus } from "../domain/link-status.ts";
import type { MatchRecord } from "../domain/matching/match-record.ts";
import { compareSuggestions, suggestPartners } from "../domain/matching/suggest-partners.ts";
import { clientsWithoutPartner } from "../store/client-list.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { listExternalOnly } from "../store/external-records.ts";
import { selectPartner } from "./customers.ts";
import { getIntegration } from "./integrations.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** S8: a proposed pair, as the API shows it. */
export interface PartnerSuggestion {
  clientId: number;
  /** the hub customer's number */
  clientNumber: string;
  externalId: string;
  externalNumber: string | null;
  /** 0..1 */
  score: number;
  /** why, in words: "same phone", "name 0.93 similar", "same postcode" */
  reasons: string[];
}

/**
 * Where a page of suggestions ends: the last suggestion shown. The next page holds those that
 * come after it in the suggestions' order (compareSuggestions), so a pair linked meanwhile does
 * not shift the pages (an offset would skip one).
 */
export interface SuggestionCursor {
  score: number;
  clientId: number;
  externalId: string;
}

/** The cursor as the API hands it out (`next`) and takes it back (`after`): opaque text. */
export function encodeSuggestionCursor(c: SuggestionCursor): string {
  return Buffer.from(JSON.stringify([c.score, c.clientId, c.externalId])).toString("base64url");
}

/** The cursor from `after`, or null when the text is not one that encodeSuggestionCursor made. */
export function decodeSuggestionCursor(text: string): SuggestionCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === "number" &&
      Number.isSafeInteger(value[1]) &&
      typeof value[2] === "string"
    )
      return { score: value[0], clientId: value[1] as number, externalId: value[2] };
  } catch {
    // not base64url JSON: not ours
  }
  return null;
}

type Contacts = Array<{ kind: "email" | "phone" | "address"; value: string }>;
const valuesOf = (contacts: Contacts, kind: Contacts[number]["kind"]) =>
  contacts.filter((c) => c.kind === kind).map((c) => c.value);

/**
 * S8: likely partners between the store's customers that have none in this integration (not
 * excluded) and the other system's customers the hub recorded without one (unlinked, not
 * excluded, S9), at or above the integration's `matchThreshold`, best first, a page at a time
 * (`after`: the page before's `next`). Nothing is linked: a user confirms (confirmPartners).
 * The whole of both sides is read and matched for each page, so fewer, larger pages cost less.
 * With `clientId`, only that customer's suggestion (at most one: a pair is suggested only when
 * each is the other's best), as the console's profile asks for it.
 */
export async function suggestPartnersFor(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  page: { limit: number; after?: SuggestionCursor | undefined; clientId?: number | undefined },
): Promise<{ suggestions: PartnerSuggestion[]; next: string | null }> {
  await getIntegration(ctx, actor, integrationId);
  const integration = (await readIntegration(ctx.db, integrationId))!;
  const hubCustomers = await clientsWithoutPartner(ctx.db, actor.storeId, integrationId);
  const clientNumbers = new Map(hubCustomers.map((c) => [String(c.id), c.customerNumber]));
  const hub: MatchRecord[] = hubCustomers.map((c) => ({
    id: String(c.id),
    customerNumber: c.customerNumber,
    firstName: c.firstName ?? "",
    lastName: c.lastName ?? "",
    emails: valuesOf(c.contacts, "email"),
    phones: valuesOf(c.contacts, "phone"),
    addresses: valuesOf(c.contacts, "address"),
    birthDate: null,
  }));
  const numbers = new Map<string, string | null>();
  const external: MatchRecord[] = [];
  for (let after = 0; ;) {
    const page = await listExternalOnly(ctx.db, integrationId, {
      status: "unlinked",
      after,
      limit: 5000,
    });
    for (const r of page) {
      numbers.set(r.externalId, r.externalNumber);
      const contacts = r.customer?.contacts ?? [];
      external.push({
        id: r.externalId,
        customerNumber: r.externalNumber,
        firstName: r.customer?.firstName ?? "",
        lastName: r.customer?.lastName ?? "",
        emails: valuesOf(contacts, "email"),
        phones: valuesOf(contacts, "phone"),
        addresses: valuesOf(contacts, "address"),
        birthDate: null,
      });
    }
    if (page.length < 5000) break;
    after = page.at(-1)!.linkId;
  }
  const suggestions = suggestPartners(hub, external, {
    threshold: integration.options.matchThreshold,
    country: integration.country,
  });
  const { after, limit, clientId } = page;
  const rest = suggestions.filter(
    (s) =>
      (clientId === undefined || s.hubId === String(clientId)) &&
      (after === undefined ||
        compareSuggestions(s, { ...after, hubId: String(after.clientId) }) > 0),
  );
  const shown = rest.slice(0, limit).map((s) => ({
    clientId: Number(s.hubId),
    clientNumber: clientNumbers.get(s.hubId)!,
    externalId: s.externalId,
    externalNumber: numbers.get(s.externalId) ?? null,
    score: s.score,
    reasons: s.reasons,
  }));
  const last = shown.at(-1);
  return {
    suggestions: shown,
    next: rest.length > limit && last ? encodeSuggestionCursor(last) : null,
  };
}

/**
 * S8, S7: a user confirms suggested pairs, one or many at once: each is paired as by hand
 * (selectPartner: its own transaction, A7, starts in conflict where the two differ), so one that
 * can no longer be made (paired meanwhile, excluded, another associate's customer) is reported
 * with its reason and the others go through.
 */
export async function confirmPartners(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  pairs: ReadonlyArray<{ clientId: number; externalId: string }>,
): Promise<
  Array<{
    clientId: number;
    externalId: string;
    status: LinkStatus | null;
    error: { code: string; message: string } | null;
  }>
> {
  await getIntegration(ctx, actor, integrationId);
  const results = [];
  for (const { clientId, externalId } of pairs) {
    try {
      const view = await selectPartner(ctx, actor, clientId, { integrationId, externalId });
      const sync = view.sync.find((s) => s.integrationId === integrationId);
      results.push({ clientId, externalId, status: sync?.status ?? null, error: null });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      results.push({
        clientId,
        externalId,
        status: null,
        error: { code: error.code, message: error.message },
      });
    }
  }
  return results;
}
