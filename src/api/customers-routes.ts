import { OpenAPIHono, z } from "@hono/zod-openapi";
import { linkStatuses } from "../domain/link-status.ts";
import { customerCreateSchema, customerEditSchema } from "../services/customer-schemas.ts";
import { createPartnerThere } from "../services/create-partners.ts";
import {
  createCustomer,
  customerHistory,
  getCustomer,
  listCustomers,
  selectPartner,
  setCustomerExclusion,
  updateCustomer,
} from "../services/customers.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute, managerRoles } from "./role-route.ts";
import {
  customerFilterQuery,
  numberChoiceFields,
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
    customerNumber: z.string().openapi({
      description: "the number the store uses on receipts and invoices, unique in the store",
    }),
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
        integrationName: z.string(),
        integrationKind: z.string().openapi({ example: "pos" }),
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
    reason: z
      .string()
      .nullable()
      .openapi({ description: "why, when a rule made the change (A4, A5) or a user gave one" }),
    integrationId: z.number().nullable(),
    at: z.string(),
  })
  .openapi("AuditEntry");

export const customersRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers",
      operationId: "listCustomers",
      summary: "S11: a page of customers, filtered by sync status or text",
      roles: anyRole,
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
    hubRoute({
      method: "post",
      path: "/v1/customers",
      operationId: "createCustomer",
      summary: "Add a customer (A2: assigned to the user who adds it)",
      roles: anyRole,
      tags: ["customers"],
      request: jsonBody(customerCreateSchema),
      responses: { 201: json(customerSchema, "the new customer"), ...errorResponses },
    }),
    async (c) => {
      return c.json(await createCustomer(c.var.ctx, c.var.actor, c.req.valid("json")), 201);
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/{id}",
      operationId: "getCustomer",
      summary: "A customer, with its sync status per integration",
      roles: anyRole,
      tags: ["customers"],
      request: { params: idParam },
      responses: {
        200: json(customerSchema, "the customer, with its sync status per integration"),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json(await getCustomer(c.var.ctx, c.var.actor, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/customers/{id}",
      operationId: "updateCustomer",
      summary: "Change the fields an edit names (contacts have their own operations)",
      description:
        "Fields not named stay as they are. Contacts are not part of an edit: add, change or remove one with the contact operations, or replace the list with `PUT /v1/customers/{id}/contacts`. A7: an associate edits their own and unassigned customers.",
      roles: anyRole,
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
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/partner",
      operationId: "selectPartner",
      summary: "S7: pair the customer with a customer of the other system, by hand",
      description:
        "The other system's customer is one the hub recorded without a hub customer (`GET /v1/integrations/{id}/external-customers`). Values only one side holds are filled in on the other, values both hold alike are agreed, and values that differ start as conflicts (F12) instead of one side overwriting the other. Refused (409) when either already has a partner or is excluded (S9). A7: an associate pairs their own and unassigned customers.",
      roles: anyRole,
      tags: ["customers"],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .object({
              integrationId: z.number().int().positive(),
              externalId: z
                .string()
                .min(1)
                .max(200)
                .openapi({ description: "the customer's id in the other system" }),
            })
            .strict(),
        ),
      },
      responses: { 200: json(customerSchema, "the customer, paired"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await selectPartner(c.var.ctx, c.var.actor, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/partner-creation",
      operationId: "createPartnerThere",
      summary: "S5: have the customer's partner created in an integration's system",
      description:
        "The number the partner gets: the customer's own (`keep`, the default), the system's next free one (`next`), or the one typed (`typed`, with `number`). A number the hub knows in that system is refused (409), as is a customer that has a partner there, one being created, one excluded (S9), and a prospect where the integration sends prospects at their first purchase (S3). The customer is set to sync and the create is queued (S2: an existing customer there with the same email becomes the partner instead); its sync status shows when it is done. A7: an associate does this for their own and unassigned customers.",
      roles: anyRole,
      tags: ["customers"],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .object({
              integrationId: z.number().int().positive(),
              ...numberChoiceFields,
            })
            .strict(),
        ),
      },
      responses: {
        202: json(customerSchema, "the customer, its partner's create queued"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { integrationId, ...choice } = c.req.valid("json");
      return c.json(
        await createPartnerThere(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          integrationId,
          choice,
        ),
        202,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "put",
      path: "/v1/customers/{id}/exclusion",
      operationId: "setCustomerExclusion",
      summary: "S9: exclude the customer from an integration, or lift the exclusion",
      description:
        "Excluded (`excluded: true`), the customer is never created, matched or updated in that integration's system, and its changes there are recorded but not merged. Lifted (`false`), it syncs again as the integration's options say: with a partner it is merged at once; without one it goes out as a new customer would. Setting what already is changes nothing. Managers and admins only.",
      roles: managerRoles,
      tags: ["customers"],
      request: {
        params: idParam,
        ...jsonBody(
          z.object({ integrationId: z.number().int().positive(), excluded: z.boolean() }).strict(),
        ),
      },
      responses: { 200: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await setCustomerExclusion(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/{id}/history",
      operationId: "getCustomerHistory",
      summary: "F12: every applied change of a customer, oldest first",
      roles: anyRole,
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
            reason: e.reason ?? null,
            integrationId: e.integrationId,
            at: e.at.toISOString(),
          })),
        },
        200,
      );
    },
  );
