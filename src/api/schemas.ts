import { z } from "@hono/zod-openapi";

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
