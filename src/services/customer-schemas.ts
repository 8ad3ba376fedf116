import { z } from "zod";
import { parseFieldPath, UnknownFieldPath } from "../domain/field-path.ts";
import { ServiceError } from "./service-error.ts";

const email = z.string().trim().email();

/**
 * R7.11: the documented caps of a customer (docs/reliability.md). A request over one is a 400
 * that names the field; the body as a whole is also capped (--max-body-bytes, 413).
 */
export const customerCaps = {
  /** first name, last name, acquisition */
  nameLength: 200,
  contacts: 50,
  contactLength: 500,
  /** preferences a customer holds, and a request may set */
  preferences: 100,
  preferenceNameLength: 100,
  preferenceValueLength: 2000,
  /** notes one request may add or edit */
  notesPerRequest: 50,
  noteLength: 5000,
  /** collections a customer holds, and items in one collection (F4's wish list among them) */
  collections: 50,
  collectionItems: 500,
} as const;

/** One contact method as the API and files take it; the value is checked against its kind. */
export const contactSchema = z
  .strictObject({
    kind: z.enum(["email", "phone", "address"]),
    value: z.string().trim().min(1).max(customerCaps.contactLength),
  })
  .superRefine((contact, ctx) => {
    if (contact.kind === "email" && !email.safeParse(contact.value).success)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `'${contact.value}' is not an email address`,
      });
    if (contact.kind === "phone" && contact.value.replace(/\D/g, "").length < 5)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `'${contact.value}' is not a phone number`,
      });
  });

const name = z.string().trim().max(customerCaps.nameLength).nullable();
const preferenceName = z.string().trim().min(1).max(customerCaps.preferenceNameLength);
const preferenceValue = z.string().max(customerCaps.preferenceValueLength);
const atMost =
  (count: number, what: string) => (record: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const n = Object.keys(record).length;
    if (n > count) ctx.addIssue({ code: "custom", message: `at most ${count} ${what} (got ${n})` });
  };
const contacts = z.array(contactSchema).max(customerCaps.contacts);
const noteBody = z.string().trim().min(1).max(customerCaps.noteLength);

/**
 * A customer number as the store writes it: 1 to 40 characters (as customer files take them), no spaces at either end and no
 * control characters (it goes on receipts, invoices and into files).
 */
export const customerNumberSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, {
    message: "a customer number has no control characters and no spaces at either end",
  });

export const customerCreateSchema = z.strictObject({
  /** absent: the store's next free number; a number in use is refused (409) */
  customerNumber: customerNumberSchema.optional(),
  firstName: name.optional(),
  lastName: name.optional(),
  acquisition: name.optional(),
  contacts: contacts.default([]),
  preferences: z
    .record(preferenceName, preferenceValue)
    .superRefine(atMost(customerCaps.preferences, "preferences"))
    .default({}),
  lifecycle: z.enum(["prospect", "active"]).default("prospect"),
});
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;

/**
 * R7.15: an edit names the fields it changes. Contacts are not among them: they have their own
 * add, change and remove operations, and replacing the whole list is its own explicit operation
 * (`PUT /v1/customers/{id}/contacts`), so an edit can no longer drop contacts by leaving them out.
 */
export const customerEditSchema = z.strictObject(
  {
    firstName: name.optional(),
    lastName: name.optional(),
    acquisition: name.optional(),
    /** preferences to set; null removes one (the customer then holds at most the cap) */
    preferences: z
      .record(preferenceName, preferenceValue.nullable())
      .superRefine(atMost(customerCaps.preferences, "preferences"))
      .optional(),
    lifecycle: z.enum(["prospect", "active"]).optional(),
    /** F5: new activity notes */
    addNotes: z.array(noteBody).max(customerCaps.notesPerRequest).optional(),
    /** F5: new bodies for existing notes, by note id */
    editNotes: z
      .record(z.string().regex(/^[1-9][0-9]{0,15}$/, "a note id"), noteBody)
      .superRefine(atMost(customerCaps.notesPerRequest, "note edits"))
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" && issue.keys.includes("contacts")
        ? "contacts is not part of an edit: add, change or remove a contact with POST, PATCH or DELETE /v1/customers/{id}/contacts, or replace the whole list with PUT /v1/customers/{id}/contacts"
        : undefined,
  },
);
export type CustomerEditInput = z.input<typeof customerEditSchema>;

/** R7.15: the whole contact list, replaced on purpose (no two with the same kind and value). */
export const contactListSchema = z.strictObject({ contacts });
export type ContactListInput = z.input<typeof contactListSchema>;

/** R7.15: a contact's new value; its kind stays (a new kind is a new contact). */
export const contactChangeSchema = z.strictObject({
  value: z.string().trim().min(1).max(customerCaps.contactLength),
});
export type ContactChangeInput = z.input<typeof contactChangeSchema>;

/**
 * R11.3 (F12): the check an edit or a contact operation makes of a field, for a value typed to
 * resolve a conflict on that field (a field path, domain/field-path.ts): the same schemas, so a
 * typed value can't be what an edit would refuse. Returns the problem, or undefined when it passes
 * (and for a path that names no field: the engine refuses that one as having no open conflict).
 */
export function typedValueProblem(field: string, value: string): string | undefined {
  let path;
  try {
    path = parseFieldPath(field);
  } catch (error) {
    if (error instanceof UnknownFieldPath) return undefined;
    throw error;
  }
  const result = (() => {
    switch (path.family) {
      case "name":
      case "acquisition":
        return name.safeParse(value);
      case "preference":
        return preferenceValue.safeParse(value);
      case "contact":
        return contactSchema.safeParse({ kind: path.kind, value });
      case "note":
        return noteBody.safeParse(value);
      case "wish":
        return undefined;
    }
  })();
  return result && !result.success ? (result.error.issues[0]?.message ?? "invalid") : undefined;
}

/** Parses a use case's input, or throws an `invalid` ServiceError that says where and what. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ServiceError("invalid", describeIssue(result.error));
  return result.data;
}

/**
 * Turns the first issue of a failed parse into "where: what" for people; an unknown field is
 * named by its full path (`options.inventoryFilters.vendors: unknown field`).
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const path = issue.path.map(String);
  // a schema's own message for an unknown key (customerEditSchema's `contacts`) says more
  if (issue.code === "unrecognized_keys" && !issue.message.startsWith("Unrecognized key")) {
    return `${path.length > 0 ? path.join(".") : "body"}: ${issue.message}`;
  }
  if (issue.code === "unrecognized_keys") {
    const names = issue.keys.map((k) => [...path, k.slice(0, 60)].join("."));
    return `${names.join(", ")}: unknown field${names.length > 1 ? "s" : ""}; leave it out (the fields are in /openapi.json)`;
  }
  const where = path.length > 0 ? path.join(".") : "body";
  if (issue.code === "invalid_key")
    return `${where}: not a valid field name (${issue.issues[0]?.message ?? "invalid"})`;
  return `${where}: ${issue.message}`;
}
