import type { CanonicalCustomer, ContactMethod, FieldMap } from "./customer.ts";
import { normalizeContact } from "./normalize.ts";

/**
 * A hub edit: fields not named are left alone. Contacts: `contacts`, when given, is the whole
 * new list (an explicit replace); then `removeContacts` go and `addContacts` are added. A contact
 * is named by its identity, kind and normalised value, so a change is a removal and an addition.
 */
export interface CustomerEdit {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  /** a null value removes the preference */
  preferences?: Record<string, string | null> | undefined;
  contacts?: ContactMethod[] | undefined;
  /** R7.15: contacts to remove, by identity (absent ones are ignored) */
  removeContacts?: ContactMethod[] | undefined;
  /** R7.15: contacts to add (one the customer has already is left as it is) */
  addContacts?: ContactMethod[] | undefined;
  /** F5: new activity notes */
  addNotes?: string[] | undefined;
  /** F5: new bodies of existing notes, by hub note id */
  editNotes?: Record<string, string> | undefined;
}

/** Whether two contacts are the same contact method: same kind, same normalised value. */
export const sameContact = (a: ContactMethod, b: ContactMethod, country?: string) =>
  a.kind === b.kind &&
  normalizeContact(a.kind, a.value, country) === normalizeContact(b.kind, b.value, country);

function editContacts(current: ContactMethod[], edit: CustomerEdit, country?: string) {
  let contacts = edit.contacts ?? current;
  const removed = edit.removeContacts ?? [];
  contacts = contacts.filter((c) => !removed.some((r) => sameContact(c, r, country)));
  for (const added of edit.addContacts ?? [])
    if (!contacts.some((c) => sameContact(c, added, country))) contacts = [...contacts, added];
  return contacts;
}

export function applyEdit(
  customer: CanonicalCustomer,
  edit: CustomerEdit,
  country?: string,
): CanonicalCustomer {
  const preferences = { ...customer.preferences };
  for (const [name, value] of Object.entries(edit.preferences ?? {})) {
    if (value === null || value === "") delete preferences[name];
    else preferences[name] = value;
  }
  return {
    firstName: edit.firstName === undefined ? customer.firstName : edit.firstName || null,
    lastName: edit.lastName === undefined ? customer.lastName : edit.lastName || null,
    acquisition: edit.acquisition === undefined ? customer.acquisition : edit.acquisition || null,
    contacts: editContacts(customer.contacts, edit, country),
    preferences,
    notes: customer.notes,
  };
}

/** The paths whose value differs between two field maps, with the new value (null: removed). */
export function diffFields(before: FieldMap, after: FieldMap): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[path] !== after[path]) changes[path] = after[path] ?? null;
  }
  return changes;
}
