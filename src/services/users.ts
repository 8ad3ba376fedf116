import { randomBytes } from "node:crypto";
import { z } from "zod";
import { firstStore, insertStore } from "../store/stores-table.ts";
import {
  findUserByEmail,
  findUserByToken,
  insertUser,
  listUsers,
  setUserToken,
  type Role,
  type UserRecord,
} from "../store/users-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** A bearer token: 32 random bytes, prefixed so it is recognisable in a leaked log. */
export const newToken = () => `tdm_${randomBytes(32).toString("base64url")}`;

export async function authenticate(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<Actor & { user: UserRecord }> {
  if (!token)
    throw new ServiceError("unauthenticated", "send an API token: Authorization: Bearer <token>");
  const user = await findUserByToken(ctx.db, token);
  if (!user) throw new ServiceError("unauthenticated", "the API token is not valid");
  return { userId: user.id, storeId: user.storeId, role: user.role, user };
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
      await setUserToken(tx, existing.id, token);
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
export async function createUser(ctx: ServiceContext, actor: Actor, input: unknown) {
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

export const listStoreUsers = (ctx: ServiceContext, actor: Actor) =>
  listUsers(ctx.db, actor.storeId);

/** Every role: customers, their data and their conflicts are every user's work (A7's finer rules come with assignment). */
export const everyRole = ["admin", "manager", "associate"] as const;

/** The roles allowed to do something, in one place per use (api routes name them). */
export function requireRole(actor: Actor, allowed: readonly Role[], what: string) {
  if (!allowed.includes(actor.role))
    throw new ServiceError(
      "forbidden",
      `${what} needs the role ${allowed.join(" or ")}; you are ${actor.role}`,
    );
}
