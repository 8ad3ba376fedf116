import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { requireRole } from "../services/users.ts";
import { ServiceError } from "../services/service-error.ts";
import type { Role } from "../store/users-table.ts";
import type { HubEnv } from "./hub-env.ts";

/** The role sets routes name (docs/rules.md, "R7.12", says who may do what and why). */
export const anyRole = ["admin", "manager", "associate"] as const satisfies readonly Role[];
export const managerRoles = ["admin", "manager"] as const satisfies readonly Role[];
export const adminRole = ["admin"] as const satisfies readonly Role[];

/** The OpenAPI extension that carries an operation's roles (the role matrix test reads it). */
export const rolesExtension = "x-roles";

type HubRouteConfig<P extends string> = Omit<RouteConfig, "path" | "middleware" | "hide"> & {
  path: P;
  operationId: string;
  summary: string;
};

/**
 * Every hub route is made here: `createRoute` plus the roles that may call it, written into the
 * OpenAPI document as `x-roles` and enforced by a middleware that runs before validation, so a
 * forbidden call is a 403 whatever its body. Example:
 *
 *   hubRoute({ method: "patch", path: "/v1/integrations/{id}", operationId: "updateIntegration",
 *              summary: "Change an integration", roles: adminRole, ... })
 *
 * eslint forbids `createRoute` elsewhere in src/api, and `checkEveryRouteHasRoles` refuses an app
 * with a /v1 route that did not come through here.
 */
export function hubRoute<P extends string, R extends HubRouteConfig<P>>(
  config: R & {
    /** the roles that may call this operation; everyone else gets 403 before the body is read */
    roles: readonly Role[];
  },
) {
  const { roles, ...rest } = config;
  const route = rest as unknown as R;
  if (roles.length === 0) throw new Error(`${route.operationId}: name at least one role`);
  const what = `${route.operationId} (${route.method.toUpperCase()} ${route.path})`;
  const enforce = createMiddleware<HubEnv>(async (c, next) => {
    const actor = c.get("actor") as HubEnv["Variables"]["actor"] | undefined;
    if (!actor)
      throw new ServiceError("unauthenticated", "send an API token: Authorization: Bearer <token>");
    requireRole(actor, roles, what);
    await next();
  });
  const who = `Roles: ${roles.join(", ")}.`;
  return createRoute({
    ...route,
    description: route.description ? `${route.description}\n\n${who}` : who,
    [rolesExtension]: [...roles],
    middleware: enforce,
  });
}

/**
 * A route anyone may call, without a token: signing in, and setting a password with an invitation.
 * Only under /auth/, so a public route can never land among the hub's /v1 routes.
 */
export function publicRoute<P extends string, R extends HubRouteConfig<P>>(config: R) {
  if (!config.path.startsWith("/auth/"))
    throw new Error(`${config.operationId}: a public route lives under /auth/, not ${config.path}`);
  return createRoute({ ...config, security: [] });
}

/**
 * Refuses an app in which a /v1 route has no declared roles: a route registered with a plain
 * `app.get(...)` or a bare `createRoute` would otherwise be open to every role.
 */
export function checkEveryRouteHasRoles(app: OpenAPIHono<HubEnv>) {
  const declared = new Set<string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== "route") continue;
    const route = definition.route as RouteConfig & { [rolesExtension]?: unknown };
    if (Array.isArray(route[rolesExtension]) && route[rolesExtension].length > 0)
      declared.add(`${route.method.toUpperCase()} ${route.path.replaceAll(/{(.+?)}/g, ":$1")}`);
  }
  const missing = new Set<string>();
  for (const { method, path } of app.routes) {
    if (method === "ALL" || !path.startsWith("/v1/")) continue;
    if (!declared.has(`${method} ${path}`)) missing.add(`${method} ${path}`);
  }
  if (missing.size > 0)
    throw new Error(
      `routes without declared roles (make them with hubRoute in src/api/role-route.ts): ${[...missing].join(", ")}`,
    );
}
