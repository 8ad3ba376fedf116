import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createUser, listStoreUsers, requireRole, userCreateSchema } from "../services/users.ts";
import type { HubEnv } from "./hub-env.ts";
import { errorResponses, json, jsonBody } from "./schemas.ts";

const userSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["admin", "manager", "associate"]),
  })
  .openapi("User");

const publicUser = (u: {
  id: number;
  name: string;
  email: string;
  role: "admin" | "manager" | "associate";
}) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
});

export const usersRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/me",
      operationId: "getMe",
      tags: ["users"],
      responses: { 200: json(userSchema, "the user the token belongs to"), ...errorResponses },
    }),
    async (c) => {
      const users = await listStoreUsers(c.var.ctx, c.var.actor);
      const me = users.find((u) => u.id === c.var.actor.userId);
      return c.json(publicUser(me!), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/users",
      operationId: "listUsers",
      tags: ["users"],
      responses: {
        200: json(z.object({ users: z.array(userSchema) }), "the store's users"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, ["admin", "manager"], "listing users");
      return c.json({ users: (await listStoreUsers(c.var.ctx, c.var.actor)).map(publicUser) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/users",
      operationId: "createUser",
      tags: ["users"],
      request: jsonBody(userCreateSchema),
      responses: {
        201: json(
          z.object({ user: userSchema, token: z.string() }),
          "the user and its API token, shown once",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, ["admin"], "adding a user");
      const { user, token } = await createUser(c.var.ctx, c.var.actor, c.req.valid("json"));
      return c.json({ user: publicUser(user), token }, 201);
    },
  );
