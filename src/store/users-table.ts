import { createHash } from "node:crypto";
import type { Queryable } from "./database.ts";

export type Role = "admin" | "manager" | "associate";

export interface UserRecord {
  id: number;
  storeId: number;
  name: string;
  email: string;
  role: Role;
  /** false once deactivated: the user's token is gone and no new one is issued until activated */
  active: boolean;
  /** when the user's current token was issued; null when the user has none (revoked) */
  tokenIssuedAt: Date | null;
}

interface UserRow {
  id: number;
  store_id: number;
  name: string;
  email: string;
  role: Role;
  token_hash: string | null;
  deactivated_at: Date | null;
  token_issued_at: Date | null;
}

const fromRow = (r: UserRow): UserRecord => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  email: r.email,
  role: r.role,
  active: r.deactivated_at === null,
  tokenIssuedAt: r.token_hash === null ? null : r.token_issued_at,
});

/** API tokens are stored as their SHA-256: a leaked database does not leak working tokens. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The active user a token belongs to; a deactivated user's token matches nothing. */
export async function findUserByToken(
  q: Queryable,
  token: string,
): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>(
    "select * from users where token_hash = $1 and deactivated_at is null",
    [hashToken(token)],
  );
  return row ? fromRow(row) : undefined;
}

export async function findUserByEmail(
  q: Queryable,
  email: string,
): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>("select * from users where email = $1", [
    email.trim().toLowerCase(),
  ]);
  return row ? fromRow(row) : undefined;
}

/** One user; with `forUpdate`, the row stays locked until the transaction ends. */
export async function readUser(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>(
    `select * from users where id = $1${forUpdate ? " for update" : ""}`,
    [id],
  );
  return row ? fromRow(row) : undefined;
}

export async function listUsers(q: Queryable, storeId: number): Promise<UserRecord[]> {
  const rows = await q.query<UserRow>("select * from users where store_id = $1 order by id", [
    storeId,
  ]);
  return rows.map(fromRow);
}

/**
 * The store's active admins, their rows locked until the transaction ends: two admins
 * deactivating each other at once take turns, and the second sees it would be the last.
 */
export async function lockActiveAdmins(q: Queryable, storeId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `select id from users where store_id = $1 and role = 'admin' and deactivated_at is null
     order by id for update`,
    [storeId],
  );
  return rows.map((r) => r.id);
}

export async function insertUser(
  q: Queryable,
  user: { storeId: number; name: string; email: string; role: Role; token: string; now: Date },
): Promise<UserRecord> {
  const [row] = await q.query<UserRow>(
    `insert into users (store_id, name, email, role, token_hash, token_issued_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $6)
     returning *`,
    [
      user.storeId,
      user.name,
      user.email.trim().toLowerCase(),
      user.role,
      hashToken(user.token),
      user.now,
    ],
  );
  return fromRow(row!);
}

/** Replaces a user's token (the old one stops working); null revokes it. */
export async function setUserToken(q: Queryable, id: number, token: string | null, now: Date) {
  await q.query("update users set token_hash = $2, token_issued_at = $3 where id = $1", [
    id,
    token === null ? null : hashToken(token),
    token === null ? null : now,
  ]);
}

/** Deactivating also drops the token, so activating again needs a newly issued one. */
export async function setUserActive(q: Queryable, id: number, active: boolean, now: Date) {
  await q.query(
    active
      ? "update users set deactivated_at = null where id = $1"
      : "update users set deactivated_at = $2, token_hash = null, token_issued_at = null where id = $1",
    active ? [id] : [id, now],
  );
}

/** A user's password hash (argon2id, made by the caller), for a sign-in to verify against. */
export async function passwordHashOf(q: Queryable, id: number): Promise<string | null> {
  const [row] = await q.query<{ password_hash: string | null }>(
    "select password_hash from users where id = $1",
    [id],
  );
  return row?.password_hash ?? null;
}

/** Sets a user's password (its argon2id hash) and closes their invitation. */
export async function setPasswordHash(q: Queryable, id: number, hash: string): Promise<void> {
  await q.query(
    "update users set password_hash = $2, invitation_hash = null, invitation_expires_at = null where id = $1",
    [id, hash],
  );
}

/** Opens an invitation (a new token replaces an open one); the token is shown once. */
export async function setInvitation(
  q: Queryable,
  id: number,
  invitation: { token: string; expiresAt: Date },
): Promise<void> {
  await q.query("update users set invitation_hash = $2, invitation_expires_at = $3 where id = $1", [
    id,
    hashToken(invitation.token),
    invitation.expiresAt,
  ]);
}

/** The active user an open invitation token belongs to, its row locked, while it lasts. */
export async function findUserByInvitation(
  q: Queryable,
  token: string,
  now: Date,
): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>(
    `select * from users
     where invitation_hash = $1 and invitation_expires_at > $2 and deactivated_at is null
     for update`,
    [hashToken(token), now],
  );
  return row ? fromRow(row) : undefined;
}

export async function setUserRole(q: Queryable, id: number, role: Role): Promise<void> {
  await q.query("update users set role = $2 where id = $1", [id, role]);
}
