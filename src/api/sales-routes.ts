import { OpenAPIHono, z } from "@hono/zod-openapi";
import { listSales, reportSales } from "../services/sales-report.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { decimalInteger, errorResponses, json, pageQuery } from "./schemas.ts";

const days = {
  from: z.string().openapi({ description: "the first store-local day, YYYY-MM-DD" }),
  to: z.string().openapi({ description: "the last store-local day, YYYY-MM-DD (a year at most)" }),
};

const saleSchema = z
  .object({
    purchaseId: z.number(),
    externalId: z.string().nullable(),
    occurredAt: z.string(),
    day: z.string().openapi({ description: "the store-local day" }),
    clientId: z.number(),
    clientName: z.string(),
    total: z.string(),
    currency: z.string(),
    associateNumber: z.string().nullable(),
    associateUserId: z.number().nullable(),
    categories: z.array(z.string()),
  })
  .openapi("Sale");

export const salesRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/sales",
      operationId: "listSales",
      summary: "T5: the sales log: processed sales of some days, newest first",
      description:
        "Processed sales only (a sale held for its batch, or held back by a check, is not in it yet), by the store-local day. Pages: `before` is the last page's smallest purchaseId. Managers and admins.",
      roles: managerRoles,
      tags: ["sales"],
      request: {
        query: z.object({
          ...days,
          limit: pageQuery.limit,
          before: decimalInteger(1).optional().openapi({ type: "integer" }),
        }),
      },
      responses: {
        200: json(
          z.object({ currency: z.string(), timeZone: z.string(), sales: z.array(saleSchema) }),
          "the sales",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await listSales(c.var.ctx, c.var.actor, c.req.valid("query"));
      return c.json(
        {
          ...result,
          sales: result.sales.map((s) => ({ ...s, occurredAt: s.occurredAt.toISOString() })),
        },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/sales/report",
      operationId: "reportSales",
      summary: "T5: sales totals and counts by day, associate or category",
      description:
        "Over processed sales of the store-local days, in the store's time zone and currency. By associate: the user a sale's number maps to (else `number <n>`, else `none`). By category: each sale counts in every category of its lines, with those lines' amounts. Managers and admins.",
      roles: managerRoles,
      tags: ["sales"],
      request: {
        query: z.object({ ...days, by: z.enum(["day", "associate", "category"]).default("day") }),
      },
      responses: {
        200: json(
          z
            .object({
              currency: z.string(),
              timeZone: z.string(),
              by: z.enum(["day", "associate", "category"]),
              rows: z.array(
                z.object({
                  key: z.string(),
                  label: z.string(),
                  sales: z.number(),
                  total: z.string(),
                }),
              ),
            })
            .openapi("SalesReport"),
          "the report",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await reportSales(c.var.ctx, c.var.actor, c.req.valid("query")), 200),
  );
