import { z } from "zod";
import type { CanonicalCustomer, ContactMethod } from "../../domain/customer.ts";
import type { CustomerOperation, ExternalCustomer, Wish } from "../kit/connector.ts";
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

type Fields = {
  firstName?: string | null;
  lastName?: string | null;
  acquisition?: string | null;
  customFields?: Record<string, string | null>;
};
type Expectations = Fields & {
  notes?: Record<string, string | null>;
  wishlist?: Record<string, Wish | null>;
};

/**
 * R8.1: typed operations -> the POS's PATCH body (docs/pos-protocol.md, "Writes"). Every expected
 * value goes into `expect`, which the POS checks before it writes anything (409 otherwise). A
 * preference without a mapped custom field is not sent (F2).
 */
export function toPosPatch(
  operations: readonly CustomerOperation[],
  fieldMap: Record<string, string>,
) {
  const set: Fields = {};
  const expect: Expectations = {};
  const addContacts: Array<{ type: ContactMethod["kind"]; value: string }> = [];
  const addNotes: Array<{ body: string; externalRef: string }> = [];
  const setNotes: Array<{ id: string; body: string }> = [];
  const addWishes: Array<Wish & { externalRef: string }> = [];
  const setWishes: Array<Wish & { id: string }> = [];
  const removeWishes: string[] = [];
  for (const op of operations) {
    switch (op.op) {
      case "setName":
        set[op.field] = op.value;
        expect[op.field] = op.expected;
        break;
      case "setAcquisition":
        set.acquisition = op.value;
        expect.acquisition = op.expected;
        break;
      case "setPreference": {
        const key = keyFor(fieldMap, op.name);
        if (key === undefined) break;
        (set.customFields ??= {})[key] = op.value;
        (expect.customFields ??= {})[key] = op.expected;
        break;
      }
      case "addContact":
        addContacts.push({ type: op.contact.kind, value: op.contact.value });
        break;
      case "addNote":
        addNotes.push({ body: op.body, externalRef: op.ref });
        break;
      case "setNote":
        setNotes.push({ id: op.id, body: op.body });
        (expect.notes ??= {})[op.id] = op.expected;
        break;
      case "addWish":
        addWishes.push({ ...op.wish, externalRef: op.ref });
        break;
      case "setWish":
        setWishes.push({ id: op.id, ...op.wish });
        (expect.wishlist ??= {})[op.id] = op.expected;
        break;
      case "removeWish":
        removeWishes.push(op.id);
        (expect.wishlist ??= {})[op.id] = op.expected;
        break;
      default: {
        const unknown: never = op;
        throw new Error(`unknown operation ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { set, expect, addContacts, addNotes, setNotes, addWishes, setWishes, removeWishes };
}
