// W3 (issue 9, "Matching"): the partner matcher (S8) on a generated, labelled set of N hub and N
// external customers (bench/match-generator.ts). Precision and recall against the set's true
// pairs; seconds are the matcher's alone (generation excluded), in this process.
import { suggestPartners } from "../src/domain/matching/suggest-partners.ts";
import { generateMatchSet } from "./match-generator.ts";

export interface W3Options {
  records: number;
  /** the score from which a pair is suggested */
  threshold: number;
  seed?: number;
  log: (line: string) => void;
}

export async function runW3(o: W3Options) {
  o.log(`W3: generating ${o.records} x ${o.records} customers`);
  const set = generateMatchSet(o.records, o.seed ?? 9);
  o.log("W3: matching");
  const began = performance.now();
  const suggestions = suggestPartners(set.hub, set.external, {
    threshold: o.threshold,
    country: "US",
  });
  const seconds = (performance.now() - began) / 1000;
  const right = suggestions.filter((s) => set.truth.get(s.hubId) === s.externalId).length;
  const pairsTrue = set.truth.size;
  const identifiable =
    pairsTrue - (set.faults["shares no email, phone, address or birth date"] ?? 0);
  return {
    id: "W3" as const,
    store: "-",
    records: o.records,
    threshold: o.threshold,
    pairsTrue,
    suggested: suggestions.length,
    wrong: suggestions.length - right,
    precision: round(suggestions.length === 0 ? 0 : right / suggestions.length),
    recall: round(right / pairsTrue),
    /**
     * the share of true pairs with an email, phone, address or birth date in common: the rest
     * share at most a name, a town or an area code (the matcher finds some of those too)
     */
    sharingContact: round(identifiable / pairsTrue),
    seconds: Math.round(seconds * 100) / 100,
    /** the whole bench process, generation included */
    peakRssMb: { bench: Math.round(process.resourceUsage().maxRSS / 1024) },
    faults: set.faults,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
