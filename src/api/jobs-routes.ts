import { OpenAPIHono, z } from "@hono/zod-openapi";
import { retryDeadJob, storeJobs } from "../services/jobs.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json } from "./schemas.ts";

const jobSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    state: z.string(),
    attempts: z.number(),
    lastError: z.string().nullable(),
    payload: z.unknown(),
    updatedAt: z.string(),
  })
  .openapi("Job");

export const jobsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/jobs",
      operationId: "listJobs",
      summary: "Outbound work by state; dead jobs are the errors waiting for a retry (S11)",
      roles: managerRoles,
      tags: ["jobs"],
      request: {
        query: z.object({ state: z.enum(["ready", "running", "done", "dead"]).default("dead") }),
      },
      responses: {
        200: json(z.object({ jobs: z.array(jobSchema) }), "jobs, newest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const jobs = await storeJobs(c.var.ctx, c.var.actor, c.req.valid("query").state);
      return c.json(
        { jobs: jobs.map((j) => ({ ...j, updatedAt: j.updatedAt.toISOString() })) },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/jobs/{id}/retry",
      operationId: "retryJob",
      summary: "Retry a dead job: the customer is synced again with what both sides hold now",
      roles: managerRoles,
      tags: ["jobs"],
      request: { params: idParam },
      responses: {
        200: json(customerSchema, "the customer, sync queued again"),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json(await retryDeadJob(c.var.ctx, c.var.actor, c.req.valid("param").id), 200);
    },
  );
