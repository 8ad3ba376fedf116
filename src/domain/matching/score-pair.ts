import type { PreparedRecord } from "./match-record.ts";
import type { AddressParts } from "./address-parts.ts";
import { formalNames, isKnownName, nameVariants } from "./nicknames.ts";
import { jaroWinkler, oneKeyingErrorApart } from "./string-similarity.ts";

/**
 * What a pair's evidence is worth depends on the whole population: "Smith" in a postcode says
 * less than "Okonkwo", an email three customers share says less than one that is a person's own.
 */
export interface ScoringContext {
  givenCount: Map<string, number>;
  surnameCount: Map<string, number>;
  /** how many records of one side hold a mailbox or phone (the larger of the two sides) */
  sharedCount: Map<string, number>;
  /** how many records (both sides) name each town, and hold each area code */
  townCount: Map<string, number>;
  areaCodeCount: Map<string, number>;
  /** hub and external records together */
  population: number;
  /** log2 odds that two records picked at random are one person, before any evidence */
  prior: number;
  /**
   * name comparisons already made, by the names' numbers (first x -> first y -> result): an import
   * holds a few thousand first names and hundreds of thousands of pairs, so each pair of names is
   * compared once
   */
  givenSeen: (Map<number, Part | null> | undefined)[];
  surnameSeen: (Map<number, Part> | undefined)[];
  /** each town's, phone town's and area code's part, made once */
  townParts: Map<string, Part>;
  phoneTownParts: Map<string, Part>;
  areaParts: Map<string, Part>;
}

/** The row of a two-level cache for one name's number, made when first asked for. */
function rowOf<T>(cache: (Map<number, T> | undefined)[], x: number): Map<number, T> {
  let row = cache[x];
  if (row === undefined) cache[x] = row = new Map();
  return row;
}

/**
 * Evidence weights in bits (log2 of how much likelier the evidence is for one person than for
 * two), in the spirit of Fellegi-Sunter record linkage. The contact weights are set by hand, from
 * how rarely two different customers share each value; the name weights come from the data.
 */
const bits = {
  ownEmail: 14,
  sharedEmail: 8,
  ownPhone: 12,
  sharedPhone: 7,
  address: 11,
  postcode: 3,
  birthDate: 11,
  birthDateSwapped: 2,
  birthDateOneDigit: -5,
  birthDateDiffers: -15,
  suffixDiffers: -15,
  initial: 1.5,
  lastNameDiffers: -4,
  marriedName: -1,
  otherEmails: -1,
  otherPhones: -1,
};

const freqBits = (count: number | undefined, population: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Math.log2(population / Math.max(1, count ?? 1))));

export interface Part {
  bits: number;
  reason: string;
  /** a full first name that agrees (not an initial, not missing) */
  fullGiven?: true;
  /** a value a household shares: an email, a phone, an address */
  household?: true;
  /** a value one person holds: their own email or phone, their address, their birth date */
  personal?: true;
  /** the last names are different names, not spellings of one */
  otherLastName?: true;
}

const display = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** First names, or null when they are different names (a household, not one person). */
function compareGiven(
  x: string,
  xId: number,
  y: string,
  yId: number,
  ctx: ScoringContext,
): Part | null {
  const row = rowOf(ctx.givenSeen, xId);
  let part = row.get(yId);
  if (part === undefined) row.set(yId, (part = compareGivenOnce(x, y, ctx)));
  return part;
}

function compareGivenOnce(x: string, y: string, ctx: ScoringContext): Part | null {
  if (x === "" || y === "") return { bits: 0, reason: "" };
  if (x === y)
    return x.length === 1
      ? { bits: bits.initial, reason: "same initial" }
      : {
          bits: freqBits(ctx.givenCount.get(x), ctx.population, 2, 12),
          reason: "same first name",
          fullGiven: true,
        };
  if (x.length === 1 || y.length === 1) {
    if (x[0] !== y[0]) return null;
    const full = x.length === 1 ? y : x;
    return { bits: bits.initial, reason: `initial ${full[0]!.toUpperCase()}. = ${display(full)}` };
  }
  const xs = formalNames(x);
  const shared = formalNames(y).find((n) => xs.includes(n));
  if (shared !== undefined)
    return {
      bits: freqBits(ctx.givenCount.get(shared), ctx.population, 2, 12) - 1,
      reason: `${display(x)} = ${display(y)}`,
      fullGiven: true,
    };
  // a typo, not another name: one slip of the finger, or long names that differ in one letter
  const typo =
    oneKeyingErrorApart(x, y) ||
    (Math.min(x.length, y.length) >= 6 &&
      Math.abs(x.length - y.length) <= 1 &&
      jaroWinkler(x, y) >= 0.95) ||
    droppedLetterOfRareSpelling(x, y, ctx) ||
    slipOfVariant(x, y, ctx) ||
    slipOfVariant(y, x, ctx);
  if (!typo) return null;
  const similarity = jaroWinkler(x, y);
  const longer = x.length >= y.length ? x : y;
  return {
    bits: Math.max(1, freqBits(ctx.givenCount.get(longer), ctx.population, 2, 12) - 3),
    reason: `first name ${similarity.toFixed(2)} similar`,
    fullGiven: true,
  };
}

