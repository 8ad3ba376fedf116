import { contactKey, type ContactType, type PosCustomer, type PosState } from "./pos-state.ts";

export interface CreateBody {
  number?: string | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  customFields?: Record<string, string> | undefined;
  contacts?: Array<{ type: ContactType; value: string }> | undefined;
  notes?: NewNote[] | undefined;
  wishlist?: NewWish[] | undefined;
  externalRef?: string | null | undefined;
  assignedAssociateId?: string | null | undefined;
}

export interface NewWish {
  inventoryId?: string | null | undefined;
  description: string;
  externalRef?: string | null | undefined;
}

type WishFields = { inventoryId: string | null; description: string };

export interface NewNote {
  body: string;
  externalRef?: string | null | undefined;
}

export interface ScalarSet {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  customFields?: Record<string, string | null> | undefined;
  /** only in `expect`: note id -> the body the client believes it has */
  notes?: Record<string, string | null> | undefined;
  /** only in `expect`: wish id -> what the client believes it is (null: gone) */
  wishlist?: Record<string, WishFields | null> | undefined;
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
    notes: [],
    wishlist: [],
    externalRef: body.externalRef ?? null,
    assignedAssociateId: body.assignedAssociateId ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  addContacts(state, customer, body.contacts ?? []);
  addNotes(state, customer, body.notes ?? [], now);
  addWishes(state, customer, body.wishlist ?? [], now);
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

/** Adds notes; a note whose externalRef the customer already has is not added twice. */
export function addNotes(
  state: PosState,
  customer: PosCustomer,
  notes: readonly NewNote[],
  now: Date,
): boolean {
  let changed = false;
  for (const note of notes) {
    if (note.externalRef && customer.notes.some((n) => n.externalRef === note.externalRef))
      continue;
    const at = now.toISOString();
    customer.notes.push({
      id: state.newNoteId(),
      body: note.body,
      externalRef: note.externalRef ?? null,
      createdAt: at,
      updatedAt: at,
    });
    changed = true;
  }
  return changed;
}

/** Adds wishes; one whose externalRef the customer already has is not added twice. */
export function addWishes(
  state: PosState,
  customer: PosCustomer,
  wishes: readonly NewWish[],
  now: Date,
): boolean {
  let changed = false;
  for (const wish of wishes) {
    if (wish.externalRef && customer.wishlist.some((w) => w.externalRef === wish.externalRef))
      continue;
    customer.wishlist.push({
      id: state.newRecordId("w"),
      inventoryId: wish.inventoryId ?? null,
      description: wish.description,
      externalRef: wish.externalRef ?? null,
      createdAt: now.toISOString(),
    });
    changed = true;
  }
  return changed;
}

function setWishes(
  customer: PosCustomer,
  wishes: ReadonlyArray<{ id: string } & WishFields>,
): boolean {
  let changed = false;
  for (const { id, inventoryId, description } of wishes) {
    const wish = customer.wishlist.find((w) => w.id === id);
    if (!wish || (wish.inventoryId === inventoryId && wish.description === description)) continue;
    Object.assign(wish, { inventoryId, description });
    changed = true;
  }
  return changed;
}

function removeWishes(customer: PosCustomer, ids: readonly string[]): boolean {
  const before = customer.wishlist.length;
  customer.wishlist = customer.wishlist.filter((w) => !ids.includes(w.id));
  return customer.wishlist.length !== before;
}

function setNotes(
  customer: PosCustomer,
  notes: ReadonlyArray<{ id: string; body: string }>,
  now: Date,
): boolean {
  let changed = false;
  for (const { id, body } of notes) {
    const note = customer.notes.find((n) => n.id === id);
    if (!note || note.body === body) continue;
    note.body = body;
    note.updatedAt = now.toISOString();
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
  for (const [id, expected] of Object.entries(expect.wishlist ?? {})) {
    const wish = customer.wishlist.find((w) => w.id === id);
    const actual = wish ? { inventoryId: wish.inventoryId, description: wish.description } : null;
    if (
      JSON.stringify(actual) !==
      JSON.stringify(
        expected ? { inventoryId: expected.inventoryId, description: expected.description } : null,
      )
    )
      return `expect.wishlist.${id}: the wish is ${JSON.stringify(actual)}`;
  }
  for (const [id, body] of Object.entries(expect.notes ?? {})) {
    const note = customer.notes.find((n) => n.id === id);
    if ((body ?? null) !== (note?.body ?? null))
      return `expect.notes.${id}: the note holds ${JSON.stringify(note?.body ?? null)}`;
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
    addNotes?: NewNote[] | undefined;
    setNotes?: Array<{ id: string; body: string }> | undefined;
    addWishes?: NewWish[] | undefined;
    setWishes?: Array<{ id: string } & WishFields> | undefined;
    removeWishes?: string[] | undefined;
  },
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  const missing = (body.setNotes ?? []).findIndex(
    (n) => !customer.notes.some((m) => m.id === n.id),
  );
  if (missing >= 0)
    return {
      ok: false,
      code: "invalid",
      message: `setNotes.${missing}.id: customer ${id} has no note ${body.setNotes![missing]!.id}`,
    };
  const failed = failedExpectation(customer, body.expect ?? {});
  if (failed) return { ok: false, code: "precondition_failed", message: failed, customer };
  const changedSet = applySet(customer, body.set ?? {});
  const changedContacts = addContacts(state, customer, body.addContacts ?? []);
  const changedNotes = setNotes(customer, body.setNotes ?? [], now);
  const addedNotes = addNotes(state, customer, body.addNotes ?? [], now);
  const changedWishes = [
    setWishes(customer, body.setWishes ?? []),
    removeWishes(customer, body.removeWishes ?? []),
  ].some(Boolean);
  const addedWishes = addWishes(state, customer, body.addWishes ?? [], now);
  const changed =
    changedSet || changedContacts || changedNotes || addedNotes || changedWishes || addedWishes;
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

/** Staff write or edit a note at the counter. */
export function staffNote(
  state: PosState,
  id: string,
  note: { id?: string; body: string },
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  if (note.id !== undefined && !customer.notes.some((n) => n.id === note.id))
    return { ok: false, code: "not_found", message: `customer ${id} has no note ${note.id}` };
  const changed = note.id
    ? setNotes(customer, [{ id: note.id, body: note.body }], now)
    : addNotes(state, customer, [note], now);
  if (changed) state.bump(customer, now);
  return { ok: true, customer, changed };
}

/** Staff add a wish to, or take one off, the customer's wish list. */
export function staffWish(
  state: PosState,
  id: string,
  change: { add?: NewWish; removeId?: string },
  now: Date,
): WriteResult {
  const customer = state.customers.get(id);
  if (!customer) return { ok: false, code: "not_found", message: `customer ${id} does not exist` };
  if (change.add?.inventoryId && !state.inventory.has(change.add.inventoryId))
    return {
      ok: false,
      code: "invalid",
      message: `inventoryId: no inventory item ${change.add.inventoryId}`,
    };
  const changed = change.add
    ? addWishes(state, customer, [change.add], now)
    : removeWishes(customer, [change.removeId ?? ""]);
  if (!changed && change.removeId)
    return {
      ok: false,
      code: "not_found",
      message: `customer ${id} has no wish ${change.removeId}`,
    };
  if (changed) state.bump(customer, now);
  return { ok: true, customer, changed };
}
