import { familyOf, itemPath } from "./field-path.ts";
import { normalizeContact, type ContactKind } from "./normalize.ts";

export interface ContactMethod {
  kind: ContactKind;
  value: string;
}

/**
 * A customer as every system's data is translated to: the hub's client, or an external
 * customer after its connector's mapping (custom fields already renamed to preferences).
 */
/** F5: an activity note. `id` is the note's id in its own system; `ref` the other system's claim on it. */
export interface NoteItem {
  id: string;
  body: string;
  /** set when the note was written by Tandem: "tandem:<hub note id>" */
  ref?: string | null | undefined;
}

/** F4: a wish in the wish-list collection: a stock item (an inventory id) or a free description. */
export interface WishItem {
  id: string;
  inventoryId: string | null;
  description: string;
  /** set when the wish was written by Tandem: "tandem:<hub collection item id>" */
  ref?: string | null | undefined;
}

/** The value of a wish path: the same text on both sides for the same wish. */
export const wishValue = (w: { inventoryId: string | null; description: string }) =>
  JSON.stringify({ inventoryId: w.inventoryId, description: w.description });

export function parseWishValue(value: string): { inventoryId: string | null; description: string } {
  const parsed = JSON.parse(value) as { inventoryId?: string | null; description?: string };
  return { inventoryId: parsed.inventoryId ?? null, description: parsed.description ?? "" };
}

export interface CanonicalCustomer {
  firstName: string | null;
  lastName: string | null;
  acquisition: string | null;
  contacts: ContactMethod[];
  preferences: Record<string, string>;
  notes?: NoteItem[] | undefined;
  wishes?: WishItem[] | undefined;
}

/**
 * A flat view of a customer for the three-way merge: one entry per field path.
 *  - "firstName", "lastName", "acquisition"
 *  - "pref.<name>" for each preference
 *  - "contact.<kind>.<normalised value>" for each contact method; its value is the contact as
 *    written. A contact's identity is its normalised value, so an edit is a removal plus an
 *    addition, which is exactly what SPEC F1 needs (hub edits append, POS edits overwrite).
 *  - "note.<key>" for each activity note, its body as value. The key is the external system's
 *    note id, so both sides name a paired note alike; a hub note not yet paired is "note.hub:<id>"
 *    (`noteKey` translates hub ids; external notes use their own id).
 *  - "wish.<key>" for each wish of the wish-list collection (F4), keyed like notes, its value
 *    `wishValue`: the inventory id of a stock wish, and the description.
 * An absent path means "no value".
 */
export type FieldMap = Record<string, string>;

export const contactPath = (kind: ContactKind, value: string, country?: string): string =>
  `contact.${kind}.${normalizeContact(kind, value, country)}`;

export function toFieldMap(
  customer: CanonicalCustomer,
  country?: string,
  noteKey: (note: NoteItem) => string = (note) => note.id,
  wishKey: (wish: WishItem) => string = (wish) => wish.id,
): FieldMap {
  const fields: FieldMap = {};
  if (customer.firstName) fields["firstName"] = customer.firstName;
  if (customer.lastName) fields["lastName"] = customer.lastName;
  if (customer.acquisition) fields["acquisition"] = customer.acquisition;
  for (const [name, value] of Object.entries(customer.preferences)) {
    if (value !== "") fields[`pref.${name}`] = value;
  }
  for (const contact of customer.contacts) {
    const path = contactPath(contact.kind, contact.value, country);
    fields[path] ??= contact.value;
  }
  for (const note of customer.notes ?? []) fields[itemPath("note", noteKey(note))] = note.body;
  for (const wish of customer.wishes ?? [])
    fields[itemPath("wish", wishKey(wish))] = wishValue(wish);
  return fields;
}

export { familyOf, type FieldFamily } from "./field-path.ts";

/** Two values of one path are the same: contacts by presence (their path is their identity). */
export function sameValue(path: string, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return familyOf(path) === "contact" ? true : a === b;
}

export const emptyCustomer = (): CanonicalCustomer => ({
  firstName: null,
  lastName: null,
  acquisition: null,
  contacts: [],
  preferences: {},
  notes: [],
});

export function emailsOf(customer: CanonicalCustomer): string[] {
  return customer.contacts.filter((c) => c.kind === "email").map((c) => c.value);
}

/** An external customer as a connector reports it: the system's id, its version, canonical data. */
export interface ExternalCustomer {
  id: string;
  /** the customer number staff see in that system */
  number: string | null;
  /** increases with every change; a copy with a version not above one already seen is stale */
  version: number;
  customer: CanonicalCustomer;
  /** the creator's name for it, where the system keeps one: "tandem:<hub client id>" */
  ref?: string | null | undefined;
}

/**
 * The identity of an external change: the customer and its version. Webhook, poll and the answer
 * to our own write all produce the same key for the same state, so it is recorded once (S4, F11).
 */
export const externalEventKey = (customer: { id: string; version: number }) =>
  `${customer.id}@${customer.version}`;
