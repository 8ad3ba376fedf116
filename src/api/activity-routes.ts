import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  customerPurchases,
  messageSchema,
  recordSentMessage,
  storeProducts,
} from "../services/activity.ts";
import { hubSaleSchema, recordHubPurchase } from "../services/hub-sales.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody, pageQuery } from "./schemas.ts";

const purchaseSchema = z
  .object({
    id: z.number(),
    externalId: z.string().nullable(),
    occurredAt: z.string(),
    total: z.string(),
    currency: z.string(),
    associateNumber: z.string().nullable(),
    soldBy: z
      .number()
      .nullable()
      .openapi({ description: "the user who made a sale entered in the hub (T4)" }),
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
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/messages",
      operationId: "recordSentMessage",
      summary:
        "F7: record an email or text sent to the customer; it is written to the POS customer's activity",
      description: "A7: an associate records messages to their own and unassigned customers.",
      roles: anyRole,
      tags: ["customers"],
      request: { params: idParam, ...jsonBody(messageSchema) },
      responses: { 201: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) => {
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
    hubRoute({
      method: "get",
      path: "/v1/customers/{id}/purchases",
      operationId: "listCustomerPurchases",
      summary: "F6: the customer's purchases, oldest first",
      roles: anyRole,
      tags: ["customers"],
      request: { params: idParam },
      responses: {
        200: json(z.object({ purchases: z.array(purchaseSchema) }), "purchases, oldest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const purchases = await customerPurchases(c.var.ctx, c.var.actor, c.req.valid("param").id);
      return c.json(
        { purchases: purchases.map((p) => ({ ...p, occurredAt: p.occurredAt.toISOString() })) },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/purchases",
      operationId: "recordCustomerPurchase",
      summary: "T4: enter a sale made outside the POS; it is processed at once",
      description:
        "The sale's lines (each amount the line's total, negative for a return), when it happened (by default now) and who sold it (by default the caller), in the store's currency. Processed at once, not in a batch: it is in the customer's purchases and the sales report, an Unassigned customer goes to the seller (A5), and the store's sales triggers start counting its days. A7: an associate enters their own sales, for their own and Unassigned customers.",
      roles: anyRole,
      tags: ["customers", "sales"],
      request: { params: idParam, ...jsonBody(hubSaleSchema) },
      responses: { 201: json(purchaseSchema, "the purchase"), ...errorResponses },
    }),
    async (c) => {
      const purchase = await recordHubPurchase(
        c.var.ctx,
        c.var.actor,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json({ ...purchase, occurredAt: purchase.occurredAt.toISOString() }, 201);
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/products",
      operationId: "listProducts",
      summary: "F4, F6, F8: the store's products",
      roles: anyRole,
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
