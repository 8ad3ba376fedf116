import { blockIndex } from "./block-index.ts";
import { NameIds } from "./name-ids.ts";
import {
  prepareRecord,
  type MatchRecord,
  type PreparedRecord,
  type Suggestion,
} from "./match-record.ts";
import { probability, reasonsOf, scorePair, type ScoringContext } from "./score-pair.ts";

export interface SuggestOptions {
  /** the lowest score (0..1) suggested; nothing below it is ever proposed */
  threshold: number;
  /** the store's country, for phones written without +prefix ("US") */
  country: string;
  /**
   * how much likelier (in bits, log2) the best partner must be than the runner-up on either side;
   * default 4 (16 times likelier). Closer than that, the pair is ambiguous and not suggested.
   */
  margin?: number;
}

/**
 * A key held by more external records than this tells nothing apart (a shop's own phone typed
 * into every record, a placeholder email): its records are not compared through it.
 */
const largestBlock = 50;

/** how much likelier (bits) the best must be when a household namesake is among the candidates */
const namesakeMargin = 10;

/**
 * Calibrate as if the store had at least this many customers, so a small import is not suggested
 * partners on evidence that would be thin in a real store.
 */
const smallestPopulation = 10_000;

/**
 * S8: likely partners for unlinked customers. Each suggestion pairs one hub customer with one
 * external customer, at most once on either side, with a score and the reasons in words; sorted
 * by score (highest first). Example:
 * `suggestPartners(hub, pos, { threshold: 0.9, country: "US" })` ->
 * `[{ hubId: "c_1", externalId: "p_9", score: 0.999, reasons: ["same phone", "Bob = Robert", ...] }]`
 *
 * Precision comes first (a wrong link merges two people's data): a pair is suggested only when
 * each is the other's best candidate, the score reaches the threshold, and no other candidate of
 * either comes within `margin`. Different first names never make a candidate, so a family that
 * shares an email, phone or address is never suggested as one person.
 */
export function suggestPartners(
  hub: MatchRecord[],
  external: MatchRecord[],
  options: SuggestOptions,
): Suggestion[] {
  const margin = options.margin ?? 4;
  const names = new NameIds();
  const h = withPhoneTowns(hub.map((r) => prepareRecord(r, options.country, names)));
  const e = withPhoneTowns(external.map((r) => prepareRecord(r, options.country, names)));
  const ctx = scoringContext(h, e, names.size);

  const index = blockIndex(h, e);
  const hubBest = new Int32Array(h.length).fill(-1);
  const hubBestBits = new Float64Array(h.length).fill(-Infinity);
  const hubSecondBits = new Float64Array(h.length).fill(-Infinity);
  const extBest = new Int32Array(e.length).fill(-1);
  const extBestBits = new Float64Array(e.length).fill(-Infinity);
  const extSecondBits = new Float64Array(e.length).fill(-Infinity);
  // how many candidates of a record carry its full name and share a household's contact with it
  const hubNamesakes = new Uint8Array(h.length);
  const extNamesakes = new Uint8Array(e.length);
  // the hub record that last compared each external record: every pair is scored once, however
  // many keys it shares
  const seenBy = new Int32Array(e.length).fill(-1);

  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let k = index.hubStart[i]!; k < index.hubStart[i + 1]!; k++) {
      const block = index.hubBlock[k]!;
      if (index.size[block]! > largestBlock) continue;
      for (let entry = index.first[block]!; entry >= 0; entry = index.next[entry]!) {
        const j = index.record[entry]!;
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        const score = scorePair(a, e[j]!, ctx);
        if (score === null) continue;
        if (score.householdNamesake) {
          hubNamesakes[i] = Math.min(255, hubNamesakes[i]! + 1);
          extNamesakes[j] = Math.min(255, extNamesakes[j]! + 1);
        }
        const bits = score.logOdds;
        if (bits > hubBestBits[i]!) {
          hubSecondBits[i] = hubBestBits[i]!;
          hubBestBits[i] = bits;
          hubBest[i] = j;
        } else if (bits > hubSecondBits[i]!) hubSecondBits[i] = bits;
        if (bits > extBestBits[j]!) {
          extSecondBits[j] = extBestBits[j]!;
          extBestBits[j] = bits;
          extBest[j] = i;
        } else if (bits > extSecondBits[j]!) extSecondBits[j] = bits;
      }
    }
  }

  const suggestions: Suggestion[] = [];
  for (let i = 0; i < h.length; i++) {
    const j = hubBest[i]!;
    if (j < 0 || extBest[j] !== i) continue;
    const bits = hubBestBits[i]!;
    const score = probability(bits);
    if (score < options.threshold) continue;
    if (bits - Math.max(hubSecondBits[i]!, extSecondBits[j]!) < margin) continue;
    // two namesakes in one household (a father and a son whose Jr. was left out) are told apart only
    // when one is far likelier than the other
    if (
      (hubNamesakes[i]! > 1 || extNamesakes[j]! > 1) &&
      bits - Math.max(hubSecondBits[i]!, extSecondBits[j]!) < namesakeMargin
    )
      continue;
    const pair = scorePair(h[i]!, e[j]!, ctx)!;
    suggestions.push({
      hubId: h[i]!.id,
      externalId: e[j]!.id,
      score: Math.round(score * 10_000) / 10_000,
      reasons: reasonsOf(pair),
    });
  }
  return suggestions.sort(compareSuggestions);
}

