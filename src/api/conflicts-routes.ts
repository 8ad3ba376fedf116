import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  compareWithPartner,
  listConflicts,
  resolutionSchema,
  resolveConflicts,
} from "../services/conflicts.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute } from "./role-route.ts";
import { decimalInteger, errorResponses, idParam, json, jsonBody } from "./schemas.ts";

const integrationQuery = z.object({ integrationId: decimalInteger().openapi({ type: "integer" }) });

const conflictSchema = z
  .object({
    id: z.number(),
    customerId: z.number(),
    integrationId: z.number(),
    field: z.string(),
    baseValue: z.string().nullable(),
    hubValue: z.string().nullable(),
    externalValue: z.string().nullable(),
    openedAt: z.string(),
  })
  .openapi("Conflict");

const compareSchema = z
  .object({
    partner: z.boolean(),
    status: z.string(),
    externalId: z.string().optional(),
    fields: z.array(
      z.object({
        field: z.string(),
        hub: z.string().nullable(),
        external: z.string().nullable(),
        differs: z.boolean(),
        conflict: z.boolean(),
        rule: z.string(),
      }),
    ),
  })
  .openapi("Comparison");

export const conflictsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/conflicts",
      operationId: "listConflicts",
      summary: "F12: open conflicts, per customer and field",
      roles: anyRole,
      tags: ["conflicts"],
      request: { query: integrationQuery.partial() },
      responses: {
        200: json(
          z.object({ conflicts: z.array(conflictSchema) }),
          "open conflicts, per customer and field",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const conflicts = await listConflicts(
        c.var.ctx,
        c.var.actor,
        c.req.valid("query").integrationId,
      );
      return c.json(
        {
          conflicts: conflicts.map((x) => ({
            id: x.id,
            customerId: x.clientId,
            integrationId: x.integrationId,
            field: x.field,
            baseValue: x.baseValue,
            hubValue: x.hubValue,
            externalValue: x.externalValue,
            openedAt: x.openedAt.toISOString(),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/{id}/compare",
      operationId: "compareCustomer",
      summary: "S12: the customer beside its partner, fetched fresh",
      roles: anyRole,
      tags: ["conflicts"],
      request: { params: idParam, query: integrationQuery },
      responses: {
        200: json(compareSchema, "field by field, differences and conflicts marked"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await compareWithPartner(c.var.ctx, c.var.actor, id, c.req.valid("query").integrationId),
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/resolve",
      operationId: "resolveConflicts",
      summary:
        "F12: resolve conflicts field by field (hub value, external value, or a typed value)",
      description:
        "One submit updates both systems. A7: an associate resolves the conflicts of their own and unassigned customers; managers and admins those of every customer.",
      roles: anyRole,
      tags: ["conflicts"],
      request: { params: idParam, ...jsonBody(resolutionSchema) },
      responses: {
        200: json(customerSchema, "the customer after the resolution"),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json(
        await resolveConflicts(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      );
    },
  );
