import { OpenAPIHono, z } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import {
  acceptInvitation,
  acceptInvitationSchema,
  inviteUser,
  signIn,
  signInSchema,
  signOut,
  type SignedIn,
} from "../services/sign-in.ts";
import { ServiceError } from "../services/service-error.ts";
import type { HubEnv } from "./hub-env.ts";
import { adminRole, anyRole, hubRoute, publicRoute } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody } from "./schemas.ts";
import { publicUser, userSchema } from "./users-routes.ts";

/** The cookie a browser's sign-in travels in (HttpOnly: the console's scripts never see it). */
export const sessionCookie = "tandem_session";

/** A request carrying the session cookie that a page of another site made: refused (403). */
export function refuseOtherOrigin(origin: string | undefined, url: string) {
  if (origin !== undefined && origin !== new URL(url).origin)
    throw new ServiceError(
      "forbidden",
      `a signed-in change must come from the hub's own pages (${new URL(url).origin}), not ${origin}`,
    );
}

const sessionSchema = z
  .object({
    token: z.string().openapi({
      description:
        "the session token (also set as the HttpOnly cookie tandem_session): send it as Authorization: Bearer <token>",
    }),
    expiresAt: z.string(),
    user: userSchema,
  })
  .openapi("Session");

/** The caller's address, for throttling sign-ins; "unknown" where the server does not say. */
function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

function started(c: Context<HubEnv>, s: SignedIn) {
  setCookie(c, sessionCookie, s.token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    path: "/",
    expires: s.expiresAt,
  });
  return { token: s.token, expiresAt: s.expiresAt.toISOString(), user: publicUser(s.user) };
}

const tooMany = {
  429: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "too many failed sign-ins: try again after Retry-After seconds",
  ),
};

export const signInRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    publicRoute({
      method: "post",
      path: "/auth/sessions",
      operationId: "signIn",
      summary: "Sign in with email and password",
      description:
        "A session for 12 hours, as a token and as an HttpOnly cookie. A wrong email, a wrong password and a deactivated user get the same 401. After 5 failures for one email (or 30 from one address) within 15 minutes, sign-ins wait (429 with Retry-After). Passwords are stored as argon2id hashes.",
      tags: ["sign-in"],
      request: jsonBody(signInSchema),
      responses: { 201: json(sessionSchema, "signed in"), ...errorResponses, ...tooMany },
    }),
    async (c) =>
      c.json(started(c, await signIn(c.var.ctx, c.req.valid("json"), addressOf(c))), 201),
  )
  .openapi(
    publicRoute({
      method: "post",
      path: "/auth/invitations/acceptance",
      operationId: "acceptInvitation",
      summary: "Set a password with an invitation, and sign in",
      description:
        "The token an admin got when inviting the user (POST /v1/users/{id}/invitation), used once within 7 days. The password: 12 to 256 characters. Every earlier session of the user ends.",
      tags: ["sign-in"],
      request: jsonBody(acceptInvitationSchema),
      responses: { 201: json(sessionSchema, "the password set, signed in"), ...errorResponses },
    }),
    async (c) => c.json(started(c, await acceptInvitation(c.var.ctx, c.req.valid("json"))), 201),
  )
  .openapi(
    hubRoute({
      method: "delete",
      path: "/v1/sessions/current",
      operationId: "signOut",
      summary: "Sign out: end the session the request came with",
      description:
        "With an API token there is no session: nothing ends (revoke the token instead).",
      roles: anyRole,
      tags: ["sign-in"],
      responses: { 204: { description: "signed out" }, ...errorResponses },
    }),
    async (c) => {
      await signOut(c.var.ctx, c.var.actor.sessionId);
      deleteCookie(c, sessionCookie, { path: "/" });
      return c.body(null, 204);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/users/{id}/invitation",
      operationId: "inviteUser",
      summary: "Invite a user to set their password (new, or one who forgot it)",
      description:
        "An invitation token, shown this once, valid for 7 days, for POST /auth/invitations/acceptance. A new invitation replaces an open one; the user's password keeps working until it is accepted. Admins only.",
      roles: adminRole,
      tags: ["users"],
      request: { params: idParam },
      responses: {
        201: json(
          z.object({
            user: userSchema,
            invitation: z.object({ token: z.string(), expiresAt: z.string() }),
          }),
          "the invitation, shown once (only its hash is stored)",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { user, invitation } = await inviteUser(
        c.var.ctx,
        c.var.actor,
        c.req.valid("param").id,
      );
      return c.json(
        {
          user: publicUser(user),
          invitation: { token: invitation.token, expiresAt: invitation.expiresAt.toISOString() },
        },
        201,
      );
    },
  );
