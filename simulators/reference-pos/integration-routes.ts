import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createCustomer, updateCustomer } from "./customer-writes.ts";
import { writeAnswer, type Answer } from "./write-answer.ts";
import { served } from "./malformed-records.ts";
import { fail, type PosEnv } from "./pos-env.ts";
import {
  bodyOf,
  conflictResponse,
  createBodySchema,
  customerSchema,
  errors,
  jsonOf,
  updateBodySchema,
} from "./pos-schemas.ts";

const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

/** Replays the first answer to a repeated Idempotency-Key, or runs the write and remembers its answer. */
async function idempotent(c: Context<PosEnv>, write: () => Answer) {
  const key = c.req.header("idempotency-key");
  const { state } = c.var.pos;
  const now = Date.now();
  const scoped = key ? `${c.req.method} ${c.req.path} ${key}` : undefined;
  const hit = scoped ? state.remembered(scoped, now) : undefined;
  if (hit) return c.json(hit.body as object, hit.status as 200);
  const { status, body } = write();
  if (scoped && status < 500) state.remember(scoped, status, body, now);
  return c.json(body as object, status);
}

export const integrationRoutes = new OpenAPIHono<PosEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/ping",
      operationId: "ping",
      summary: "Check the API key and get the store's name",
      responses: {
        200: jsonOf(z.object({ ok: z.boolean(), name: z.string() }), "the POS answers"),
        ...errors,
      },
    }),
    (c) => c.json({ ok: true, name: c.var.pos.storeName }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/customers",
      operationId: "listCustomers",
      summary: "A page of customers, in id order",
      request: {
        query: z.object({
          after: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          email: z.string().optional(),
        }),
      },
      responses: {
        200: jsonOf(
          z.object({ customers: z.array(customerSchema), next: z.string().nullable() }),
          "customers ordered by id",
        ),
        ...errors,
      },
    }),
    (c) => {
      const { after, limit, email } = c.req.valid("query");
      const { state } = c.var.pos;
      // O(page): the email index, or a walk of the id counter (pos-state.ts)
      const all = email
        ? state.customersWithEmail(email).filter((x) => !after || x.id > after)
        : state.customersAfter(after, limit + 1);
      const page = all.slice(0, limit);
      return c.json({ customers: page, next: all.length > limit ? page.at(-1)!.id : null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/customers/{id}",
      operationId: "getCustomer",
      summary: "One customer with its contacts, custom fields, notes and wishes",
      request: { params: idParam },
      responses: { 200: jsonOf(customerSchema, "the customer"), ...errors },
    }),
    (c) => {
      const customer = c.var.pos.state.customers.peek(c.req.valid("param").id);
      if (!customer)
        return c.json(
          fail("not_found", `customer ${c.req.valid("param").id} does not exist`),
          404,
        ) as never;
      return c.json(customer, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/v1/customers",
      operationId: "createCustomer",
      summary: "Create a customer (idempotent with an Idempotency-Key)",
      request: bodyOf(createBodySchema),
      responses: {
        201: jsonOf(customerSchema, "the new customer"),
        ...errors,
        ...conflictResponse,
      },
    }),
    (c) =>
      idempotent(c, () =>
        writeAnswer(
          c.var.pos,
          createCustomer(c.var.pos.state, c.req.valid("json"), c.var.pos.now()),
          201,
          true,
          { via: "integration", associateNumber: c.req.valid("json").associateNumber },
        ),
      ) as never,
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/customers/{id}",
      operationId: "updateCustomer",
      summary: "Change a customer; refused with 409 when `expect` no longer holds",
      request: { params: idParam, ...bodyOf(updateBodySchema) },
      responses: {
        200: jsonOf(customerSchema, "the customer after the write"),
        ...errors,
        ...conflictResponse,
      },
    }),
    (c) =>
      idempotent(c, () =>
        writeAnswer(
          c.var.pos,
          updateCustomer(
            c.var.pos.state,
            c.req.valid("param").id,
            c.req.valid("json"),
            c.var.pos.now(),
          ),
          200,
          false,
          { via: "integration", associateNumber: c.req.valid("json").associateNumber },
        ),
      ) as never,
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/changes",
      operationId: "listChanges",
      summary: "The changes feed: customers changed after a cursor",
      request: {
        query: z.object({
          after: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: jsonOf(
          z.object({
            customers: z.array(customerSchema),
            cursor: z.number(),
            hasMore: z.boolean(),
          }),
          "customers changed after the cursor",
        ),
        ...errors,
      },
    }),
    (c) => {
      const { after, limit } = c.req.valid("query");
      const { state } = c.var.pos;
      const changed = state.changesAfter(after, limit + 1);
      const page = changed.slice(0, limit);
      const cursor = page.at(-1)?.version ?? after;
      return c.json(
        {
          customers: served(c.var.pos, "customer", page),
          cursor,
          hasMore: changed.length > limit,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/associates",
      operationId: "listAssociates",
      summary: "The store's associates and their numbers",
      responses: {
        200: jsonOf(
          z.object({
            associates: z.array(z.object({ id: z.string(), number: z.string(), name: z.string() })),
          }),
          "the store's associates",
        ),
        ...errors,
      },
    }),
    (c) => c.json({ associates: c.var.pos.state.associates }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks",
      operationId: "createWebhook",
      summary: "Subscribe a URL to signed change webhooks",
      request: bodyOf(z.object({ url: z.string().url(), secret: z.string().min(8) })),
      responses: {
        201: jsonOf(
          z.object({ id: z.string(), url: z.string(), createdAt: z.string() }),
          "the subscription",
        ),
        ...errors,
      },
    }),
    (c) => {
      const { url, secret } = c.req.valid("json");
      const { state } = c.var.pos;
      const sub = {
        id: state.newWebhookId(),
        url,
        secret,
        createdAt: c.var.pos.now().toISOString(),
      };
      state.webhooks.set(sub.id, sub);
      state.scheduleSave();
      return c.json({ id: sub.id, url: sub.url, createdAt: sub.createdAt }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/webhooks",
      operationId: "listWebhooks",
      summary: "The webhook subscriptions",
      responses: {
        200: jsonOf(
          z.object({
            webhooks: z.array(z.object({ id: z.string(), url: z.string(), createdAt: z.string() })),
          }),
          "subscriptions, without secrets",
        ),
        ...errors,
      },
    }),
    (c) =>
      c.json(
        {
          webhooks: [...c.var.pos.state.webhooks.values()].map(({ id, url, createdAt }) => ({
            id,
            url,
            createdAt,
          })),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/webhooks/{id}",
      operationId: "deleteWebhook",
      summary: "Remove a webhook subscription",
      request: { params: idParam },
      responses: { 204: { description: "deleted" }, ...errors },
    }),
    (c) => {
      const { state } = c.var.pos;
      if (!state.webhooks.delete(c.req.valid("param").id))
        return c.json(fail("not_found", "no such webhook"), 404);
      state.scheduleSave();
      return c.body(null, 204);
    },
  );
