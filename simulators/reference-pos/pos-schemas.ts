import { z } from "@hono/zod-openapi";

const contactType = z.enum(["email", "phone", "address"]);

export const customerSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    version: z.number().int(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    acquisition: z.string().nullable(),
    customFields: z.record(z.string(), z.string()),
    contacts: z.array(z.object({ id: z.string(), type: contactType, value: z.string() })),
    notes: z.array(
      z.object({
        id: z.string(),
        body: z.string(),
        externalRef: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
    wishlist: z.array(
      z.object({
        id: z.string(),
        inventoryId: z.string().nullable(),
        description: z.string(),
        externalRef: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    externalRef: z.string().nullable(),
    assignedAssociateId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Customer");

export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    customer: customerSchema.optional(),
  })
  .openapi("Error");

const text = z.string().trim().max(500);
const newContact = z.object({ type: contactType, value: z.string().trim().min(1).max(500) });
const noteBody = z.string().trim().min(1).max(5000);
const wishFields = z.object({
  inventoryId: z.string().nullable(),
  description: z.string().trim().min(1).max(500),
});
export const newWishSchema = z
  .object({
    inventoryId: z.string().nullable().optional(),
    description: z.string().trim().min(1).max(500),
    externalRef: z.string().max(200).nullable().optional(),
  })
  .openapi("NewWish");
const newNote = z.object({
  body: noteBody,
  externalRef: z.string().max(200).nullable().optional(),
});

export const createBodySchema = z
  .strictObject({
    number: z.string().trim().min(1).max(40).optional(),
    firstName: text.nullable().optional(),
    lastName: text.nullable().optional(),
    acquisition: text.nullable().optional(),
    customFields: z.record(z.string().min(1).max(100), z.string().max(2000)).optional(),
    contacts: z.array(newContact).max(50).optional(),
    notes: z.array(newNote).max(200).optional(),
    wishlist: z.array(newWishSchema).max(200).optional(),
    externalRef: z.string().max(200).nullable().optional(),
    /** the POS's own "assigned associate" (Tandem ignores it, SPEC F10) */
    assignedAssociateId: z.string().nullable().optional(),
    associateNumber: z.string().optional(),
  })
  .openapi("CreateCustomer");

const scalarSet = z.object({
  firstName: text.nullable().optional(),
  lastName: text.nullable().optional(),
  acquisition: text.nullable().optional(),
  customFields: z.record(z.string().min(1).max(100), z.string().max(2000).nullable()).optional(),
});
const expectation = scalarSet.extend({
  notes: z.record(z.string(), z.string().nullable()).optional(),
  wishlist: z.record(z.string(), wishFields.nullable()).optional(),
});

export const updateBodySchema = z
  .strictObject({
    set: scalarSet.optional(),
    expect: expectation.optional(),
    addContacts: z.array(newContact).max(50).optional(),
    addNotes: z.array(newNote).max(200).optional(),
    setNotes: z
      .array(z.object({ id: z.string(), body: noteBody }))
      .max(200)
      .optional(),
    addWishes: z.array(newWishSchema).max(200).optional(),
    setWishes: z
      .array(wishFields.extend({ id: z.string() }))
      .max(200)
      .optional(),
    removeWishes: z.array(z.string()).max(200).optional(),
    associateNumber: z.string().optional(),
  })
  .openapi("UpdateCustomer");

export const staffUpdateBodySchema = z
  .object({
    set: scalarSet.optional(),
    contacts: z
      .array(newContact.extend({ id: z.string().optional() }))
      .max(50)
      .optional(),
  })
  .openapi("StaffUpdateCustomer");

export const errors = {
  400: {
    description: "invalid request; the message names the field",
    content: { "application/json": { schema: errorSchema } },
  },
  401: {
    description: "missing or wrong API key",
    content: { "application/json": { schema: errorSchema } },
  },
  404: {
    description: "no such customer",
    content: { "application/json": { schema: errorSchema } },
  },
} as const;

export const conflictResponse = {
  409: {
    description: "precondition failed: the current customer is in the body",
    content: { "application/json": { schema: errorSchema } },
  },
} as const;

export const jsonOf = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const bodyOf = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const noteBodySchema = z.object({ body: noteBody }).openapi("NoteBody");
