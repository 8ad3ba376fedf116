import { contactKey, type ContactType, type PosCustomer, type PosState } from "./pos-state.ts";

export interface CreateBody {
  number?: string | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  customFields?: Record<string, string> | undefined;
  contacts?: Array<{ type: ContactType; value: string }> | undefined;
  assignedAssociateId?: string | null | undefined;
}

export interface ScalarSet {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  customFields?: Record<string, string | null> | undefined;
}

export type WriteResult =
  | { ok: true; customer: PosCustomer; changed: boolean }
  | {
      ok: false;
      code: "not_found" | "precondition_failed" | "invalid";
      message: string;
      customer?: PosCustomer;
    };

export function createCustomer(state: PosState, body: CreateBody, now: Date): WriteResult {
  if (!body.firstName && !body.lastName && !(body.contacts?.length ?? 0))
    return {
      ok: false,
      code: "invalid",
      message: "body: give at least one of firstName, lastName or a contact",
    };
  const number = state.takeNumber(body.number);
  if (number === undefined)
    return {
      ok: false,
      code: "precondition_failed",
      message: `number: customer number ${body.number} is taken`,
    };
  const customer: PosCustomer = {
    id: state.newCustomerId(),
    number,
    version: 0,
    firstName: body.firstName ?? null,
    lastName: body.lastName ?? null,
    acquisition: body.acquisition ?? null,
    customFields: { ...(body.customFields ?? {}) },
    contacts: [],
    assignedAssociateId: body.assignedAssociateId ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  addContacts(state, customer, body.contacts ?? []);
  state.customers.set(customer.id, customer);
  state.bump(customer, now);
  return { ok: true, customer, changed: true };
}

function addContacts(
  state: PosState,
  customer: PosCustomer,
  contacts: ReadonlyArray<{ type: ContactType; value: string }>,
) {
  let changed = false;
  for (const c of contacts) {
    const key = contactKey(c.type, c.value);
    if (customer.contacts.some((m) => contactKey(m.type, m.value) === key)) continue;
    customer.contacts.push({ id: state.newContactId(), type: c.type, value: c.value.trim() });
    changed = true;
  }
  return changed;
}

/** The first field of `expect` whose value differs from the customer's, described. */
function failedExpectation(customer: PosCustomer, expect: ScalarSet): string | undefined {
  for (const field of ["firstName", "lastName", "acquisition"] as const) {
    if (field in expect && (expect[field] ?? null) !== customer[field])
      return `expect.${field}: the customer holds ${JSON.stringify(customer[field])}, not ${JSON.stringify(expect[field] ?? null)}`;
  }
  for (const [key, value] of Object.entries(expect.customFields ?? {})) {
    if ((value ?? null) !== (customer.customFields[key] ?? null))
      return `expect.customFields.${key}: the customer holds ${JSON.stringify(customer.customFields[key] ?? null)}`;
  }
  return undefined;
}

function applySet(customer: PosCustomer, set: ScalarSet): boolean {
  let changed = false;
  for (const field of ["firstName", "lastName", "acquisition"] as const) {
    if (!(field in set)) continue;
    const value = set[field] || null;
    if (customer[field] !== value) {
      customer[field] = value;
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(set.customFields ?? {})) {
    if (value === null || value === "") {
      if (key in customer.customFields) {
        delete customer.customFields[key];
        changed = true;
      }
    } else if (customer.customFields[key] !== value) {
      customer.customFields[key] = value;
      changed = true;
    }
  }
  return changed;
}

/** An integration's write: set scalars, append contacts, all-or-nothing under `expect`. */
export function updateCustomer(
  state: PosState,
  id: string,
  body: {
    set?: ScalarSet | undefined;
    expect?: ScalarSet | undefined;
    addContacts?: Array<{ type: ContactType; value: string }> | undefined;
  },
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  const failed = failedExpectation(customer, body.expect ?? {});
  if (failed) return { ok: false, code: "precondition_failed", message: failed, customer };
  const changedSet = applySet(customer, body.set ?? {});
  const changedContacts = addContacts(state, customer, body.addContacts ?? []);
  const changed = changedSet || changedContacts;
  if (changed) state.bump(customer, now);
  return { ok: true, customer, changed };
}

/** Staff at the counter: may also edit and delete contact methods (the whole list is replaced). */
export function staffUpdateCustomer(
  state: PosState,
  id: string,
  body: {
    set?: ScalarSet | undefined;
    contacts?: Array<{ id?: string | undefined; type: ContactType; value: string }> | undefined;
  },
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  let changed = applySet(customer, body.set ?? {});
  if (body.contacts) {
    const next = body.contacts.map((c) => ({
      id: c.id ?? state.newContactId(),
      type: c.type,
      value: c.value.trim(),
    }));
    if (JSON.stringify(next) !== JSON.stringify(customer.contacts)) {
      customer.contacts = next;
      changed = true;
    }
  }
  if (changed) state.bump(customer, now);
  return { ok: true, customer, changed };
}

export function deleteContact(
  state: PosState,
  id: string,
  contactId: string,
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  const before = customer.contacts.length;
  customer.contacts = customer.contacts.filter((c) => c.id !== contactId);
  if (customer.contacts.length === before)
    return {
      ok: false,
      code: "not_found",
      message: `contact ${contactId} does not exist on customer ${id}`,
    };
  state.bump(customer, now);
  return { ok: true, customer, changed: true };
}
