import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { served } from "./malformed-records.ts";
import { fail, type PosEnv } from "./pos-env.ts";
import { bodyOf, errors, jsonOf } from "./pos-schemas.ts";
import {
  addInventoryItem,
  recordSale,
  recordsAfter,
  updateInventoryItem,
} from "./retail-writes.ts";

const inventorySchema = z
  .object({
    id: z.string(),
    version: z.number(),
    sku: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    vendor: z.string().nullable(),
    type: z.string(),
    status: z.enum(["on_hand", "sold", "removed"]),
    price: z.number().nullable(),
    updatedAt: z.string(),
  })
  .openapi("InventoryItem");

const saleSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    customerId: z.string(),
    associateNumber: z.string().nullable(),
    occurredAt: z.string(),
    currency: z.string(),
    total: z.number(),
    lines: z.array(
      z.object({
        kind: z.enum(["item", "special_order"]),
        inventoryId: z.string().nullable(),
        sku: z.string().nullable(),
        description: z.string(),
        category: z.string().nullable(),
        vendor: z.string().nullable(),
        quantity: z.number(),
        amount: z.number(),
      }),
    ),
    serviceJobs: z.array(
      z.object({
        id: z.string(),
        type: z.enum(["repair", "custom", "appraisal"]),
        description: z.string(),
        amount: z.number(),
      }),
    ),
  })
  .openapi("Sale");

const activitySchema = z
  .object({
    id: z.string(),
    type: z.enum(["email", "text"]),
    body: z.string(),
    sentAt: z.string(),
    associateNumber: z.string().nullable(),
    externalRef: z.string().nullable(),
  })
  .openapi("Activity");

const feedQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const idParam = z.object({ id: z.string() });

/**
 * Inventory, sales and activity: the protocol's feeds and the staff's counter work. Every change to
 * an item and every sale is also sent to webhook subscribers (inventory.updated, sale.created).
 */
