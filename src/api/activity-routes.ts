import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  customerPurchases,
  messageSchema,
  recordSentMessage,
  storeProducts,
} from "../services/activity.ts";
import { everyRole, requireRole } from "../services/users.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { errorResponses, idParam, json, jsonBody, pageQuery } from "./schemas.ts";

const purchaseSchema = z
  .object({
    id: z.number(),
    externalId: z.string().nullable(),
    occurredAt: z.string(),
    total: z.string(),
    currency: z.string(),
    associateNumber: z.string().nullable(),
    lines: z.array(
      z.object({
        productId: z.number(),
        name: z.string(),
        kind: z.string(),
        quantity: z.string(),
        amount: z.string(),
      }),
    ),
  })
  .openapi("Purchase");

const productSchema = z
  .object({
    id: z.number(),
    origin: z.string(),
    sku: z.string().nullable(),
    name: z.string(),
    category: z.string().nullable(),
    vendor: z.string().nullable(),
    inventory_type: z.string().nullable(),
    price: z.string().nullable(),
    archived: z.boolean(),
  })
  .openapi("Product");

export const activityRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/customers/{id}/messages",
      operationId: "recordSentMessage",
      summary:
        "F7: record an email or text sent to the customer; it is written to the POS customer's activity",
      tags: ["customers"],
      request: { params: idParam, ...jsonBody(messageSchema) },
      responses: { 201: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "messaging a customer");
      return c.json(
        await recordSentMessage(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/customers/{id}/purchases",
      operationId: "listCustomerPurchases",
      tags: ["customers"],
      request: { params: idParam },
      responses: {
        200: json(z.object({ purchases: z.array(purchaseSchema) }), "purchases, oldest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "reading purchases");
      const purchases = await customerPurchases(c.var.ctx, c.var.actor, c.req.valid("param").id);
      return c.json(
        { purchases: purchases.map((p) => ({ ...p, occurredAt: p.occurredAt.toISOString() })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/products",
      operationId: "listProducts",
      tags: ["products"],
      request: {
        query: z.object({
          archived: z.enum(["true", "false"]).optional(),
          ...pageQuery,
        }),
      },
      responses: {
        200: json(z.object({ products: z.array(productSchema) }), "products"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "listing products");
      const q = c.req.valid("query");
      const archived = q.archived === undefined ? undefined : q.archived === "true";
      return c.json(
        {
          products: await storeProducts(c.var.ctx, c.var.actor, {
            limit: q.limit,
            archived,
            after: q.after,
          }),
        },
        200,
      );
    },
  );
