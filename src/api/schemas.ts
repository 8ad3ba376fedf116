import { z } from "@hono/zod-openapi";
import { linkStatuses } from "../domain/link-status.ts";

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export const errorResponses = {
  400: {
    description: "invalid input; the message names the field",
    content: { "application/json": { schema: errorSchema } },
  },
  401: {
    description: "no or bad API token",
    content: { "application/json": { schema: errorSchema } },
  },
  403: {
    description: "the caller's role may not do this",
    content: { "application/json": { schema: errorSchema } },
  },
  404: { description: "not found", content: { "application/json": { schema: errorSchema } } },
} as const;

export const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" } }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** S11: the filters of a customer list; the same filter selects customers for S1's bulk enable. */
export const customerFilterQuery = z.object({
  integrationId: z.coerce.number().int().positive().optional().openapi({
    description: "the integration whose sync status `status` filters by",
  }),
  status: z.enum(linkStatuses).optional().openapi({
    description: "S11: only customers in this section of `integrationId`",
  }),
  q: z.string().max(200).optional().openapi({
    description: "text found in the first or last name, or in any contact method (any case)",
  }),
});