/**
 * "Jhn" for "John", "Aina" for "Abina": a letter left out, when the shorter spelling is rare beside
 * the longer one (a slip, not a name of its own). Two names that are both common, "Carl" and
 * "Carol", "Jon" and "John", stay two people: households hold such pairs.
 */
function droppedLetterOfRareSpelling(x: string, y: string, ctx: ScoringContext): boolean {
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (!oneLetterDropped(long, short)) return false;
  return (ctx.givenCount.get(short) ?? 0) * 16 <= (ctx.givenCount.get(long) ?? 0);
}

function oneLetterDropped(long: string, short: string): boolean {
  if (long.length !== short.length + 1 || short.length < 3) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/**
 * "Josph" against "Joey", "Bbob" against "Robert": a slip of the finger in another spelling of
 * the same person's name (a nickname on one side, a mistyped formal name on the other). Only when
 * the slipped spelling is no name the nickname table knows and is rare beside the one it slipped
 * from, so "Tim" is never taken for a slip of "Tom" (Thomas).
 */
function slipOfVariant(slip: string, name: string, ctx: ScoringContext): boolean {
  if (isKnownName(slip)) return false;
  const slipCount = ctx.givenCount.get(slip) ?? 0;
  for (const variant of nameVariants(name)) {
    if (variant === name || variant === slip) continue;
    if (slipCount * 16 > (ctx.givenCount.get(variant) ?? 0) + (ctx.givenCount.get(name) ?? 0))
      continue;
    if (oneKeyingErrorApart(slip, variant) || oneLetterDropped(variant, slip)) return true;
  }
  return false;
}

function compareSurname(
  x: string,
  xId: number,
  xTokens: string[],
  y: string,
  yId: number,
  yTokens: string[],
  ctx: ScoringContext,
): Part {
  // a name of several parts compares by its parts: only one-part names are remembered by spelling
  if (xTokens.length !== 1 || yTokens.length !== 1)
    return compareSurnameOnce(x, xTokens, y, yTokens, ctx);
  const row = rowOf(ctx.surnameSeen, xId);
  let part = row.get(yId);
  if (part === undefined) row.set(yId, (part = compareSurnameOnce(x, xTokens, y, yTokens, ctx)));
  return part;
}

function compareSurnameOnce(
  x: string,
  xTokens: string[],
  y: string,
  yTokens: string[],
  ctx: ScoringContext,
): Part {
  if (x === "" || y === "") return { bits: 0, reason: "" };
  const exact = freqBits(ctx.surnameCount.get(x), ctx.population, 2, 14);
  if (x === y) return { bits: exact, reason: "same last name" };
  // a double-barrelled name against one of its halves ("Smith-Jones", "Smith")
  if (xTokens.length !== yTokens.length && xTokens.some((t) => t.length > 2 && yTokens.includes(t)))
    return { bits: Math.max(1, exact - 3), reason: "last names share a part" };
  const similarity = jaroWinkler(x, y);
  if (similarity >= 0.9 || oneKeyingErrorApart(x, y))
    return { bits: Math.max(1, exact - 3), reason: `last name ${similarity.toFixed(2)} similar` };
  return { bits: bits.lastNameDiffers, reason: "different last names", otherLastName: true };
}

const marriedName: Part = {
  bits: bits.marriedName,
  reason: "different last names (a married name?)",
};

const swapped: Part = { bits: 0, reason: "first and last name swapped" };

/** The names' parts (first name, last name, and a swap when that explains them), or null. */
function compareNames(a: PreparedRecord, b: PreparedRecord, ctx: ScoringContext): Part[] | null {
  const x = a.name;
  const y = b.name;
  const direct = compareGiven(x.given, x.givenId, y.given, y.givenId, ctx);
  const directSurname =
    direct === null
      ? null
      : compareSurname(
          x.surname,
          x.surnameId,
          x.surnameTokens,
          y.surname,
          y.surnameId,
          y.surnameTokens,
          ctx,
        );
  if (x.givenId !== y.givenId && x.surnameId !== y.surnameId) {
    const swappedGiven = compareGiven(
      x.given,
      x.givenId,
      y.surnameAsGiven,
      y.surnameAsGivenId,
      ctx,
    );
    if (swappedGiven !== null) {
      const swappedSurname = compareSurname(
        x.surname,
        x.surnameId,
        x.surnameTokens,
        y.givenAsSurname,
        y.givenAsSurnameId,
        [y.givenAsSurname],
        ctx,
      );
      // a swap explains the pair only when both names line up crosswise, and better than as written
      if (
        swappedSurname.bits > 0 &&
        (direct === null ||
          swappedGiven.bits + swappedSurname.bits > direct.bits + directSurname!.bits)
      )
        return [swappedGiven, swappedSurname, swapped];
    }
  }
  return direct === null ? null : [direct, directSurname!];
}

function sameAddress(x: AddressParts, y: AddressParts): boolean {
  if (x.number === "" || x.number !== y.number) return false;
  if (x.postcode !== "" && y.postcode !== "" && x.postcode !== y.postcode) return false;
  if (x.unit !== "" && y.unit !== "" && x.unit !== y.unit) return false;
  if (x.street === "" || y.street === "") return x.postcode !== "" && x.postcode === y.postcode;
  return x.street === y.street || jaroWinkler(x.street, y.street) >= 0.85;
}

// the parts every pair may share, made once
const ownEmail: Part = {
  bits: bits.ownEmail,
  reason: "same email",
  household: true,
  personal: true,
};
const otherEmails: Part = { bits: bits.otherEmails, reason: "different emails" };
const ownPhone: Part = {
  bits: bits.ownPhone,
  reason: "same phone",
  household: true,
  personal: true,
};
const otherPhones: Part = { bits: bits.otherPhones, reason: "different phones" };
const address: Part = {
  bits: bits.address,
  reason: "same address",
  household: true,
  personal: true,
};
const postcode: Part = { bits: bits.postcode, reason: "same postcode" };
const birthDate: Part = { bits: bits.birthDate, reason: "same birth date", personal: true };
const birthDateSwapped: Part = {
  bits: bits.birthDateSwapped,
  reason: "birth date with day and month swapped",
};
const birthDateOneDigit: Part = {
  bits: bits.birthDateOneDigit,
  reason: "birth dates one digit apart",
};
const birthDateDiffers: Part = { bits: bits.birthDateDiffers, reason: "different birth dates" };

function sharedValue(xs: string[], ys: string[]): string | undefined {
  for (const x of xs) for (const y of ys) if (x === y) return x;
  return undefined;
}

function sharedAddress(xs: AddressParts[], ys: AddressParts[]): boolean {
  for (const x of xs) for (const y of ys) if (sameAddress(x, y)) return true;
  return false;
}

/** A place's part, made once per place: a small town says more than a city. */
function placePart(
  cache: Map<string, Part>,
  place: string,
  count: number | undefined,
  ctx: ScoringContext,
  highest: number,
  less: number,
  reason: string,
): Part {
  let part = cache.get(place);
  if (part === undefined)
    cache.set(place, (part = { bits: freqBits(count, ctx.population, 1, highest) - less, reason }));
  return part;
}

/** The contact evidence of a pair, added to `parts`. */
function contactParts(
  a: PreparedRecord,
  b: PreparedRecord,
  ctx: ScoringContext,
  parts: Part[],
): void {
  const email = sharedValue(a.emails, b.emails);
  if (email !== undefined) {
    const holders = ctx.sharedCount.get(email) ?? 1;
    parts.push(
      holders > 1
        ? {
            bits: bits.sharedEmail,
            reason: `same email (shared by ${holders} customers)`,
            household: true,
          }
        : ownEmail,
    );
  } else if (a.emails.length > 0 && b.emails.length > 0) parts.push(otherEmails);
  const phone = sharedValue(a.phones, b.phones);
  if (phone !== undefined) {
    const holders = ctx.sharedCount.get(phone) ?? 1;
    parts.push(
      holders > 1
        ? {
            bits: bits.sharedPhone,
            reason: `same phone (shared by ${holders} customers)`,
            household: true,
          }
        : ownPhone,
    );
  } else if (a.phones.length > 0 && b.phones.length > 0) parts.push(otherPhones);
  if (sharedAddress(a.addresses, b.addresses)) parts.push(address);
  else if (sharedValue(a.postcodes, b.postcodes) !== undefined) parts.push(postcode);
  else {
    // an area code covers a region, so it counts less than a town
    const town = sharedValue(a.towns, b.towns);
    const phoneTown = sharedValue(a.towns, b.phoneTowns) ?? sharedValue(a.phoneTowns, b.towns);
    const area = phone === undefined ? sharedValue(a.areaCodes, b.areaCodes) : undefined;
    if (town !== undefined)
      parts.push(placePart(ctx.townParts, town, ctx.townCount.get(town), ctx, 6, 1, "same town"));
    else if (phoneTown !== undefined)
      parts.push(
        placePart(
          ctx.phoneTownParts,
          phoneTown,
          ctx.townCount.get(phoneTown),
          ctx,
          5,
          2,
          "phone's area code in the town",
        ),
      );
    else if (area !== undefined)
      parts.push(
        placePart(ctx.areaParts, area, ctx.areaCodeCount.get(area), ctx, 5, 1, "same area code"),
      );
  }
  if (a.birthDate !== null && b.birthDate !== null) {
    if (a.birthDate === b.birthDate) parts.push(birthDate);
    else if (
      a.birthDate.slice(0, 4) === b.birthDate.slice(0, 4) &&
      a.birthDate.slice(5, 7) === b.birthDate.slice(8, 10) &&
      a.birthDate.slice(8, 10) === b.birthDate.slice(5, 7)
    )
      parts.push(birthDateSwapped);
    else if (digitsApart(a.birthDate, b.birthDate) === 1) parts.push(birthDateOneDigit);
    else parts.push(birthDateDiffers);
  }
  if (a.name.suffix !== "" && b.name.suffix !== "" && a.name.suffix !== b.name.suffix)
    parts.push({ bits: bits.suffixDiffers, reason: `${a.name.suffix} and ${b.name.suffix}` });
}

const digitsApart = (x: string, y: string) => {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
};

/** A pair's evidence in bits and words, or null when the first names say they are two people. */
export interface PairScore {
  logOdds: number;
  parts: Part[];
  /**
   * the same full name and a contact a household shares: two such candidates of one record are a
   * father and son (Jr. often left out) or a duplicate, and neither is suggested
   */
  householdNamesake: boolean;
}

export function scorePair(
  a: PreparedRecord,
  b: PreparedRecord,
  ctx: ScoringContext,
): PairScore | null {
  const names = compareNames(a, b, ctx);
  if (names === null) return null;
  const parts = names;
  const nameCount = parts.length;
  contactParts(a, b, ctx, parts);
  let logOdds = ctx.prior;
  let personal = false;
  let household = false;
  let knownOther = false;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    logOdds += p.bits;
    if (k < nameCount) continue;
    if (p.personal === true) personal = true;
    if (p.household === true) household = true;
    if (p === birthDateDiffers || p.bits === bits.suffixDiffers) knownOther = true;
  }
  // a first name with someone's own phone, mailbox, home or birth date, under another last name:
  // a married name far more often than two people (a household's members have different first
  // names), so the other last name counts less
  if (personal && parts[0]!.fullGiven === true && parts[1]!.otherLastName === true) {
    logOdds += bits.marriedName - parts[1]!.bits;
    parts[1] = marriedName;
  }
  // a namesake whose birth date or suffix differs is known to be someone else: it leaves the record
  // its true partner instead of making it ambiguous
  const householdNamesake =
    parts[0]!.fullGiven === true && parts[1]!.bits > 0 && household && !knownOther;
  return { logOdds, parts, householdNamesake };
}

/** log2 odds -> probability */
export const probability = (logOdds: number) => 1 / (1 + Math.pow(2, -logOdds));

/** The reasons in words, strongest first: "same phone", "Bob = Robert", "same postcode". */
export function reasonsOf(score: PairScore): string[] {
  return score.parts
    .filter((p) => p.reason !== "")
    .sort((x, y) => y.bits - x.bits)
    .map((p) => p.reason);
}
