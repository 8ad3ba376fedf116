import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type ContactKind = "email" | "phone" | "address";

export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/**
 * E.164 when the number parses (in the store's country when it has no +prefix), otherwise the
 * digits alone, so "+1 (212) 555-0101" and "212.555.0101" are the same phone in a US store.
 */
export function normalizePhone(value: string, defaultCountry: string = "US"): string {
  const key = `${defaultCountry}\u0000${value}`;
  const known = recentPhones.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(value, defaultCountry as CountryCode);
  const normalized = parsed?.isPossible() ? parsed.number : value.replace(/\D+/g, "");
  // R8.5: one new customer's phone is normalized three times (its contact, its audit, its link's
  // base); parsing is the costly part of onboarding a customer in Node, so recent ones are kept
  if (recentPhones.size >= 5000) recentPhones.clear();
  recentPhones.set(key, normalized);
  return normalized;
}

/** country + value -> normalized phone, for the phones seen last (a pure function's memo) */
const recentPhones = new Map<string, string>();

export const normalizeAddress = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[.,;]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export function normalizeContact(kind: ContactKind, value: string, country?: string): string {
  switch (kind) {
    case "email":
      return normalizeEmail(value);
    case "phone":
      return normalizePhone(value, country);
    case "address":
      return normalizeAddress(value);
  }
}
