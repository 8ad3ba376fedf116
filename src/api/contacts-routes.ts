import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addContact,
  changeContact,
  removeContact,
  replaceContacts,
} from "../services/customer-contacts.ts";
import {
  contactChangeSchema,
  contactListSchema,
  contactSchema,
} from "../services/customer-schemas.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody } from "./schemas.ts";

/** A contact in the path: its kind and its value (percent-encoded; matched normalised). */
const contactParams = idParam.extend({
  kind: z
    .enum(["email", "phone", "address"])
    .openapi({ param: { name: "kind", in: "path" }, example: "email" }),
  value: z
    .string()
    .min(1)
    .max(500)
    .openapi({
      param: { name: "value", in: "path" },
      description:
        "the contact's value, percent-encoded; matched in normalised form (any case of an email, any formatting of a phone)",
      example: "ada@example.com",
    }),
});

const conflict = {
  409: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "the customer has this contact already",
  ),
};

const a7 = "A7: an associate changes the contacts of their own and unassigned customers.";
const f1 =
  "F1: at the POS the new value is added; POS values are never modified or deleted by the hub.";

/** R7.15: contact methods one at a time; replacing the whole list is its own, explicit operation. */
export const contactsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/contacts",
      operationId: "addContact",
      summary: "Add one contact method (email, phone or address)",
      description: `${f1} ${a7}`,
      tags: ["customers"],
      roles: anyRole,
      request: { params: idParam, ...jsonBody(contactSchema) },
      responses: {
        201: json(customerSchema, "the customer with the new contact"),
        ...errorResponses,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await addContact(c.var.ctx, c.var.actor, c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/customers/{id}/contacts/{kind}/{value}",
      operationId: "changeContact",
      summary: "Change one contact method's value; the others stay as they are",
      description: `The old value is removed from the hub and the new one added. ${f1} ${a7}`,
      tags: ["customers"],
      roles: anyRole,
      request: { params: contactParams, ...jsonBody(contactChangeSchema) },
      responses: {
        200: json(customerSchema, "the customer after the change"),
        ...errorResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const { id, kind, value } = c.req.valid("param");
      return c.json(
        await changeContact(c.var.ctx, c.var.actor, id, { kind, value }, c.req.valid("json")),
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "delete",
      path: "/v1/customers/{id}/contacts/{kind}/{value}",
      operationId: "removeContact",
      summary: "Remove one contact method from the hub; the others stay as they are",
      description: `${f1} ${a7}`,
      tags: ["customers"],
      roles: anyRole,
      request: { params: contactParams },
      responses: { 200: json(customerSchema, "the customer after the removal"), ...errorResponses },
    }),
    async (c) => {
      const { id, kind, value } = c.req.valid("param");
      return c.json(await removeContact(c.var.ctx, c.var.actor, id, { kind, value }), 200);
    },
  )
  .openapi(
    hubRoute({
      method: "put",
      path: "/v1/customers/{id}/contacts",
      operationId: "replaceContacts",
      summary: "Replace the whole contact list: contacts not in it are removed from the hub",
      description: `The explicit way to set every contact at once. ${f1} ${a7}`,
      tags: ["customers"],
      roles: anyRole,
      request: { params: idParam, ...jsonBody(contactListSchema) },
      responses: { 200: json(customerSchema, "the customer with the new list"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await replaceContacts(c.var.ctx, c.var.actor, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
