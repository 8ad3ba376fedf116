import { OpenAPIHono, z } from "@hono/zod-openapi";
import { assignCustomer, assignCustomers, bulkAssignmentCap } from "../services/assignment.ts";
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
  );
