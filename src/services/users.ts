import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "../store/database.ts";
import { deleteSessionsOf, findSession } from "../store/sessions-table.ts";
import { firstStore, insertStore } from "../store/stores-table.ts";
import {
  findUserByEmail,
  findUserByToken,
  insertUser,
  listUsers,
  lockActiveAdmins,
  readUser,
  setUserActive,
  setUserRole,
  setUserToken,
  type Role,
  type UserRecord,
} from "../store/users-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** What the user operations need; the CLI opens just this on the store (no key, no connectors). */
export type UserContext = Pick<ServiceContext, "db" | "clock" | "log">;

/** A bearer token: 32 random bytes, prefixed so it is recognisable in a leaked log. */
export const newToken = () => `tdm_${randomBytes(32).toString("base64url")}`;

/**
 * The actor a request's token stands for: a session (a sign-in, tds_...) or an API token
 * (tdm_...). A session ends at its time, at sign-out, when its user is deactivated or sets a new
 * password; its role is read afresh each time, so a role changed by an admin holds at once.
 */
export async function authenticate(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<Actor & { sessionId?: number }> {
  if (!token)
    throw new ServiceError(
      "unauthenticated",
      "sign in (POST /auth/sessions) or send an API token: Authorization: Bearer <token>",
    );
  if (token.startsWith("tds_")) {
    const found = await findSession(ctx.db, token, ctx.clock.now());
    if (!found)
      throw new ServiceError(
        "unauthenticated",
        "the session has ended (signed out, timed out, or the user deactivated); sign in again",
      );
    return {
      userId: found.user.id,
      storeId: found.user.storeId,
      role: found.user.role,
      sessionId: found.session.id,
    };
  }
  const user = await findUserByToken(ctx.db, token);
  if (!user)
    throw new ServiceError(
      "unauthenticated",
      "the API token is not valid (revoked, replaced by a new one, or its user deactivated); ask an admin for a new one",
    );
  return { userId: user.id, storeId: user.storeId, role: user.role };
}

export interface Bootstrap {
  storeId: number;
  admin: UserRecord;
  /** set when a token was issued now (first start, or asked for) */
  token?: string;
}

/**
 * First start: a store and its admin user. Later starts find them. `rotateToken` issues a new
 * admin token (the old one stops working), for a lost token or the demo.
 */
export async function bootstrapHub(
  ctx: ServiceContext,
  options: {
    storeName: string;
    adminEmail: string;
    timeZone?: string;
    country?: string;
    rotateToken?: boolean;
  },
): Promise<Bootstrap> {
  return ctx.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(7413002)");
    const store = await firstStore(tx);
    const storeId =
      store?.id ??
      (await insertStore(tx, {
        name: options.storeName,
        timeZone: options.timeZone ?? "UTC",
        country: options.country ?? "US",
      }));
    const existing = await findUserByEmail(tx, options.adminEmail);
    if (existing && !options.rotateToken) return { storeId, admin: existing };
    const token = newToken();
    if (existing) {
      await setUserToken(tx, existing.id, token, ctx.clock.now());
      return { storeId, admin: existing, token };
    }
    const admin = await insertUser(tx, {
      storeId,
      name: "Administrator",
      email: options.adminEmail,
      role: "admin",
      token,
      now: ctx.clock.now(),
    });
    return { storeId, admin, token };
  });
}

export const userCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().email(),
  role: z.enum(["admin", "manager", "associate"]),
});

/** An admin adds a user; the answer carries the user's API token, shown this once. */
export async function createUser(ctx: UserContext, actor: Actor, input: unknown) {
  const parsed = userCreateSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  if (await findUserByEmail(ctx.db, parsed.data.email))
    throw new ServiceError("conflict", `email: a user with '${parsed.data.email}' exists already`);
  const token = newToken();
  const user = await insertUser(ctx.db, {
    ...parsed.data,
    storeId: actor.storeId,
    token,
    now: ctx.clock.now(),
  });
  return { user, token };
}

export const listStoreUsers = (ctx: UserContext, actor: Actor) => listUsers(ctx.db, actor.storeId);

/** A user of the actor's store, or not_found (another store's users do not exist for it). */
export async function getStoreUser(
  q: Queryable,
  actor: Actor,
  userId: number,
  forUpdate = false,
): Promise<UserRecord> {
  const user = await readUser(q, userId, forUpdate);
  if (!user || user.storeId !== actor.storeId)
    throw new ServiceError("not_found", `user ${userId} does not exist`);
  return user;
}