export const retailRoutes = new OpenAPIHono<PosEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/inventory/changes",
      operationId: "listInventoryChanges",
      summary: "The inventory changes feed",
      request: { query: feedQuery },
      responses: {
        200: jsonOf(
          z.object({ items: z.array(inventorySchema), cursor: z.number(), hasMore: z.boolean() }),
          "items changed after the cursor",
        ),
        ...errors,
      },
    }),
    (c) => {
      const { after, limit } = c.req.valid("query");
      const { page, cursor, hasMore } = recordsAfter(c.var.pos.state.inventory, after, limit);
      return c.json({ items: served(c.var.pos, "inventory", page), cursor, hasMore }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/sales/changes",
      operationId: "listSaleChanges",
      summary: "The sales changes feed",
      request: { query: feedQuery },
      responses: {
        200: jsonOf(
          z.object({ sales: z.array(saleSchema), cursor: z.number(), hasMore: z.boolean() }),
          "sales recorded after the cursor",
        ),
        ...errors,
      },
    }),
    (c) => {
      const { after, limit } = c.req.valid("query");
      const { page, cursor, hasMore } = recordsAfter(c.var.pos.state.sales, after, limit);
      return c.json({ sales: served(c.var.pos, "sale", page), cursor, hasMore }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1/customers/{id}/activity",
      operationId: "listActivity",
      summary: "A customer's activity entries",
      request: { params: idParam },
      responses: {
        200: jsonOf(z.object({ activity: z.array(activitySchema) }), "the customer's activity tab"),
        ...errors,
      },
    }),
    (c) => c.json({ activity: c.var.pos.state.activity.get(c.req.valid("param").id) ?? [] }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/v1/customers/{id}/activity",
      operationId: "addActivity",
      summary:
        "Writes a message sent elsewhere to the customer's activity; an externalRef already there is not added twice",
      request: {
        params: idParam,
        ...bodyOf(
          z.object({
            type: z.enum(["email", "text"]),
            body: z.string().min(1).max(20_000),
            sentAt: z.string().datetime(),
            associateNumber: z.string().optional(),
            externalRef: z.string().max(200).optional(),
          }),
        ),
      },
      responses: { 201: jsonOf(activitySchema, "the activity entry"), ...errors },
    }),
    (c) => {
      const { id } = c.req.valid("param");
      const { state } = c.var.pos;
      if (!state.customers.has(id))
        return c.json(fail("not_found", `customer ${id} does not exist`), 404) as never;
      const body = c.req.valid("json");
      const list = state.activity.get(id) ?? [];
      const existing = body.externalRef
        ? list.find((a) => a.externalRef === body.externalRef)
        : undefined;
      if (existing) return c.json(existing, 201);
      const entry = {
        id: state.newRecordId("act"),
        type: body.type,
        body: body.body,
        sentAt: body.sentAt,
        associateNumber: body.associateNumber ?? null,
        externalRef: body.externalRef ?? null,
      };
      list.push(entry);
      state.activity.set(id, list);
      state.scheduleSave();
      return c.json(entry, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/inventory",
      operationId: "staffAddInventory",
      summary: "Staff: add an inventory item",
      request: bodyOf(
        z.object({
          sku: z.string().min(1),
          description: z.string().min(1),
          category: z.string().nullable().optional(),
          vendor: z.string().nullable().optional(),
          type: z.string().min(1).optional(),
          price: z.number().nullable().optional(),
        }),
      ),
      responses: { 201: jsonOf(inventorySchema, "the new item, on hand"), ...errors },
    }),
    (c) => {
      const item = addInventoryItem(c.var.pos.state, c.req.valid("json"), c.var.pos.now());
      c.var.pos.notifyRecord("inventory", item);
      return c.json(item, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/staff/inventory/{id}",
      operationId: "staffUpdateInventory",
      summary: "Staff: change an inventory item",
      request: {
        params: idParam,
        ...bodyOf(
          z.object({
            category: z.string().nullable().optional(),
            vendor: z.string().nullable().optional(),
            type: z.string().min(1).optional(),
            status: z.enum(["on_hand", "sold", "removed"]).optional(),
            price: z.number().nullable().optional(),
          }),
        ),
      },
      responses: { 200: jsonOf(inventorySchema, "the item"), ...errors },
    }),
    (c) => {
      const item = updateInventoryItem(
        c.var.pos.state,
        c.req.valid("param").id,
        c.req.valid("json"),
        c.var.pos.now(),
      );
      if (!item) return c.json(fail("not_found", "no such inventory item"), 404) as never;
      c.var.pos.notifyRecord("inventory", item);
      return c.json(item, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/sales",
      operationId: "staffRecordSale",
      summary: "Staff: record a sale",
      request: bodyOf(
        z.object({
          customerId: z.string(),
          associateNumber: z.string().nullable().optional(),
          occurredAt: z.string().datetime().optional(),
          currency: z.string().length(3).optional(),
          lines: z.array(
            z.object({
              kind: z.enum(["item", "special_order"]).optional(),
              inventoryId: z.string().optional(),
              description: z.string().optional(),
              quantity: z.number().positive().optional(),
              amount: z.number(),
            }),
          ),
          serviceJobs: z
            .array(
              z.object({
                type: z.enum(["repair", "custom", "appraisal"]),
                description: z.string().min(1),
                amount: z.number(),
              }),
            )
            .optional(),
        }),
      ),
      responses: { 201: jsonOf(saleSchema, "the sale"), ...errors },
    }),
    (c) => {
      const { pos } = c.var;
      const sale = recordSale(pos.state, c.req.valid("json"), pos.now());
      if (typeof sale === "string") return c.json(fail("invalid", sale), 400) as never;
      // the items it sold changed (now sold), then the sale came: subscribers hear of each
      for (const line of sale.lines) {
        const item = line.inventoryId ? pos.state.inventory.get(line.inventoryId) : undefined;
        if (item) pos.notifyRecord("inventory", item);
      }
      pos.notifyRecord("sale", sale);
      return c.json(sale, 201);
    },
  );
