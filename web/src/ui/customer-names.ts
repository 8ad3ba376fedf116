import type { components } from "../api/hub-api";

export type Customer = components["schemas"]["Customer"];

/** "First Last", or the customer number when the customer has no name. */
export function nameOf(c: Pick<Customer, "firstName" | "lastName" | "customerNumber">): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ");
  return name || `Customer ${c.customerNumber}`;
}

export function contactOf(c: Customer, kind: "email" | "phone" | "address"): string {
  return c.contacts.find((m) => m.kind === kind)?.value ?? "";
}

/** S11: each sync status as a store owner reads it */
export const statusWords: Record<Customer["sync"][number]["status"], string> = {
  unlinked: "Not linked",
  conflict: "Conflict",
  synced: "In sync",
  excluded: "Excluded",
  error: "Error",
};
