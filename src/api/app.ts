import { getCookie } from "hono/cookie";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describeIssue } from "../services/customer-schemas.ts";
import { authenticate } from "../services/users.ts";
import type { ServiceContext } from "../services/service-context.ts";
import { ServiceError } from "../services/service-error.ts";
import { activityRoutes } from "./activity-routes.ts";
import { backfillRoutes } from "./backfill-routes.ts";
import { followUpsRoutes } from "./follow-ups-routes.ts";
import { assignmentRoutes } from "./assignment-routes.ts";
import { salesBatchesRoutes } from "./sales-batches-routes.ts";
import { salesRoutes } from "./sales-routes.ts";
import { storeRoutes } from "./store-routes.ts";
import { refuseOtherOrigin, sessionCookie, signInRoutes } from "./sign-in-routes.ts";
import { collectionsRoutes } from "./collections-routes.ts";
import { consoleFiles } from "./console-files.ts";
import { conflictsRoutes } from "./conflicts-routes.ts";
import { contactsRoutes } from "./contacts-routes.ts";
import { customerFilesRoutes } from "./customer-files-routes.ts";
import { customersRoutes } from "./customers-routes.ts";
import { eventsRoutes } from "./events-routes.ts";
import { hooksRoutes } from "./hooks-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { errorResponse } from "./http-errors.ts";
import { integrationsRoutes } from "./integrations-routes.ts";
import { jobsRoutes } from "./jobs-routes.ts";
import { liveRoutes } from "./live-routes.ts";
import { createLiveChanges } from "../services/live-changes.ts";
import { partnerRunsRoutes } from "./partner-runs-routes.ts";
import { partnersRoutes } from "./partners-routes.ts";
import { requestChecks } from "./request-checks.ts";
import { checkEveryRouteHasRoles } from "./role-route.ts";
import { usersRoutes } from "./users-routes.ts";

export interface ApiLimits {
  /** R7.11: the largest request body read, in bytes (config: --max-body-bytes) */
  maxBodyBytes: number;
  /** I3: the largest customer file an upload may carry, in bytes (config: --max-file-bytes) */
  maxFileBytes?: number;
}

export const defaultApiLimits: ApiLimits = { maxBodyBytes: 1_048_576 };

/** I3: the default of --max-file-bytes (docs/file-format.md, "Size"). */
export const defaultMaxFileBytes = 536_870_912;

/**
 * The hub's HTTP API. Every /v1 route needs a bearer token and declares the roles that may call it
 * (api/role-route.ts; `x-roles` in the OpenAPI document). Every request passes the same input
 * checks (request-checks.ts: size, content type, JSON, text) and its body is validated, strictly,
 * against the schema the OpenAPI document is made from.
 */
export function createApp(ctx: ServiceContext, limits: ApiLimits = defaultApiLimits) {
  const app = new OpenAPIHono<HubEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ServiceError("invalid", describeIssue(result.error));
      return undefined;
    },
  });
  app.onError((error, c) =>
    errorResponse(error, c, (e) =>
      ctx.log.error({ err: e, method: c.req.method, route: c.req.routePath }, "request failed"),
    ),
  );
  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    c.set("maxFileBytes", limits.maxFileBytes ?? defaultMaxFileBytes);
    await next();
  });
  app.use("/v1/*", async (c, next) => {
    const header = c.req.header("authorization");
    const bearer = header?.startsWith("Bearer ")
      ? header.slice("Bearer ".length).trim()
      : undefined;
    // the console's sign-in travels in its cookie; a changing request with it must come from
    // the hub's own pages (SameSite=Strict keeps other sites' requests from carrying it, and
    // the Origin check is for browsers that do not honour that)
    const cookie = bearer === undefined ? getCookie(c, sessionCookie) : undefined;
    if (cookie !== undefined && !["GET", "HEAD"].includes(c.req.method))
      refuseOtherOrigin(c.req.header("origin"), c.req.url);
    const actor = await authenticate(ctx, bearer ?? cookie);
    c.set("actor", actor);
    await next();
  });
  // after the token check, so that nobody unauthenticated gets a body read
  const checks = requestChecks(limits);
  app.use("/v1/*", ...checks);
  app.use("/auth/*", ...checks);
  app.use("/hooks/*", ...checks);
  app.get("/health", (c) => c.json({ ok: true }));
  app.route("/", customerFilesRoutes);
  app.route("/", customersRoutes);
  app.route("/", assignmentRoutes);
  app.route("/", salesBatchesRoutes);
  app.route("/", backfillRoutes);
  app.route("/", salesRoutes);
  app.route("/", followUpsRoutes);
  app.route("/", storeRoutes);
  app.route("/", contactsRoutes);
  app.route("/", conflictsRoutes);
  app.route("/", activityRoutes);
  app.route("/", collectionsRoutes);
  app.route("/", jobsRoutes);
  app.route("/", eventsRoutes);
  app.route("/", integrationsRoutes);
  app.route("/", partnersRoutes);
  app.route("/", partnerRunsRoutes);
  app.route("/", usersRoutes);
  app.route("/", signInRoutes);
  app.route("/", hooksRoutes);
  app.route("/", liveRoutes(createLiveChanges(ctx)));
  checkEveryRouteHasRoles(app);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tandem hub API",
      version: "1",
      license: { name: "MIT", url: "https://opensource.org/license/mit" },
      description:
        "Customers, integrations and users of a Tandem hub. Authenticate with `Authorization: Bearer <token>`.",
    },
    servers: [{ url: "/", description: "the hub that serves this document" }],
    security: [{ bearer: [] }],
  });
  // last: the console's pages answer only what no API route did
  app.route("/", consoleFiles());
  return app;
}
