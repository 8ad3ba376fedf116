import { withoutDiacritics } from "./plain-letters.ts";
import type { NameIds } from "./name-ids.ts";

/** A person's name as the matcher compares it: lower case a-z, no diacritics, no punctuation. */
export interface NameParts {
  /** the first token of the first name ("mary" for "Mary-Ann"), "" when none */
  given: string;
  /** the whole last name without spaces ("delacruz" for "De la Cruz"), "" when none */
  surname: string;
  /** the last name's tokens, so "Smith-Jones" meets "Smith" */
  surnameTokens: string[];
  /** "jr", "sr", "ii", "iii" when the last name ends with one (a father and son share the rest) */
  suffix: string;
  /** the whole first name as a surname, and the last name's first token as a given name: swaps */
  givenAsSurname: string;
  surnameAsGiven: string;
  /** the four names' numbers in the run's NameIds, for the matcher's remembered comparisons */
  givenId: number;
  surnameId: number;
  givenAsSurnameId: number;
  surnameAsGivenId: number;
}

/** "Zoë  O'Brien-Núñez" -> ["zoe", "obrien", "nunez"]: diacritics and case gone, apostrophes joined */
export function nameTokens(value: string): string[] {
  return (
    withoutDiacritics(value)
      .toLowerCase()
      .replace(/['\u2019]/g, "")
      .match(/[a-z]+/g) ?? []
  );
}

const suffixes = new Set(["jr", "sr", "ii", "iii", "iv"]);

export function nameParts(first: string, last: string, ids: NameIds): NameParts {
  const givenTokens = nameTokens(first);
  const surnameTokens = nameTokens(last);
  const lastToken = surnameTokens[surnameTokens.length - 1];
  const suffix =
    surnameTokens.length > 1 && lastToken !== undefined && suffixes.has(lastToken) ? lastToken : "";
  if (suffix !== "") surnameTokens.pop();
  const given = givenTokens[0] ?? "";
  const surname = surnameTokens.join("");
  const givenAsSurname = givenTokens.join("");
  const surnameAsGiven = surnameTokens[0] ?? "";
  return {
    given,
    surname,
    surnameTokens,
    suffix,
    givenAsSurname,
    surnameAsGiven,
    givenId: ids.of(given),
    surnameId: ids.of(surname),
    givenAsSurnameId: ids.of(givenAsSurname),
    surnameAsGivenId: ids.of(surnameAsGiven),
  };
}
