import { OpenAPIHono, z } from "@hono/zod-openapi";
import { linkStatuses } from "../domain/link-status.ts";
import { listExternalCustomers, setExternalExclusion } from "../services/external-customers.ts";
import { createPartnerHere } from "../services/create-partners.ts";
import {
  confirmPartners,
  decodeSuggestionCursor,
  suggestPartnersFor,
} from "../services/partner-suggestions.ts";
import { externalOnlyStatuses } from "../store/external-records.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute, managerRoles } from "./role-route.ts";
import {
  decimalInteger,
  errorResponses,
  idParam,
  json,
  jsonBody,
  numberChoiceFields,
  pageQuery,
  pathId,
} from "./schemas.ts";

// S1, S7-S9, S11: the other side of an integration: its customers the hub holds no customer for,
// their exclusion, partner suggestions, and pairs confirmed many at once.

const externalCustomerSchema = z
  .object({
    externalId: z.string().openapi({ description: "the customer's id in the other system" }),
    customerNumber: z
      .string()
      .nullable()
      .openapi({ description: "the customer's number in the other system" }),
    status: z.enum(externalOnlyStatuses),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    contacts: z.array(z.object({ kind: z.enum(["email", "phone", "address"]), value: z.string() })),
  })
  .openapi("ExternalCustomer");

const externalParams = z.object({
  id: pathId("id"),
  externalId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: "the customer's id in the other system" }),
});

