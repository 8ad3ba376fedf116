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

export const customerEditSchema = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  acquisition: z.string().trim().max(200).nullable().optional(),
  /** the whole new list of contact methods */
  contacts: z.array(contactSchema).max(50).optional(),
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
});
export type CustomerEditInput = z.input<typeof customerEditSchema>;

/** Turns the first issue of a failed parse into "where: what" for people. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const where = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${where}: ${issue.message}`;
}
