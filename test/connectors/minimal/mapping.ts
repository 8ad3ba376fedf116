import { z } from "zod";
import type { CanonicalCustomer } from "../../../src/domain/customer.ts";
import type { CustomerOperation, ExternalCustomer } from "../../../src/connectors/kit/connector.ts";

/** A customer as the ledger sends it (simulator.ts). */
export const minimalCustomerSchema = z.object({
  id: z.string(),
  number: z.string(),
  version: z.number().int(),
  given_name: z.string().nullable(),
  family_name: z.string().nullable(),
  source: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  ref: z.string().nullable(),
});
export type MinimalCustomer = z.infer<typeof minimalCustomerSchema>;

/** ledger -> canonical: attributes become preferences through the field mapping (F2). */
export function fromMinimal(
  m: MinimalCustomer,
  fieldMap: Record<string, string>,
): ExternalCustomer {
  const preferences: Record<string, string> = {};
  for (const [key, value] of Object.entries(m.attributes)) {
    const name = fieldMap[key];
    if (name !== undefined && value !== "") preferences[name] = value;
  }
  return {
    id: m.id,
    number: m.number,
    version: m.version,
    ref: m.ref,
    customer: {
      firstName: m.given_name || null,
      lastName: m.family_name || null,
      acquisition: m.source || null,
      contacts: [
        ...m.emails.map((value) => ({ kind: "email" as const, value })),
        ...m.phones.map((value) => ({ kind: "phone" as const, value })),
      ],
      preferences,
    },
  };
}

const keyFor = (fieldMap: Record<string, string>, preference: string) =>
  Object.entries(fieldMap).find(([, name]) => name === preference)?.[0];

/** canonical -> the ledger's create body; it has no addresses, notes or wishes. */
export function toMinimalCreate(customer: CanonicalCustomer, fieldMap: Record<string, string>) {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(customer.preferences)) {
    const key = keyFor(fieldMap, name);
    if (key !== undefined) attributes[key] = value;
  }
  const of = (kind: string) => customer.contacts.filter((c) => c.kind === kind).map((c) => c.value);
  return {
    given_name: customer.firstName,
    family_name: customer.lastName,
    source: customer.acquisition,
    emails: of("email"),
    phones: of("phone"),
    attributes,
  };
}

/**
 * Typed operations -> the ledger's PATCH. It writes what it is sent: the expectations were
 * compared by the kit (read-before-write.ts) before this is called.
 */
export function toMinimalPatch(
  operations: readonly CustomerOperation[],
  fieldMap: Record<string, string>,
) {
  const patch: {
    given_name?: string | null;
    family_name?: string | null;
    source?: string | null;
    add_emails?: string[];
    add_phones?: string[];
    attributes?: Record<string, string | null>;
  } = {};
  for (const op of operations) {
    if (op.op === "setName")
      patch[op.field === "firstName" ? "given_name" : "family_name"] = op.value;
    else if (op.op === "setAcquisition") patch.source = op.value;
    else if (op.op === "setPreference") {
      const key = keyFor(fieldMap, op.name);
      if (key !== undefined) (patch.attributes ??= {})[key] = op.value;
    } else if (op.op === "addContact" && op.contact.kind === "email")
      (patch.add_emails ??= []).push(op.contact.value);
    else if (op.op === "addContact" && op.contact.kind === "phone")
      (patch.add_phones ??= []).push(op.contact.value);
    // addresses, notes and wishes: the ledger has none (its manifest does not claim them)
  }
  return patch;
}
