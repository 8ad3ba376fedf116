import { normalizeEmail } from "../normalize.ts";
import { phoneKey } from "./phone-key.ts";
import { addressParts, type AddressParts } from "./address-parts.ts";
import { nameParts, type NameParts } from "./name-parts.ts";
import type { NameIds } from "./name-ids.ts";

/**
 * One customer as the matcher sees it, from either side. Example:
 * `{ id: "c_12", customerNumber: "10012", firstName: "Bob", lastName: "Smith",
 *    emails: ["bob@example.com"], phones: ["(212) 555-0101"],
 *    addresses: ["12 Main St, Springfield, IL 62704"], birthDate: "1980-04-01" }`
 */
export interface MatchRecord {
  id: string;
  customerNumber: string | null;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  /** free text, one line per address */
  addresses: string[];
  /** YYYY-MM-DD */
  birthDate: string | null;
}

/** A proposed partner: the hub customer, the external one, how sure (0..1) and why, in words. */
export interface Suggestion {
  hubId: string;
  externalId: string;
  score: number;
  reasons: string[];
}

/** A record normalised once, so a pair is compared without parsing anything again. */
export interface PreparedRecord {
  id: string;
  name: NameParts;
  emails: string[];
  phones: string[];
  addresses: AddressParts[];
  postcodes: string[];
  /** towns of the addresses ("springfield|il"), for a pair that shares no street address */
  towns: string[];
  /** area codes of NANP phones ("212"): where a customer lived when the number was given */
  areaCodes: string[];
  /**
   * towns the phones point to: an area code whose records, in this import, mostly name one town
   * (filled by suggestPartners, which sees the whole import)
   */
  phoneTowns: string[];
  birthDate: string | null;
}

/**
 * The email as a mailbox: trimmed, lower case, and without a "+tag" (bob+shop@x.com reaches
 * bob@x.com at every large provider). Dots in Gmail local parts are kept: other providers treat
 * them as different mailboxes.
 */
export function mailbox(email: string): string {
  const e = normalizeEmail(email);
  const at = e.lastIndexOf("@");
  if (at <= 0) return e;
  const plus = e.indexOf("+");
  return plus > 0 && plus < at ? e.slice(0, plus) + e.slice(at) : e;
}

/**
 * The one empty list every prepared record shares: most records lack a phone, an address or a
 * second value, and 200,000 records' empty arrays would be copied by every young-generation GC.
 * Frozen, so nothing can add to it.
 */
const none = Object.freeze([]) as unknown as never[];

/** the values without blanks and repeats; most records hold one value or none, kept as they are */
function unique(values: string[]): string[] {
  if (values.length === 0) return none;
  if (values.length === 1) return values[0] === "" ? none : values;
  const kept = [...new Set(values.filter((v) => v !== ""))];
  return kept.length === 0 ? none : kept;
}

/** a phone key with at least 7 digits (fewer is an extension or a placeholder) */
const longEnough = (key: string) =>
  (key.length === 12 && key.startsWith("+1")) || key.replace(/\D/g, "").length >= 7;

export function prepareRecord(
  record: MatchRecord,
  country: string,
  names: NameIds,
): PreparedRecord {
  const addresses =
    record.addresses.length === 0
      ? none
      : record.addresses.map(addressParts).filter((a) => a.number !== "" || a.postcode !== "");
  // a phone of fewer than 7 digits is an extension or a placeholder, not a way to tell people apart
  const phones =
    record.phones.length === 0
      ? none
      : record.phones.map((p) => phoneKey(p, country)).filter(longEnough);
  const birth = record.birthDate?.trim() ?? "";
  return {
    id: record.id,
    name: nameParts(record.firstName, record.lastName, names),
    emails:
      record.emails.length === 0
        ? none
        : unique(record.emails.map(mailbox).filter((e) => e.includes("@"))),
    phones: unique(phones),
    addresses: addresses.length === 0 ? none : addresses,
    postcodes: addresses.length === 0 ? none : unique(addresses.map((a) => a.postcode)),
    towns: addresses.length === 0 ? none : unique(addresses.map((a) => a.town)),
    areaCodes:
      phones.length === 0
        ? none
        : unique(phones.map((p) => (p.startsWith("+1") && p.length === 12 ? p.slice(2, 5) : ""))),
    phoneTowns: none,
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null,
  };
}
