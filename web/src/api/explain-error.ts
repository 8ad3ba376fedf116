import { ApiError } from "./client";

/** Field names as a store owner reads them, for the hub's messages that name a field. */
const fieldWords: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  customerNumber: "Customer number",
  email: "Email",
  password: "Password",
  name: "Name",
  role: "Role",
  baseUrl: "Address",
  apiKey: "API key",
  value: "Value",
  daysAfter: "Days after the sale",
  category: "Category",
  minAmount: "Minimum total",
  from: "From",
  to: "To",
  amount: "Amount",
  description: "Item",
  addNotes: "Note",
  notes: "Note",
  associateNumber: "Associate number",
  q: "Search",
  salesBatchTimes: "Batch times",
  wishlistCollection: "Wish list collection name",
  fieldMap: "Field mapping",
  matchThreshold: "Lowest match score",
  pollIntervalSeconds: "Ask for changes every (seconds)",
  defaultAssociateNumber: "Default associate number",
  number: "Number",
  title: "Title",
};

/**
 * A field's path as the hub names it ("lines.0.amount", "options.salesBatchTimes.0",
 * "preferences.ring_size") in words: the last named part, a preference by its name.
 */
function fieldName(path: string): string {
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p) && p !== "options");
  if (parts[0] === "preferences" && parts[1]) return `Preference “${parts.slice(1).join(".")}”`;
  const last = parts.at(-1) ?? path;
  if (fieldWords[last]) return fieldWords[last];
  const words = last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The schema checker's phrases ("Too big: expected string to have <=200 characters") in words. */
const phrases: Array<[RegExp, (...found: string[]) => string]> = [
  [
    /Too big: expected string to have <=(\d+) characters?/,
    (n) => `is too long (${n} characters at most)`,
  ],
  [/Too small: expected string to have >=1 characters?/, () => "must not be empty"],
  [
    /Too small: expected string to have >=(\d+) characters?/,
    (n) => `is too short (${n} characters at least)`,
  ],
  [/Too big: expected (?:number|int) to be <=?(\S+)/, (n) => `must be ${n} at most`],
  [/Too small: expected (?:number|int) to be >=?(\S+)/, (n) => `must be ${n} at least`],
  [/Too big: expected array to have <=(\d+) items?/, (n) => `has too many entries (${n} at most)`],
  [
    /Invalid input: expected (?:number|int), received (?:null|string|NaN|undefined)/,
    () => "must be a number",
  ],
  [/Invalid input: expected int, received number/, () => "must be a whole number"],
  [/expected int, received number/, () => "must be a whole number"],
  [/Invalid input: expected string, received undefined/, () => "is needed"],
];

function inWords(message: string): string {
  for (const [pattern, words] of phrases) {
    const found = message.match(pattern);
    if (found) return message.replace(pattern, words(...found.slice(1)));
  }
  return message;
}

/**
 * Every refusal in words a store owner understands: what went wrong, then the hub's own message
 * (which says what and where), with the field's name made readable.
 */
export function explainError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError)
      return "Tandem could not be reached. Check that it is running and that this device is online, then try again.";
    return error instanceof Error ? error.message : String(error);
  }
  const field = error.field;
  const detail = inWords(
    field
      ? `${fieldName(field)}: ${error.message.slice(error.message.indexOf(": ") + 2)}`
      : error.message,
  );
  switch (error.code) {
    case "invalid":
      return `Please check this: ${detail}.`;
    case "unauthenticated":
      // a sign-in or an invitation refused says why itself
      if (/password|invitation/i.test(detail)) return `${capital(detail)}.`;
      return `You are not signed in, or your sign-in has ended (${detail}).`;
    case "forbidden": {
      const roles = detail.match(/needs the roles? ([^;]+)/)?.[1];
      return roles
        ? `Your role does not allow this: only ${roles.replace(/ or /g, "s or ")}s may.`
        : `Your role does not allow this: ${detail}.`;
    }
    case "not_found":
      return `It is not there any more: ${detail}. Someone may have removed it; reload to see what is there now.`;
    case "conflict":
      return `This clashes with what is already there: ${detail}.`;
    case "too_large":
      return `That is too large: ${detail}.`;
    case "too_many":
      return `Too many tries. Wait ${error.retryAfterSeconds ?? "a few"} seconds and try again.`;
    case "unavailable":
      if (/\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(detail))
        return `The other system refused Tandem's API key: ${detail}. Check the key, then try again.`;
      return `The other system did not answer as expected: ${detail}. Check that it is running and its address is right, then try again.`;
    default:
      return `Tandem could not do this (${error.status}): ${detail}.`;
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
