import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  activateUser,
  changeUserRole,
  createUser,
  deactivateUser,
  getStoreUser,
  issueToken,
  listStoreUsers,
  revokeToken,
  userCreateSchema,
} from "../services/users.ts";
import type { UserRecord } from "../store/users-table.ts";
import type { HubEnv } from "./hub-env.ts";
import { adminRole, anyRole, hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody } from "./schemas.ts";

export const userSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["admin", "manager", "associate"]),
    active: z.boolean().openapi({ description: "false once deactivated" }),
    tokenIssuedAt: z
      .string()
      .nullable()
      .openapi({ description: "when the current token was issued; null: the user has none" }),
  })
  .openapi("User");

export const publicUser = (u: UserRecord) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  active: u.active,
  tokenIssuedAt: u.tokenIssuedAt?.toISOString() ?? null,
});

const withToken = json(
  z.object({ user: userSchema, token: z.string() }),
  "the user and its API token, shown once (only its hash is stored)",
);

const conflict = {
  409: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "not possible in the user's state (the last active admin, a deactivated user)",
  ),
};

export const usersRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/me",
      operationId: "getMe",
      summary: "The user the token belongs to",
      tags: ["users"],
      roles: anyRole,
      responses: { 200: json(userSchema, "the user the token belongs to"), ...errorResponses },
    }),
    async (c) =>
      c.json(publicUser(await getStoreUser(c.var.ctx.db, c.var.actor, c.var.actor.userId!)), 200),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/users",
      operationId: "listUsers",
      summary: "The store's users, active and deactivated",
      tags: ["users"],
      roles: managerRoles,
      responses: {
        200: json(z.object({ users: z.array(userSchema) }), "the store's users"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ users: (await listStoreUsers(c.var.ctx, c.var.actor)).map(publicUser) }, 200),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/users",
      operationId: "createUser",
      summary: "Add a user; the answer carries their API token, shown once",
      tags: ["users"],
      roles: adminRole,
      request: jsonBody(userCreateSchema),
      responses: { 201: withToken, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const { user, token } = await createUser(c.var.ctx, c.var.actor, c.req.valid("json"));
      return c.json({ user: publicUser(user), token }, 201);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/users/{id}/deactivate",
      operationId: "deactivateUser",
      summary: "Deactivate a user: their token stops working at once",
      description:
        "Their customers, notes and history stay. The store's last active admin can't be deactivated (409): add another admin first.",
      tags: ["users"],
      roles: adminRole,
      request: { params: idParam },
      responses: { 200: json(userSchema, "the user, deactivated"), ...errorResponses, ...conflict },
    }),
    async (c) =>
      c.json(
        publicUser(await deactivateUser(c.var.ctx, c.var.actor, c.req.valid("param").id)),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/users/{id}",
      operationId: "changeUserRole",
      summary: "Change a user's role",
      description:
        "Holds from the user's next request (sessions and tokens read the role afresh). The store's last active admin keeps the role (409). Admins only.",
      tags: ["users"],
      roles: adminRole,
      request: {
        params: idParam,
        ...jsonBody(z.object({ role: z.enum(["admin", "manager", "associate"]) }).strict()),
      },
      responses: { 200: json(userSchema, "the user"), ...errorResponses, ...conflict },
    }),
    async (c) =>
      c.json(
        publicUser(
          await changeUserRole(
            c.var.ctx,
            c.var.actor,
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/users/{id}/activate",
      operationId: "activateUser",
      summary: "Activate a deactivated user; they need a newly issued token to sign in",
      tags: ["users"],
      roles: adminRole,
      request: { params: idParam },
      responses: { 200: json(userSchema, "the user, active"), ...errorResponses },
    }),
    async (c) =>
      c.json(publicUser(await activateUser(c.var.ctx, c.var.actor, c.req.valid("param").id)), 200),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/users/{id}/token",
      operationId: "issueUserToken",
      summary: "Issue a user a new API token; the old one stops working at once",
      tags: ["users"],
      roles: adminRole,
      request: { params: idParam },
      responses: { 201: withToken, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const { user, token } = await issueToken(c.var.ctx, c.var.actor, c.req.valid("param").id);
      return c.json({ user: publicUser(user), token }, 201);
    },
  )
  .openapi(
    hubRoute({
      method: "delete",
      path: "/v1/users/{id}/token",
      operationId: "revokeUserToken",
      summary:
        "Revoke a user's API token (lost or leaked); they can't sign in until issued a new one",
      tags: ["users"],
      roles: adminRole,
      request: { params: idParam },
      responses: { 200: json(userSchema, "the user, without a token"), ...errorResponses },
    }),
    async (c) =>
      c.json(publicUser(await revokeToken(c.var.ctx, c.var.actor, c.req.valid("param").id)), 200),
  );
