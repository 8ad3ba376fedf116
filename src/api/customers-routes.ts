import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { linkStatuses } from "../domain/link-status.ts";
import { customerCreateSchema, customerEditSchema } from "../services/customer-schemas.ts";
import {
  createCustomer,
  customerHistory,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "../services/customers.ts";
import { everyRole, requireRole } from "../services/users.ts";
import type { HubEnv } from "./hub-env.ts";
import {
  customerFilterQuery,
  errorResponses,
  idParam,
  json,
  jsonBody,
  pageQuery,
} from "./schemas.ts";

const contact = z.object({ kind: z.enum(["email", "phone", "address"]), value: z.string() });
export const customerSchema = z
  .object({
    id: z.number(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    acquisition: z.string().nullable(),
    contacts: z.array(contact),
    notes: z.array(z.object({ id: z.string(), body: z.string() })).optional(),
    preferences: z.record(z.string(), z.string()),
    lifecycle: z.enum(["prospect", "active"]),
    assignedUserId: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sync: z.array(
      z.object({
        integrationId: z.number(),
        status: z.enum(linkStatuses),
        externalId: z.string().nullable(),
        externalNumber: z.string().nullable(),
        lastError: z.string().nullable(),
      }),
    ),
  })
  .openapi("Customer");

const auditSchema = z
  .object({
    id: z.number(),
    field: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    source: z.string(),
    actor: z.string(),
    integrationId: z.number().nullable(),
    at: z.string(),
  })
  .openapi("AuditEntry");

export const customersRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/customers",
      operationId: "listCustomers",
      tags: ["customers"],
      request: {
        query: customerFilterQuery.extend(pageQuery),
      },
      responses: {
        200: json(
          z.object({ customers: z.array(customerSchema), next: z.number().nullable() }),
          "a page of customers",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "listing customers");
      const { after, limit, integrationId, status, q } = c.req.valid("query");
      return c.json(
        await listCustomers(c.var.ctx, c.var.actor, {
          limit,
          ...(after ? { after } : {}),
          filter: { integrationId, status, search: q },
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/customers",
      operationId: "createCustomer",
      tags: ["customers"],
      request: jsonBody(customerCreateSchema),
      responses: { 201: json(customerSchema, "the new customer"), ...errorResponses },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "adding a customer");
      return c.json(await createCustomer(c.var.ctx, c.var.actor, c.req.valid("json")), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/customers/{id}",
      operationId: "getCustomer",
      tags: ["customers"],
      request: { params: idParam },
      responses: {
        200: json(customerSchema, "the customer, with its sync status per integration"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "reading a customer");
      return c.json(await getCustomer(c.var.ctx, c.var.actor, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/v1/customers/{id}",
      operationId: "updateCustomer",
      tags: ["customers"],
      request: { params: idParam, ...jsonBody(customerEditSchema) },
      responses: { 200: json(customerSchema, "the customer after the edit"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateCustomer(c.var.ctx, c.var.actor, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/customers/{id}/history",
      operationId: "getCustomerHistory",
      tags: ["customers"],
      request: {
        params: idParam,
        query: z.object({
          field: z.string().optional().openapi({
            description: "one field (lastName) or a family (pref, note, contact, wish)",
          }),
        }),
      },
      responses: {
        200: json(
          z.object({ entries: z.array(auditSchema) }),
          "every applied change, oldest first",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "reading a customer's history");
      const { field } = c.req.valid("query");
      const entries = await customerHistory(c.var.ctx, c.var.actor, c.req.valid("param").id, field);
      return c.json(
        {
          entries: entries.map((e) => ({
            id: e.id,
            field: e.field,
            oldValue: e.oldValue,
            newValue: e.newValue,
            source: e.source,
            actor: e.actor,
            integrationId: e.integrationId,
            at: e.at.toISOString(),
          })),
        },
        200,
      );
    },
  );
