import type { CanonicalCustomer, ContactMethod, FieldMap } from "./customer.ts";

/** A hub edit: fields not named are left alone; `contacts`, when given, is the whole new list. */
export interface CustomerEdit {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  acquisition?: string | null | undefined;
  /** a null value removes the preference */
  preferences?: Record<string, string | null> | undefined;
  contacts?: ContactMethod[] | undefined;
  /** F5: new activity notes */
  addNotes?: string[] | undefined;
  /** F5: new bodies of existing notes, by hub note id */
  editNotes?: Record<string, string> | undefined;
}

export function applyEdit(customer: CanonicalCustomer, edit: CustomerEdit): CanonicalCustomer {
  const preferences = { ...customer.preferences };
  for (const [name, value] of Object.entries(edit.preferences ?? {})) {
    if (value === null || value === "") delete preferences[name];
    else preferences[name] = value;
  }
  return {
    firstName: edit.firstName === undefined ? customer.firstName : edit.firstName || null,
    lastName: edit.lastName === undefined ? customer.lastName : edit.lastName || null,
    acquisition: edit.acquisition === undefined ? customer.acquisition : edit.acquisition || null,
    contacts: edit.contacts ?? customer.contacts,
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
