import { normalizePhone } from "../normalize.ts";

// A plain ten-digit North American number, in the ways people write one: "(212) 555-0101",
// "212.555.0101", "2125550101", "+1 212 555 0101", "1-212-555-0101". Area code and exchange start
// with 2-9 (NANP), so a leading 1 is always the country code and never part of the number.
const plainNanp = /^\s*(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})\s*$/;

/** Countries whose phones are NANP numbers, so a number without +prefix is read as +1. */
const nanpCountries = new Set(["US", "CA"]);

/**
 * The phone as normalizePhone gives it (E.164 when it parses), without libphonenumber for a plain
 * NANP number. Why: parsing is most of the matcher's time at 200,000 phones, and normalizePhone
 * keeps only the last 5,000 results, so a store-sized import parses every phone. Anything that is
 * not plainly a NANP number (another country, an extension, letters) goes to normalizePhone.
 * Example: `phoneKey("(212) 555-0101", "US")` is "+12125550101", as `normalizePhone` gives it.
 */
export function phoneKey(value: string, country: string): string {
  const m = plainNanp.exec(value);
  if (m !== null && (nanpCountries.has(country) || value.trimStart().startsWith("+1")))
    return `+1${m[1]}${m[2]}${m[3]}`;
  return normalizePhone(value, country);
}
