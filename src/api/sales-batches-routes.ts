import { OpenAPIHono, z } from "@hono/zod-openapi";
import { runSalesBatchNow, salesBatchStatus } from "../services/sales-batches.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json } from "./schemas.ts";

const statusFields = {
  integrationId: z.number(),
  timing: z.enum(["batched", "realtime"]),
  times: z.array(z.string()).openapi({ description: "the windows, in the store's time zone" }),
  timeZone: z.string(),
  nextRunAt: z.string().nullable().openapi({ description: "null: sales are taken as they come" }),
  lastRunAt: z.string().nullable(),
  held: z.object({
    count: z.number(),
    total: z.string().nullable(),
    oldestReceivedAt: z.string().nullable(),
  }),
};
const statusSchema = z.object(statusFields).openapi("SalesBatch");

export const salesBatchesRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/sales-batch",
      operationId: "getSalesBatch",
      summary: "T1: when the next sales batch runs and what it holds",
      description:
        "Once an integration's first sync is in, its POS sales wait for the next batch window (option `salesTiming: batched`, windows `salesBatchTimes` in the store's time zone, by default 12:00 and 23:00), or are taken as they come (`realtime`, T6). Managers and admins.",
      roles: managerRoles,
      tags: ["sales"],
      request: { params: idParam },
      responses: { 200: json(statusSchema, "the batch"), ...errorResponses },
    }),
    async (c) =>
      c.json(await salesBatchStatus(c.var.ctx, c.var.actor, c.req.valid("param").id), 200),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/sales-batch/run",
      operationId: "runSalesBatch",
      summary: "T1: run the sales batch now",
      description:
        "The held sales go to the engine at once (processed within seconds); the next window takes what comes after. Managers and admins.",
      roles: managerRoles,
      tags: ["sales"],
      request: { params: idParam },
      responses: {
        200: json(
          z.object({ ...statusFields, released: z.number() }),
          "the batch after the run, and how many sales went",
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await runSalesBatchNow(c.var.ctx, c.var.actor, c.req.valid("param").id), 200),
  );
