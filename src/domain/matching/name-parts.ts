import { formalNames } from "./nicknames.ts";
import { withoutDiacritics } from "./plain-letters.ts";

/** A person's name as the matcher compares it: lower case a-z, no diacritics, no punctuation. */
export interface NameParts {
  /** the first token of the first name ("mary" for "Mary-Ann"), "" when none */
  given: string;
  /** the given name and the formal names it may stand for (Bob: bob, robert) */
  givenFormal: string[];
  /** the whole last name without spaces ("delacruz" for "De la Cruz"), "" when none */
  surname: string;
  /** the last name's tokens, so "Smith-Jones" meets "Smith" */
  surnameTokens: string[];
  /** "jr", "sr", "ii", "iii" when the last name ends with one (a father and son share the rest) */
  suffix: string;
  /** the whole first name as a surname, and the last name's first token as a given name: swaps */
  givenAsSurname: string;
  surnameAsGiven: string;
}

/** "Zoë  O'Brien-Núñez" -> ["zoe", "obrien", "nunez"]: diacritics and case gone, apostrophes joined */
export function nameTokens(value: string): string[] {
  const plain = withoutDiacritics(value)
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z]+/g, " ")
    .trim();
  return plain === "" ? [] : plain.split(" ");
}

const suffixes = new Set(["jr", "sr", "ii", "iii", "iv"]);

export function nameParts(first: string, last: string): NameParts {
  const givenTokens = nameTokens(first);
  const surnameTokens = nameTokens(last);
  const lastToken = surnameTokens[surnameTokens.length - 1];
  const suffix =
    surnameTokens.length > 1 && lastToken !== undefined && suffixes.has(lastToken) ? lastToken : "";
  if (suffix !== "") surnameTokens.pop();
  const given = givenTokens[0] ?? "";
  return {
    given,
    givenFormal: given === "" ? [] : formalNames(given),
    surname: surnameTokens.join(""),
    surnameTokens,
    suffix,
    givenAsSurname: givenTokens.join(""),
    surnameAsGiven: surnameTokens[0] ?? "",
  };
}
