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
};

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
  const detail = field
    ? `${fieldWords[field] ?? field}: ${error.message.slice(error.message.indexOf(": ") + 2)}`
    : error.message;
  switch (error.code) {
    case "invalid":
      return `Please check this: ${detail}.`;
    case "unauthenticated":
      return `You are not signed in, or your sign-in has ended (${detail}).`;
    case "forbidden":
      return `Your role does not allow this: ${detail}.`;
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
