import { z } from "@hono/zod-openapi";
import { linkStatuses } from "../domain/link-status.ts";
import { numberChoices } from "../domain/hub-change.ts";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      problems: z
        .array(
          z.object({
            row: z.number().nullable(),
            column: z.string().nullable(),
            message: z.string(),
          }),
        )
        .optional()
        .openapi({
          description:
            "I3: a customer file's problems by row and column (the first 100), so a screen can show each where it is",
        }),
      total: z
        .number()
        .optional()
        .openapi({ description: "how many problems the file has in all" }),
    }),
  })
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
  413: {
    description: "the body is larger than the server's --max-body-bytes",
    content: { "application/json": { schema: errorSchema } },
  },
  415: {
    description: "the body is not application/json (UTF-8)",
    content: { "application/json": { schema: errorSchema } },
  },
} as const;

/**
 * R7.16: an id in a path or a query is a plain decimal integer (`12`), nothing else: not `0x10`,
 * `1e0`, ` 1`, `+1`, `1.0` or `012`, which a lenient number parse would read as some other id.
 */
export const decimalInteger = (min = 1) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, "must be a plain decimal integer, e.g. 12")
    .transform(Number)
    .pipe(z.number().int().min(min).max(Number.MAX_SAFE_INTEGER));

/** An id in the path, e.g. `{id}` of `/v1/customers/{id}`. */
export const pathId = (name: string) =>
  decimalInteger().openapi({ param: { name, in: "path" }, type: "integer", example: 12 });

export const idParam = z.object({ id: pathId("id") });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * A route's JSON body (R7.10). The schema is made strict all the way down, so that an unknown
 * field anywhere in a body is a 400 that names it instead of being dropped; a route cannot
 * forget it. The OpenAPI document shows it as `additionalProperties: false`.
 */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema: strictDeep(schema) } }, required: true },
});

/**
 * A copy of a schema in which every object refuses unknown keys, however deeply nested (inside
 * optional, nullable, default, arrays, records, unions, pipes). Refinements, defaults and OpenAPI
 * metadata stay (the copy's parent is the original, which is where metadata is looked up).
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const copy = (changes: Record<string, unknown>) =>
    (schema as unknown as { clone(def: unknown, params: { parent: boolean }): T }).clone(
      { ...def, ...changes },
      { parent: true },
    );
  const inner = (key: string) => strictDeep(def[key] as z.ZodType);
  switch (def.type) {
    case "object":
      return copy({
        shape: Object.fromEntries(
          Object.entries(def["shape"] as Record<string, z.ZodType>).map(([k, v]) => [
            k,
            strictDeep(v),
          ]),
        ),
        catchall: z.never(),
      });
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return copy({ innerType: inner("innerType") });
    case "array":
      return copy({ element: inner("element") });
    case "record":
      return copy({ valueType: inner("valueType") });
    case "union":
      return copy({ options: (def["options"] as z.ZodType[]).map((o) => strictDeep(o)) });
    case "intersection":
      return copy({ left: inner("left"), right: inner("right") });
    case "pipe":
      return copy({ in: inner("in") });
    case "lazy":
    case "tuple":
    case "map":
    case "set":
      throw new Error(`jsonBody: a ${def.type} schema cannot be made strict; use objects`);
    default:
      return schema;
  }
}

/** S11: the filters of a customer list; the same filter selects customers for S1's bulk enable. */
export const customerFilterQuery = z.object({
  integrationId: decimalInteger().optional().openapi({
    type: "integer",
    description: "the integration whose sync status `status` filters by",
  }),
  status: z.enum(linkStatuses).optional().openapi({
    description: "S11: only customers in this section of `integrationId`",
  }),
  q: z.string().max(200).optional().openapi({
    description:
      "text found in the first or last name, or in any contact method (any case), or the exact customer number",
  }),
});

/** A page: `after` is the last id of the previous page, `limit` how many to answer. */
export const pageQuery = {
  after: decimalInteger(0).optional().openapi({ type: "integer" }),
  limit: decimalInteger(1)
    .pipe(z.number().max(500))
    .default(100)
    .openapi({ type: "integer", description: "1 to 500, default 100" }),
};

/** S5: the number a created partner gets (services/create-partners.ts checks the pair). */
export const numberChoiceFields = {
  numberChoice: z.enum(numberChoices).optional().openapi({
    description:
      "keep: the customer's number on its side (the default); next: the next free number of the side it is created on; typed: `number`",
  }),
  number: z.string().min(1).max(40).optional().openapi({
    description: "the number typed, with numberChoice 'typed'; refused (409) when in use",
  }),
};
