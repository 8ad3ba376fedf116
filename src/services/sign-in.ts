import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import type { Queryable } from "../store/database.ts";
import { deleteSession, deleteSessionsOf, insertSession } from "../store/sessions-table.ts";
import {
  clearSignInFailures,
  recordSignInFailure,
  signInFailures,
} from "../store/sign-in-failures-table.ts";
import {
  findUserByEmail,
  findUserByInvitation,
  passwordHashOf,
  setInvitation,
  setPasswordHash,
  type UserRecord,
} from "../store/users-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import type { Actor } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { getStoreUser, type UserContext } from "./users.ts";

/** How long a sign-in lasts (a working day and then some), and an invitation. */
export const sessionHours = 12;
export const invitationDays = 7;
/** Failed sign-ins allowed per email, and per address, within the window, before a pause. */
export const failuresPerEmail = 5;
export const failuresPerAddress = 30;
export const failureWindowMinutes = 15;

/** A session token: 32 random bytes, prefixed so that it is told from an API token (tdm_). */
const newSessionToken = () => `tds_${randomBytes(32).toString("base64url")}`;
const newInvitationToken = () => `tdi_${randomBytes(32).toString("base64url")}`;

export const isSessionToken = (token: string) => token.startsWith("tds_");

/**
 * A password: 12 characters at least (NIST SP 800-63B's advice is length, not composition), 256
 * at most (hashing a megabyte would be a way to tie up the server).
 */
const password = z.string().min(12, "at least 12 characters").max(256, "at most 256 characters");

export const signInSchema = z
  .object({ email: z.string().trim().min(1).max(320), password: z.string().max(256) })
  .strict();
export const acceptInvitationSchema = z
  .object({ token: z.string().min(1).max(200), password })
  .strict();

// argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes)
const hashPassword = (plain: string) => hash(plain);

/**
 * Verified against when the email matches no user, so a wrong email takes as long as a wrong
 * password and the answer does not tell which emails have an account.
 */
let decoy: Promise<string> | undefined;

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: UserRecord;
}

/**
 * Signs a user in with email and password: a session token for the console (and any client),
 * valid for `sessionHours`. A wrong email, a wrong password, a user without a password yet and
 * a deactivated user all get the same answer. After `failuresPerEmail` failures for one email,
 * or `failuresPerAddress` from one address, within `failureWindowMinutes`, sign-ins wait until
 * the oldest failure leaves the window, right password or not.
 */
export async function signIn(ctx: UserContext, input: unknown, address: string): Promise<SignedIn> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const email = parsed.data.email.toLowerCase();
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - failureWindowMinutes * 60_000);
  const failures = await signInFailures(ctx.db, { email, address, since: windowStart });
  const oldest =
    failures.byEmail >= failuresPerEmail
      ? failures.oldestByEmail
      : failures.byAddress >= failuresPerAddress
        ? failures.oldestByAddress
        : null;
  if (oldest !== null) {
    const minutes = Math.max(
      1,
      Math.ceil((oldest.getTime() + failureWindowMinutes * 60_000 - now.getTime()) / 60_000),
    );
    throw new ServiceError(
      "too_many",
      `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an admin for a new invitation`,
      { retryAfterSeconds: minutes * 60 },
    );
  }
  const user = await findUserByEmail(ctx.db, email);
  const stored = user?.active ? await passwordHashOf(ctx.db, user.id) : null;
  const ok =
    stored !== null
      ? await verify(stored, parsed.data.password)
      : (await verify(await (decoy ??= hashPassword(newSessionToken())), parsed.data.password),
        false);
  if (!ok || !user) {
    await recordSignInFailure(ctx.db, { email, address, now, windowStart });
    ctx.log.info({ address }, "sign-in failed");
    throw new ServiceError("unauthenticated", "the email or the password is wrong");
  }
  await clearSignInFailures(ctx.db, email);
  return startSession(ctx.db, user, now);
}

async function startSession(q: Queryable, user: UserRecord, now: Date): Promise<SignedIn> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await insertSession(q, { storeId: user.storeId, userId: user.id, token, now, expiresAt });
  return { token, expiresAt, user };
}

/** Ends the session the request came with (an API token has none: nothing to end). */
export async function signOut(ctx: UserContext, sessionId: number | undefined): Promise<void> {
  if (sessionId !== undefined) await deleteSession(ctx.db, sessionId);
}

/**
 * An admin invites a user (new, or one who forgot their password): an invitation token, shown
 * once, valid for `invitationDays`, that sets the user's password and signs them in. A new
 * invitation replaces an open one; the user's password keeps working until the invitation is
 * accepted.
 */
export async function inviteUser(
  ctx: UserContext,
  actor: Actor,
  userId: number,
): Promise<{ user: UserRecord; invitation: { token: string; expiresAt: Date } }> {
  return ctx.db.transaction(async (tx) => {
    const user = await getStoreUser(tx, actor, userId, true);
    if (!user.active)
      throw new ServiceError(
        "conflict",
        `user ${userId} is deactivated: activate them before inviting them`,
      );
    const invitation = {
      token: newInvitationToken(),
      expiresAt: new Date(ctx.clock.now().getTime() + invitationDays * 86_400_000),
    };
    await setInvitation(tx, user.id, invitation);
    ctx.log.info({ userId: user.id, by: actor.userId }, "user invited");
    return { user, invitation };
  });
}

/**
 * The invited user sets their password with the invitation's token: every earlier session of
 * theirs ends, and they are signed in. An invitation is used once; an ended one, or one of a
 * deactivated user, matches nothing.
 */
export async function acceptInvitation(ctx: UserContext, input: unknown): Promise<SignedIn> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const user = await findUserByInvitation(tx, parsed.data.token, now);
    if (!user)
      throw new ServiceError(
        "unauthenticated",
        "the invitation is not valid (used, replaced by a newer one, or older than 7 days); ask an admin for a new one",
      );
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteSessionsOf(tx, user.id, now);
    ctx.log.info({ userId: user.id }, "invitation accepted");
    return startSession(tx, user, now);
  });
}
