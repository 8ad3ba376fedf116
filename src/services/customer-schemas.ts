import { z } from "zod";

const email = z.string().trim().email();

/** One contact method as the API and files take it; the value is checked against its kind. */
export const contactSchema = z
  .object({
    kind: z.enum(["email", "phone", "address"]),
    value: z.string().trim().min(1).max(500),
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

const name = z.string().trim().max(200).nullable();

export const customerCreateSchema = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  acquisition: z.string().trim().max(200).nullable().optional(),
  contacts: z.array(contactSchema).max(50).default([]),
  preferences: z.record(z.string().trim().min(1).max(100), z.string().max(2000)).default({}),
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
    acquisition: z.string().trim().max(200).nullable().optional(),
    /** preferences to set; null removes one */
    preferences: z
      .record(z.string().trim().min(1).max(100), z.string().max(2000).nullable())
      .optional(),
    lifecycle: z.enum(["prospect", "active"]).optional(),
    /** F5: new activity notes */
    addNotes: z.array(z.string().trim().min(1).max(5000)).max(50).optional(),
    /** F5: new bodies for existing notes, by note id */
    editNotes: z
      .record(z.string().regex(/^\d+$/, "a note id"), z.string().trim().min(1).max(5000))
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
export const contactListSchema = z.strictObject({
  contacts: z.array(contactSchema).max(50),
});
export type ContactListInput = z.input<typeof contactListSchema>;

/** R7.15: a contact's new value; its kind stays (a new kind is a new contact). */
export const contactChangeSchema = z.strictObject({
  value: z.string().trim().min(1).max(500),
});
export type ContactChangeInput = z.input<typeof contactChangeSchema>;

/** Turns the first issue of a failed parse into "where: what" for people. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const where = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${where}: ${issue.message}`;
}
