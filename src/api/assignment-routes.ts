import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  assignBySpendNow,
  assignCustomer,
  assignCustomers,
  bulkAssignmentCap,
  listUnmappedAssociates,
} from "../services/assignment.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody } from "./schemas.ts";

const userIdOrUnassigned = z
  .number()
  .int()
  .positive()
  .nullable()
  .openapi({ description: "a user of the store, or null for Unassigned" });

const unmappedSchema = z
  .object({
    associateNumber: z.string(),
    why: z.enum(["unmapped", "held by several users", "held by a deactivated user"]),
    sales: z.number(),
    total: z.string().openapi({ description: "their sales' total, returns subtracted" }),
    clientsWaiting: z.number().openapi({
      description: "Unassigned customers whose largest spend is with this number",
    }),
  })
  .openapi("UnmappedAssociate");

export const assignmentRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "put",
      path: "/v1/customers/{id}/assignment",
      operationId: "assignCustomer",
      summary: "A8: set the customer's associate, or Unassigned",
      description:
        "A1: a customer has one associate or none. A7: an associate assigns themself to an Unassigned customer and unassigns themself; a manager or admin assigns anyone to any active user of the store. If the assignment changed since it was read, the change is refused (409) instead of overwriting it. Audited with who and why (`GET /v1/customers/{id}/history?field=assignedUserId`).",
      roles: anyRole,
      tags: ["assignment"],
      request: {
        params: idParam,
        ...jsonBody(z.object({ userId: userIdOrUnassigned }).strict()),
      },
      responses: { 200: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await assignCustomer(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          c.req.valid("json").userId,
        ),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/assignments",
      operationId: "assignCustomers",
      summary: "A3: assign many customers to one user, or make them Unassigned",
      description: `Managers and admins only (A7). Up to ${bulkAssignmentCap} customers a call, in one transaction: each is assigned, unchanged (it had that assignment) or not found in the store. Each change is audited.`,
      roles: managerRoles,
      tags: ["assignment"],
      request: {
        ...jsonBody(
          z
            .object({
              customerIds: z.array(z.number().int().positive()).min(1).max(bulkAssignmentCap),
              userId: userIdOrUnassigned,
            })
            .strict(),
        ),
      },
      responses: {
        200: json(
          z
            .object({
              userId: z.number().nullable(),
              assigned: z.array(z.number()),
              unchanged: z.array(z.number()),
              notFound: z.array(z.number()),
            })
            .openapi("BulkAssignment"),
          "what became of each customer named",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await assignCustomers(c.var.ctx, c.var.actor, c.req.valid("json")), 200),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/assignment-by-spend",
      operationId: "assignBySpend",
      summary: "A4: assign Unassigned customers to the associate they spent most with",
      description:
        "Runs by itself once, when the integration's first sync of customers and sales is in; run it again after mapping associate numbers (F9). Each Unassigned customer with purchases in the integration goes to the associate with the largest total spend there (returns count against it; ties: the associate of the most recent sale among them, then the lowest number); a customer whose largest spender's number maps to no single active user stays Unassigned, and the number is listed in `unmapped`. Assigned customers never change (A6). Ends onboarding if it had not ended: from then on a purchase by an Unassigned customer assigns the associate who made it (A5). Managers and admins.",
      roles: managerRoles,
      tags: ["assignment"],
      request: { params: idParam },
      responses: {
        200: json(
          z
            .object({
              assigned: z.number(),
              onboardedNow: z.boolean(),
              unmapped: z.array(unmappedSchema),
            })
            .openapi("SpendAssignment"),
          "how many customers were assigned, and the numbers that assign no one",
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await assignBySpendNow(c.var.ctx, c.var.actor, c.req.valid("param").id), 200),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/unmapped-associates",
      operationId: "listUnmappedAssociates",
      summary: "A4: associate numbers on sales that assign no one",
      description:
        "Numbers on the integration's sales that map to no user, to several, or to a deactivated one, with their sales, spend and the Unassigned customers whose largest spend is with them. Map them (PUT /v1/integrations/{id}/associates/{userId}) and run the assignment by spend again. Managers and admins.",
      roles: managerRoles,
      tags: ["assignment"],
      request: { params: idParam },
      responses: {
        200: json(z.object({ associates: z.array(unmappedSchema) }), "the numbers"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          associates: await listUnmappedAssociates(c.var.ctx, c.var.actor, c.req.valid("param").id),
        },
        200,
      ),
  );
