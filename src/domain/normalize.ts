import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type ContactKind = "email" | "phone" | "address";

export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/**
 * E.164 when the number parses (in the store's country when it has no +prefix), otherwise the
 * digits alone, so "+1 (212) 555-0101" and "212.555.0101" are the same phone in a US store.
 */
export function normalizePhone(value: string, defaultCountry: string = "US"): string {
  const parsed = parsePhoneNumberFromString(value, defaultCountry as CountryCode);
  if (parsed?.isPossible()) return parsed.number;
  return value.replace(/\D+/g, "");
}

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