/** The user with this email, for the CLI (which works on the store directly, as the system). */
export async function userByEmail(ctx: UserContext, email: string): Promise<UserRecord> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user)
    throw new ServiceError(
      "not_found",
      `no user has the email '${email}'; \`tandem users list\` shows them`,
    );
  return user;
}

/**
 * R7.14: deactivates a user. Their token stops working at once (it is dropped; a deactivated
 * user matches no token either), and their data and history stay. The store's last active admin
 * can't be deactivated: nobody could manage users after it.
 */
export async function deactivateUser(
  ctx: UserContext,
  actor: Actor,
  userId: number,
): Promise<UserRecord> {
  return ctx.db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor.storeId);
    const user = await getStoreUser(tx, actor, userId, true);
    if (!user.active) return user;
    if (user.role === "admin" && admins.length <= 1 && admins.includes(user.id))
      throw new ServiceError(
        "conflict",
        `user ${userId} is the last active admin and can't be deactivated: add another admin first`,
      );
    await setUserActive(tx, user.id, false, ctx.clock.now());
    await deleteSessionsOf(tx, user.id, ctx.clock.now());
    ctx.log.info({ userId: user.id, by: actor.userId }, "user deactivated");
    return (await readUser(tx, user.id))!;
  });
}

/** R7.14: lets a deactivated user back in; they need a newly issued token to sign in. */
export async function activateUser(
  ctx: UserContext,
  actor: Actor,
  userId: number,
): Promise<UserRecord> {
  return ctx.db.transaction(async (tx) => {
    const user = await getStoreUser(tx, actor, userId, true);
    if (!user.active) {
      await setUserActive(tx, user.id, true, ctx.clock.now());
      ctx.log.info({ userId: user.id, by: actor.userId }, "user activated");
    }
    return (await readUser(tx, user.id))!;
  });
}

/** R7.14: issues a user a new token; the old one stops working at once. Shown this once. */
export async function issueToken(
  ctx: UserContext,
  actor: Actor,
  userId: number,
): Promise<{ user: UserRecord; token: string }> {
  return ctx.db.transaction(async (tx) => {
    const user = await getStoreUser(tx, actor, userId, true);
    if (!user.active)
      throw new ServiceError(
        "conflict",
        `user ${userId} is deactivated: activate them before issuing a token`,
      );
    const token = newToken();
    await setUserToken(tx, user.id, token, ctx.clock.now());
    ctx.log.info({ userId: user.id, by: actor.userId }, "token issued");
    return { user: (await readUser(tx, user.id))!, token };
  });
}

/** R7.14: revokes a user's token (a lost or leaked one); they can't sign in until issued a new one. */
export async function revokeToken(
  ctx: UserContext,
  actor: Actor,
  userId: number,
): Promise<UserRecord> {
  return ctx.db.transaction(async (tx) => {
    const user = await getStoreUser(tx, actor, userId, true);
    await setUserToken(tx, user.id, null, ctx.clock.now());
    ctx.log.info({ userId: user.id, by: actor.userId }, "token revoked");
    return (await readUser(tx, user.id))!;
  });
}

/**
 * An admin changes a user's role; it holds from the user's next request (sessions and tokens read
 * it afresh). The store's last active admin keeps the role: nobody could manage users after it.
 */
export async function changeUserRole(
  ctx: UserContext,
  actor: Actor,
  userId: number,
  input: unknown,
): Promise<UserRecord> {
  const parsed = z.object({ role: userCreateSchema.shape.role }).strict().safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const { role } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor.storeId);
    const user = await getStoreUser(tx, actor, userId, true);
    if (user.role === role) return user;
    if (user.role === "admin" && admins.length <= 1 && admins.includes(user.id))
      throw new ServiceError(
        "conflict",
        `user ${userId} is the last active admin and keeps the role: make another user admin first`,
      );
    await setUserRole(tx, user.id, role);
    ctx.log.info({ userId: user.id, by: actor.userId, role }, "role changed");
    return (await readUser(tx, user.id))!;
  });
}

/** The roles allowed to do something; api/role-route.ts enforces each route's declared roles. */
export function requireRole(actor: Actor, allowed: readonly Role[], what: string) {
  if (!allowed.includes(actor.role))
    throw new ServiceError(
      "forbidden",
      `${what} needs the role ${allowed.join(" or ")}; you are ${actor.role}`,
    );
}
