import { z } from "zod";
import { parseWishValue, type CanonicalCustomer } from "../../domain/customer.ts";
import type { CustomerPatch, ExternalCustomer } from "../kit/connector.ts";
import { parseFieldPath } from "../../domain/field-path.ts";
import { itemRef } from "../../domain/item-ref.ts";

/** A customer as the POS protocol sends it (docs/pos-protocol.md, "The customer resource"). */
export const posCustomerSchema = z.object({
  id: z.string(),
  number: z.string().nullable().optional(),
  version: z.number().int(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  acquisition: z.string().nullable().optional(),
  customFields: z.record(z.string(), z.string()).optional(),
  contacts: z
    .array(
      z.object({
        id: z.string().optional(),
        type: z.enum(["email", "phone", "address"]),
        value: z.string(),
      }),
    )
    .optional(),
  notes: z
    .array(
      z.object({ id: z.string(), body: z.string(), externalRef: z.string().nullable().optional() }),
    )
    .optional(),
  wishlist: z
    .array(
      z.object({
        id: z.string(),
        inventoryId: z.string().nullable().optional(),
        description: z.string(),
        externalRef: z.string().nullable().optional(),
      }),
    )
    .optional(),
  externalRef: z.string().nullable().optional(),
  // F10: the POS's own assigned associate is read past, never mapped.
  assignedAssociateId: z.string().nullable().optional(),
});
export type PosCustomer = z.infer<typeof posCustomerSchema>;

const orNull = (value: string | null | undefined) => (value ? value : null);

/** POS -> canonical. Custom fields become preferences through the mapping; unmapped ones stay behind (F2). */
export function fromPos(pos: PosCustomer, fieldMap: Record<string, string>): ExternalCustomer {
  const preferences: Record<string, string> = {};
  for (const [key, value] of Object.entries(pos.customFields ?? {})) {
    const name = fieldMap[key];
    if (name !== undefined && value !== "") preferences[name] = value;
  }
  return {
    id: pos.id,
    number: pos.number ?? null,
    version: pos.version,
    ref: pos.externalRef ?? null,
    customer: {
      firstName: orNull(pos.firstName),
      lastName: orNull(pos.lastName),
      acquisition: orNull(pos.acquisition),
      contacts: (pos.contacts ?? []).map((c) => ({ kind: c.type, value: c.value })),
      preferences,
      notes: (pos.notes ?? []).map((n) => ({ id: n.id, body: n.body, ref: n.externalRef ?? null })),
      wishes: (pos.wishlist ?? []).map((w) => ({
        id: w.id,
        inventoryId: w.inventoryId ?? null,
        description: w.description,
        ref: w.externalRef ?? null,
      })),
    },
  };
}

const keyFor = (fieldMap: Record<string, string>, preference: string) =>
  Object.entries(fieldMap).find(([, name]) => name === preference)?.[0];

/** canonical -> POS create body. */
export function toPosCreate(customer: CanonicalCustomer, fieldMap: Record<string, string>) {
  const customFields: Record<string, string> = {};
  for (const [name, value] of Object.entries(customer.preferences)) {
    const key = keyFor(fieldMap, name);
    if (key !== undefined) customFields[key] = value;
  }
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    acquisition: customer.acquisition,
    customFields,
    contacts: customer.contacts.map((c) => ({ type: c.kind, value: c.value })),
    // hub notes travel with the ref that pairs them back (F5)
    notes: (customer.notes ?? []).map((n) => ({ body: n.body, externalRef: itemRef(n.id) })),
    wishlist: (customer.wishes ?? []).map((w) => ({
      inventoryId: w.inventoryId,
      description: w.description,
      externalRef: itemRef(w.id),
    })),
  };
}

type Scalars = {
  firstName?: string | null;
  lastName?: string | null;
  acquisition?: string | null;
  customFields?: Record<string, string | null>;
  notes?: Record<string, string | null>;
  wishlist?: Record<string, { inventoryId: string | null; description: string } | null>;
};

/** canonical paths -> the POS's field names; preferences without a mapped key are not sent. */
function toPosFields(paths: Record<string, string | null>, fieldMap: Record<string, string>) {
  const out: Scalars = {};
  for (const [path, value] of Object.entries(paths)) {
    const field = parseFieldPath(path);
    if (field.family === "name") out[field.field] = value;
    else if (field.family === "acquisition") out.acquisition = value;
    else if (field.family === "note" && field.key.side === "external")
      (out.notes ??= {})[field.key.id] = value;
    else if (field.family === "wish" && field.key.side === "external")
      (out.wishlist ??= {})[field.key.id] = value === null ? null : parseWishValue(value);
    else if (field.family === "preference") {
      const key = keyFor(fieldMap, field.name);
      if (key !== undefined) (out.customFields ??= {})[key] = value;
    }
  }
  return out;
}

export function toPosPatch(patch: CustomerPatch, fieldMap: Record<string, string>) {
  const { notes: setNotes, wishlist: wishes, ...set } = toPosFields(patch.set, fieldMap);
  return {
    set,
    expect: toPosFields(patch.expect, fieldMap),
    addContacts: patch.addContacts.map((c) => ({ type: c.kind, value: c.value })),
    addNotes: (patch.addNotes ?? []).map((n) => ({ body: n.body, externalRef: n.ref })),
    setNotes: Object.entries(setNotes ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([id, body]) => ({ id, body })),
    addWishes: (patch.addWishes ?? []).map((w) => ({
      inventoryId: w.inventoryId,
      description: w.description,
      externalRef: w.ref,
    })),
    setWishes: Object.entries(wishes ?? {}).flatMap(([id, w]) => (w ? [{ id, ...w }] : [])),
    removeWishes: Object.entries(wishes ?? {}).flatMap(([id, w]) => (w ? [] : [id])),
  };
}
