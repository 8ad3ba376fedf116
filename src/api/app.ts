import { OpenAPIHono } from "@hono/zod-openapi";
import { authenticate } from "../services/users.ts";
import type { ServiceContext } from "../services/service-context.ts";
import { ServiceError } from "../services/service-error.ts";
import { activityRoutes } from "./activity-routes.ts";
import { collectionsRoutes } from "./collections-routes.ts";
import { conflictsRoutes } from "./conflicts-routes.ts";
import { customersRoutes } from "./customers-routes.ts";
import { eventsRoutes } from "./events-routes.ts";
import { hooksRoutes } from "./hooks-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { errorResponse } from "./http-errors.ts";
import { integrationsRoutes } from "./integrations-routes.ts";
import { jobsRoutes } from "./jobs-routes.ts";
import { usersRoutes } from "./users-routes.ts";

/**
 * The hub's HTTP API. Every /v1 route needs a bearer token; each route checks the caller's role.
 * Request bodies are validated against the same schemas the OpenAPI document is made from.
 */
export function createApp(ctx: ServiceContext) {
  const app = new OpenAPIHono<HubEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? issue.path.join(".") : "body";
        throw new ServiceError("invalid", `${where}: ${issue?.message ?? "invalid"}`);
      }
      return undefined;
    },
  });
  app.onError((error, c) =>
    errorResponse(error, c, (e) => ctx.log.error({ err: e }, "request failed")),
  );
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  app.use("/v1/*", async (c, next) => {
    const header = c.req.header("authorization");
    const token = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined;
    const actor = await authenticate(ctx, token);
    c.set("actor", actor);
    await next();
  });
  app.get("/health", (c) => c.json({ ok: true }));
  app.route("/", customersRoutes);
  app.route("/", conflictsRoutes);
  app.route("/", activityRoutes);
  app.route("/", collectionsRoutes);
  app.route("/", jobsRoutes);
  app.route("/", eventsRoutes);
  app.route("/", integrationsRoutes);
  app.route("/", usersRoutes);
  app.route("/", hooksRoutes);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tandem hub API",
      version: "1",
      description:
        "Customers, integrations and users of a Tandem hub. Authenticate with `Authorization: Bearer <token>`.",
    },
    security: [{ bearer: [] }],
  });
  return app;
}