export const partnersRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/external-customers",
      operationId: "listExternalCustomers",
      summary:
        "S1, S11: the other system's customers that have no hub customer (unlinked or excluded), as last seen",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: idParam,
        query: z.object({
          status: z.enum(externalOnlyStatuses).optional().openapi({
            description: "only unlinked ones, or only excluded ones (default both)",
          }),
          q: z.string().max(200).optional().openapi({
            description:
              "text found in the first or last name or any contact method (any case), or the exact customer number",
          }),
          ...pageQuery,
        }),
      },
      responses: {
        200: json(
          z.object({
            customers: z.array(externalCustomerSchema),
            next: z
              .number()
              .nullable()
              .openapi({ description: "`after` for the next page; null on the last" }),
          }),
          "a page of them, in the order the hub recorded them",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { status, q, after, limit } = c.req.valid("query");
      const page = await listExternalCustomers(c.var.ctx, c.var.actor, id, {
        status,
        search: q,
        after,
        limit,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "put",
      path: "/v1/integrations/{id}/external-customers/{externalId}/exclusion",
      operationId: "setExternalCustomerExclusion",
      summary: "S9: exclude a customer of the other system from syncing, or lift the exclusion",
      description:
        "The customer is one the hub recorded (see `GET /v1/integrations/{id}/external-customers`). One paired with a hub customer is excluded or lifted as that customer is (`PUT /v1/customers/{id}/exclusion`). One without: excluded, it is never matched, created in the hub or paired; lifted, the hub takes its last copy as new (matched by email or created when the integration syncs all customers). Managers and admins only.",
      roles: managerRoles,
      tags: ["integrations"],
      request: {
        params: externalParams,
        ...jsonBody(z.object({ excluded: z.boolean() }).strict()),
      },
      responses: {
        200: json(
          z.object({
            externalId: z.string(),
            clientId: z
              .number()
              .nullable()
              .openapi({ description: "the hub customer it is paired with, if any" }),
            status: z.enum(linkStatuses),
          }),
          "where the customer stands now",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, externalId } = c.req.valid("param");
      const { excluded } = c.req.valid("json");
      return c.json(
        await setExternalExclusion(c.var.ctx, c.var.actor, id, externalId, excluded),
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/external-customers/{externalId}/partner-creation",
      operationId: "createPartnerHere",
      summary: "S5: make a hub customer of a customer of the other system",
      description:
        "The customer is one the hub recorded without a hub customer. Its number in the hub: its number there (`keep`, the default; the next free one when it has none), the hub's next free number (`next`), or the one typed (`typed`, with `number`); a number a hub customer has is refused (409). A hub customer with the same email and no partner there becomes its partner instead (no duplicate, S2), as a pair made by hand (S7). Refused when it has a hub customer or is excluded (S9).",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: externalParams,
        ...jsonBody(z.object(numberChoiceFields).strict()),
      },
      responses: {
        201: json(customerSchema, "the hub customer, synced with it"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, externalId } = c.req.valid("param");
      return c.json(
        await createPartnerHere(c.var.ctx, c.var.actor, id, externalId, c.req.valid("json")),
        201,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/partner-suggestions",
      operationId: "suggestPartners",
      summary: "S8: likely partners for customers without one, with a score and the reasons",
      description:
        "Between the store's customers that have no partner in this integration and the other system's customers the hub recorded without one (neither excluded), at or above the integration's `matchThreshold`, best first. Nothing is linked: confirm pairs with `POST /v1/integrations/{id}/partners`.",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: idParam,
        query: z.object({
          limit: decimalInteger(1).pipe(z.number().max(10_000)).default(100).openapi({
            type: "integer",
            description:
              "1 to 10,000, default 100. Each page matches both sides whole, so to read them all take large pages",
          }),
          after: z
            .string()
            .max(1000)
            .optional()
            .transform((text, ctx) => {
              if (text === undefined) return undefined;
              const cursor = decodeSuggestionCursor(text);
              if (cursor === null)
                ctx.addIssue({
                  code: "custom",
                  message: "not a `next` this route gave: pass the previous page's `next` as is",
                });
              return cursor ?? undefined;
            })
            .openapi({
              type: "string",
              description:
                "the previous page's `next`: the suggestions after the last one it showed",
            }),
          clientId: decimalInteger(1).optional().openapi({
            type: "integer",
            description: "only the suggestion for this hub customer (none when it has none)",
          }),
        }),
      },
      responses: {
        200: json(
          z.object({
            suggestions: z.array(
              z
                .object({
                  clientId: z.number(),
                  clientNumber: z.string().openapi({ description: "the hub customer's number" }),
                  externalId: z.string(),
                  externalNumber: z.string().nullable(),
                  score: z.number().openapi({ description: "0 to 1" }),
                  reasons: z.array(z.string()).openapi({ example: ["same phone", "same town"] }),
                })
                .openapi("PartnerSuggestion"),
            ),
            next: z
              .string()
              .nullable()
              .openapi({ description: "`after` for the next page; null on the last" }),
          }),
          "the suggestions, best first",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, after, clientId } = c.req.valid("query");
      return c.json(
        await suggestPartnersFor(c.var.ctx, c.var.actor, id, { limit, after, clientId }),
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/partners",
      operationId: "confirmPartners",
      summary: "S8, S7: pair customers with the other system's, one or many at once",
      description:
        "Each pair is made as `POST /v1/customers/{id}/partner` makes one (where the two differ it starts in conflict). A pair that cannot be made (paired meanwhile, excluded, another associate's customer) is answered with its reason; the others go through.",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .object({
              pairs: z
                .array(
                  z
                    .object({
                      clientId: z.number().int().positive(),
                      externalId: z.string().min(1).max(200),
                    })
                    .strict(),
                )
                .min(1)
                .max(1000),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(
          z.object({
            results: z.array(
              z.object({
                clientId: z.number(),
                externalId: z.string(),
                status: z
                  .enum(linkStatuses)
                  .nullable()
                  .openapi({ description: "the pair's status; null when it was not made" }),
                error: z.object({ code: z.string(), message: z.string() }).nullable(),
              }),
            ),
          }),
          "per pair, made or why not",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const results = await confirmPartners(c.var.ctx, c.var.actor, id, c.req.valid("json").pairs);
      return c.json({ results }, 200);
    },
  );
