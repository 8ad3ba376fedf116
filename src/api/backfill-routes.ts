import { OpenAPIHono, z } from "@hono/zod-openapi";
import { backfillProgress } from "../services/backfill.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json } from "./schemas.ts";

const feedSchema = z.object({
  feed: z.string(),
  caughtUp: z.boolean(),
  pages: z.number(),
  records: z.number().openapi({ description: "records fetched so far" }),
  lastError: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  notBefore: z
    .string()
    .nullable()
    .openapi({ description: "a throttled feed is not polled again before then" }),
});

const progressSchema = z
  .object({
    integrationId: z.number(),
    state: z.enum(["fetching", "failing", "processing", "assigning", "done"]),
    onboardedAt: z.string().nullable(),
    salesHistoryPagesPerMinute: z.number().nullable(),
    feeds: z.array(feedSchema),
    sales: z.object({
      fetched: z.number(),
      processed: z.number(),
      waiting: z.number(),
      failing: z.number(),
    }),
  })
  .openapi("Backfill");

export const backfillRoutes = new OpenAPIHono<HubEnv>().openapi(
  hubRoute({
    method: "get",
    path: "/v1/integrations/{id}/backfill",
    operationId: "getBackfill",
    summary: "T3: how far the first sync (customers and the whole sales history) has come",
    description:
      "The state (fetching, failing, processing, assigning, done), each feed's pages and records fetched with its last error, and the sales fetched, processed, waiting and failing. A page that failed is fetched again from where it stopped; onboarding ends only when the customers and sales came in without an error. The option `salesHistoryPagesPerMinute` throttles the history. Managers and admins.",
    roles: managerRoles,
    tags: ["integrations", "sales"],
    request: { params: idParam },
    responses: { 200: json(progressSchema, "the progress"), ...errorResponses },
  }),
  async (c) => {
    const p = await backfillProgress(c.var.ctx, c.var.actor, c.req.valid("param").id);
    return c.json(
      {
        ...p,
        feeds: p.feeds.map((f) => ({
          ...f,
          lastPolledAt: f.lastPolledAt?.toISOString() ?? null,
          notBefore: f.notBefore?.toISOString() ?? null,
        })),
      },
      200,
    );
  },
);