/**
 * The order suggestions come in: highest score first, then by hub id and external id (as text),
 * so that every pair has one place and a page of them can resume after the last one shown.
 */
export function compareSuggestions(
  x: Pick<Suggestion, "score" | "hubId" | "externalId">,
  y: Pick<Suggestion, "score" | "hubId" | "externalId">,
): number {
  return (
    y.score - x.score ||
    (x.hubId < y.hubId ? -1 : x.hubId > y.hubId ? 1 : 0) ||
    (x.externalId < y.externalId ? -1 : x.externalId > y.externalId ? 1 : 0)
  );
}

/** how many records of an area code with a town the town needs, and what share of them */
const phoneTownRecords = 5;
const phoneTownShare = 0.6;

/**
 * Area codes that, in this side's records, mostly go with one town: a record with that phone and
 * no address is placed in the town. Learned from the import, not from a table, so a region whose
 * area code spans many towns places no one.
 */
function withPhoneTowns(records: PreparedRecord[]): PreparedRecord[] {
  const byArea = new Map<string, Map<string, number>>();
  const withTown = new Map<string, number>();
  for (const r of records) {
    if (r.towns.length !== 1) continue;
    for (const c of r.areaCodes) {
      const towns = byArea.get(c) ?? new Map<string, number>();
      towns.set(r.towns[0]!, (towns.get(r.towns[0]!) ?? 0) + 1);
      byArea.set(c, towns);
      withTown.set(c, (withTown.get(c) ?? 0) + 1);
    }
  }
  const townOf = new Map<string, string>();
  for (const [c, towns] of byArea) {
    const n = withTown.get(c)!;
    for (const [t, k] of towns)
      if (n >= phoneTownRecords && k >= phoneTownShare * n) townOf.set(c, t);
  }
  // the records are this run's own, made by prepareRecord: filled in place, not copied
  for (const r of records)
    if (r.areaCodes.length > 0) {
      const phoneTowns = r.areaCodes.flatMap((c) => townOf.get(c) ?? []);
      if (phoneTowns.length > 0) r.phoneTowns = phoneTowns;
    }
  return records;
}

/** `nameCount`: how many name spellings the run numbered (NameIds) */
function scoringContext(
  h: PreparedRecord[],
  e: PreparedRecord[],
  nameCount: number,
): ScoringContext {
  const count = (map: Map<string, number>, key: string) => {
    if (key !== "") map.set(key, (map.get(key) ?? 0) + 1);
  };
  // names are counted by number, and put in maps by spelling once each
  const givenById = new Int32Array(nameCount);
  const surnameById = new Int32Array(nameCount);
  const spelling: string[] = new Array<string>(nameCount).fill("");
  const townCount = new Map<string, number>();
  const areaCodeCount = new Map<string, number>();
  for (const side of [h, e])
    for (const r of side) {
      givenById[r.name.givenId]!++;
      surnameById[r.name.surnameId]!++;
      spelling[r.name.givenId] = r.name.given;
      spelling[r.name.surnameId] = r.name.surname;
      for (const t of r.towns) count(townCount, t);
      for (const c of r.areaCodes) count(areaCodeCount, c);
    }
  const givenCount = new Map<string, number>();
  const surnameCount = new Map<string, number>();
  for (let id = 0; id < nameCount; id++) {
    if (spelling[id] === "") continue;
    if (givenById[id]! > 0) givenCount.set(spelling[id]!, givenById[id]!);
    if (surnameById[id]! > 0) surnameCount.set(spelling[id]!, surnameById[id]!);
  }
  // a mailbox or phone held by several records of one side belongs to a household or a shop
  const sharedCount = new Map<string, number>();
  for (const side of [h, e]) {
    const here = new Map<string, number>();
    for (const r of side) {
      for (const v of r.emails) count(here, v);
      for (const v of r.phones) count(here, v);
    }
    for (const [v, n] of here) if (n > (sharedCount.get(v) ?? 0)) sharedCount.set(v, n);
  }
  return {
    givenCount,
    surnameCount,
    sharedCount,
    townCount,
    areaCodeCount,
    // a name seen once in a tiny import is not known to be rare: count as in a store-sized one
    population: Math.max(h.length + e.length, 2 * smallestPopulation),
    prior: -Math.log2(Math.max(h.length, e.length, smallestPopulation)),
    givenSeen: new Array<undefined>(nameCount).fill(undefined),
    surnameSeen: new Array<undefined>(nameCount).fill(undefined),
    townParts: new Map(),
    phoneTownParts: new Map(),
    areaParts: new Map(),
  };
}
