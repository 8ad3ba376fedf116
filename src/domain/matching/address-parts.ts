import { withoutDiacritics } from "./plain-letters.ts";

/** A free-text street address taken apart: "12 N. Main Street, Apt 4, Springfield, IL 62704" */
export interface AddressParts {
  /** the house number ("12"), "" when none */
  number: string;
  /** the first word of the street's name, without type or direction ("main"), "" when none */
  street: string;
  /** apartment, suite or unit ("4"), "" when none */
  unit: string;
  /** a US ZIP code (five digits after the house number), "" when none */
  postcode: string;
  /** the town and state ("springfield|il") when written as "..., Springfield, IL", "" when not */
  town: string;
}

/**
 * "12 main st, apt 4, clear falls, il 62704" -> "clearfalls|il": the comma-separated part before
 * the state (and ZIP), from the address in lower case without diacritics. Two towns of one name in
 * different states stay apart.
 */
function townOf(plain: string): string {
  const parts = plain.split(",").map((p) => p.trim());
  if (parts.length < 3) return "";
  const state = /^([a-z]{2})(?:\s+\d{5}(?:-\d{4})?)?$/.exec(parts[parts.length - 1]!);
  const town = parts[parts.length - 2]!.replace(/[^a-z]/g, "");
  return state === null || town === "" ? "" : `${town}|${state[1]}`;
}

// USPS standard suffix and unit abbreviations (Publication 28, appendix C), the common ones: both
// spellings become the abbreviation, so "Main Street" and "Main St." compare equal.
const streetTypes: Record<string, string> = {
  street: "st",
  st: "st",
  str: "st",
  avenue: "ave",
  ave: "ave",
  av: "ave",
  avn: "ave",
  road: "rd",
  rd: "rd",
  drive: "dr",
  dr: "dr",
  drv: "dr",
  lane: "ln",
  ln: "ln",
  boulevard: "blvd",
  blvd: "blvd",
  boul: "blvd",
  court: "ct",
  ct: "ct",
  place: "pl",
  pl: "pl",
  terrace: "ter",
  ter: "ter",
  circle: "cir",
  cir: "cir",
  highway: "hwy",
  hwy: "hwy",
  parkway: "pkwy",
  pkwy: "pkwy",
  way: "way",
  square: "sq",
  sq: "sq",
  trail: "trl",
  trl: "trl",
};
const directions: Record<string, string> = {
  north: "n",
  n: "n",
  south: "s",
  s: "s",
  east: "e",
  e: "e",
  west: "w",
  w: "w",
  northeast: "ne",
  ne: "ne",
  northwest: "nw",
  nw: "nw",
  southeast: "se",
  se: "se",
  southwest: "sw",
  sw: "sw",
};
const unitWords = new Set(["apt", "apartment", "unit", "suite", "ste", "no", "flat", "rm", "room"]);
const ordinals: Record<string, string> = {
  first: "1st",
  second: "2nd",
  third: "3rd",
  fourth: "4th",
  fifth: "5th",
  sixth: "6th",
  seventh: "7th",
  eighth: "8th",
  ninth: "9th",
  tenth: "10th",
};

export function addressParts(value: string): AddressParts {
  const plain = withoutDiacritics(value).toLowerCase();
  const tokens = plain.replace(/#/g, " apt ").match(/[a-z0-9]+/g) ?? [];
  let postcode = "";
  for (let i = tokens.length - 1; i > 0; i--)
    if (/^\d{5}$/.test(tokens[i]!)) {
      postcode = tokens[i]!;
      break;
    }
  let number = "";
  let street = "";
  let unit = "";
  let i = tokens.findIndex((t) => /^\d+[a-z]?$/.test(t));
  if (i >= 0) {
    number = tokens[i]!;
    const name: string[] = [];
    for (i++; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (streetTypes[t] !== undefined && name.length > 0) break;
      if (unitWords.has(t)) break;
      if (directions[t] !== undefined && name.length === 0) continue;
      // the first word is enough to tell streets of one postcode apart, and it survives a city or
      // state written without a comma after the street
      name.push(ordinals[t] ?? t);
      break;
    }
    street = name[0] ?? "";
  }
  const u = tokens.findIndex((t) => unitWords.has(t));
  if (u >= 0 && u + 1 < tokens.length && tokens[u + 1] !== postcode) unit = tokens[u + 1]!;
  return { number, street, unit, postcode, town: townOf(plain) };
}
