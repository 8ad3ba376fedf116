import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  getPartnerRun,
  listPartnerRunViews,
  startPartnerRun,
} from "../services/create-partners.ts";
import { planPartners } from "../services/partner-plan.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute, managerRoles } from "./role-route.ts";
import { decimalInteger, errorResponses, idParam, json, jsonBody } from "./schemas.ts";

// S6, S10: partners created in bulk (a run per side of an integration), their progress, and the
// dry-run plan before a run or before switching an integration on.

const sides = z.enum(["hub", "external"]).openapi({
  description:
    "hub: every hub customer without a partner gets one created in the other system; external: every customer of the other system the hub recorded without a hub customer is made a hub customer",
});

export const runSchema = z
  .object({
    id: z.number(),
    integrationId: z
      .number()
      .nullable()
      .openapi({ description: "null for a customer file loaded into the hub" }),
    side: z.enum(["hub", "external", "file"]).openapi({
      description:
        "hub, external: partners created for that side's customers (S6); file: a customer file loaded into the hub (I3, `POST /v1/customers/import`)",
    }),
    numberChoice: z.enum(["keep", "next"]),
    total: z.number().openapi({ description: "customers in the run" }),
    progress: z.object({
      done: z.number(),
      failed: z.number().openapi({ description: "refused (see failures) or failed for good" }),
      waiting: z.number(),
      retrying: z
        .number()
        .openapi({ description: "of the waiting, those that failed and wait to retry" }),
    }),
    finished: z.boolean(),
    failures: z.array(
      z.object({
        clientId: z.number().optional(),
        externalId: z.string().optional(),
        reason: z.string(),
        final: z.boolean().openapi({ description: "false: it is retried" }),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi("PartnerRun");

const planEntry = z.object({
  clientId: z.number().nullable(),
  customerNumber: z.string().nullable(),
  externalId: z.string().nullable(),
  externalNumber: z.string().nullable(),
  name: z.string(),
  reason: z.string().optional(),
});
const sidePlan = z.object({
  created: z.number(),
  linked: z.number(),
  conflicts: z.number(),
  refused: z.number(),
  excluded: z.number(),
  lists: z.object({
    created: z.array(planEntry),
    linked: z.array(planEntry),
    conflicts: z.array(planEntry),
    refused: z.array(planEntry),
    excluded: z.array(planEntry),
  }),
});

export const partnerRunsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/partner-runs",
      operationId: "startPartnerRun",
      summary: "S6, S10: create partners for every customer of one side that has none",
      description:
        "Every customer of the side without a partner (not excluded, S9) gets one, with the number choice of S5 (`keep` or `next`); one with the same email on the other side is paired with it instead (S2). The run is recorded at once, whole, and worked off by the workers exactly once; a crash resumes it. Follow it with `GET /v1/partner-runs/{id}`. Transfer all (S10) is a run of each side. Managers and admins only.",
      roles: managerRoles,
      tags: ["integrations"],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .object({
              side: sides,
              numberChoice: z.enum(["keep", "next"]).optional().openapi({
                description:
                  "keep: each customer's number on its side (the default); next: the next free numbers of the side they are created on",
              }),
            })
            .strict(),
        ),
      },
      responses: { 202: json(runSchema, "the run, started"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await startPartnerRun(c.var.ctx, c.var.actor, c.req.valid("param").id, c.req.valid("json")),
        202,
      ),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/partner-runs",
      operationId: "listPartnerRuns",
      summary: "S6, S10: the store's partner runs, newest first (the last 50)",
      roles: anyRole,
      tags: ["integrations"],
      responses: {
        200: json(z.object({ runs: z.array(runSchema) }), "the runs"),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ runs: await listPartnerRunViews(c.var.ctx, c.var.actor) }, 200),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/partner-runs/{id}",
      operationId: "getPartnerRun",
      summary:
        "S6, S10: a partner run's progress: done, failed, waiting, and its failures' reasons",
      roles: anyRole,
      tags: ["integrations"],
      request: { params: idParam },
      responses: { 200: json(runSchema, "the run"), ...errorResponses },
    }),
    async (c) => c.json(await getPartnerRun(c.var.ctx, c.var.actor, c.req.valid("param").id), 200),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/plan",
      operationId: "planPartners",
      summary:
        "Dry run: what creating partners on each side would do, with the lists, writing nothing",
      description:
        "Before a partner run or before switching an integration on: how many customers would be created in the hub and in the other system, linked by email (S2), start in conflict (S7), be refused (with the reason) or stay excluded (S9), and the customers behind each number (the first `limit` of each list). Reads only. A prediction from what the hub has recorded of the other system.",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: idParam,
        query: z.object({
          numberChoice: z.enum(["keep", "next"]).default("keep"),
          limit: decimalInteger(1).pipe(z.number().max(10_000)).optional().openapi({
            description: "entries per list (default 100)",
          }),
        }),
      },
      responses: {
        200: json(
          z
            .object({
              integrationId: z.number(),
              numberChoice: z.enum(["keep", "next"]),
              hub: sidePlan,
              external: sidePlan,
              summary: z.string(),
            })
            .openapi("PartnerPlan"),
          "the plan",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { numberChoice, limit } = c.req.valid("query");
      return c.json(
        await planPartners(c.var.ctx, c.var.actor, c.req.valid("param").id, {
          numberChoice,
          limit: limit ?? 100,
        }),
        200,
      );
    },
  );
