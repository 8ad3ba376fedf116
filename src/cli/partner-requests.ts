import { CliError } from "./cli-error.ts";
import type { HubCall } from "./hub-client.ts";
import type { ProgressReporter } from "./progress-reporter.ts";

/** A suggestion as the API gives it (GET /v1/integrations/{id}/partner-suggestions). */
export interface ApiSuggestion {
  clientId: number;
  /** the hub customer's number */
  clientNumber: string;
  externalId: string;
  externalNumber: string | null;
  score: number;
  reasons: string[];
}

/** A pair's answer (POST /v1/integrations/{id}/partners): its status, or why it was not made. */
export interface LinkResult {
  clientId: number;
  externalId: string;
  status: string | null;
  error: { code: string; message: string } | null;
}

/**
 * Each page of suggestions matches both sides whole (see the route), so the CLI takes the
 * largest page the API gives: reading all of them costs as few matches as it can.
 */
const suggestionPage = 10_000;

/**
 * Pairs per call. The API takes up to 1,000, but each pair is its own transaction (about 30 ms
 * here, measured on the 2-core machine), so 1,000 would take half a minute, as long as the
 * client waits for an answer; 250 answer in seconds and move the progress bar as often.
 */
export const pairsPerCall = 250;

const suggestionsPath = (integration: number) =>
  `/v1/integrations/${integration}/partner-suggestions`;

/** S8: every suggestion of an integration, best first, page after page. */
export async function allSuggestions(call: HubCall, integration: number): Promise<ApiSuggestion[]> {
  const all: ApiSuggestion[] = [];
  let after: string | null = null;
  do {
    const query = `limit=${suggestionPage}${after === null ? "" : `&after=${after}`}`;
    const page: { suggestions: ApiSuggestion[]; next?: string | null } = await call(
      "GET",
      `${suggestionsPath(integration)}?${query}`,
    );
    all.push(...page.suggestions);
    after = page.next ?? null;
  } while (after !== null);
  return all;
}

/**
 * S8, S7: links the pairs, at most `pairsPerCall` per call (each pair answered with its status or
 * why not), reporting progress after each call. A call the hub refuses as a whole (the
 * integration is gone, the token was revoked) stops the run and says how many pairs were sent
 * before it, so that the rest can be given again.
 */
export async function linkPairs(
  call: HubCall,
  integration: number,
  pairs: ReadonlyArray<{ clientId: number; externalId: string }>,
  progress: ProgressReporter | null,
  chunk = pairsPerCall,
): Promise<LinkResult[]> {
  const results: LinkResult[] = [];
  let failed = 0;
  progress?.start(pairs.length, "linked");
  try {
    for (let at = 0; at < pairs.length; at += chunk) {
      const body = {
        pairs: pairs.slice(at, at + chunk).map((p) => ({
          clientId: p.clientId,
          externalId: p.externalId,
        })),
      };
      let answer: { results: LinkResult[] };
      try {
        answer = await call("POST", `/v1/integrations/${integration}/partners`, body);
      } catch (error) {
        if (at === 0 || !(error instanceof CliError)) throw error;
        throw new CliError(
          error.code,
          `${error.message}; the first ${at} of ${pairs.length} pairs were sent before it (${failed} not linked), so give the others again`,
        );
      }
      results.push(...answer.results);
      failed += answer.results.filter((r) => r.error !== null).length;
      progress?.update(results.length, failed);
    }
  } finally {
    progress?.stop();
  }
  return results;
}
