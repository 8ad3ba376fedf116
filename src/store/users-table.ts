import { createHash } from "node:crypto";
import type { Queryable } from "./database.ts";

export type Role = "admin" | "manager" | "associate";

export interface UserRecord {
  id: number;
  storeId: number;
  name: string;
  email: string;
  role: Role;
}

interface UserRow {
  id: number;
  store_id: number;
  name: string;
  email: string;
  role: Role;
}

const fromRow = (r: UserRow): UserRecord => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  email: r.email,
  role: r.role,
});

/** API tokens are stored as their SHA-256: a leaked database does not leak working tokens. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function findUserByToken(
  q: Queryable,
  token: string,
): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>("select * from users where token_hash = $1", [
    hashToken(token),
  ]);
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

export async function readUser(q: Queryable, id: number): Promise<UserRecord | undefined> {
  const [row] = await q.query<UserRow>("select * from users where id = $1", [id]);
  return row ? fromRow(row) : undefined;
}

export async function listUsers(q: Queryable, storeId: number): Promise<UserRecord[]> {
  const rows = await q.query<UserRow>("select * from users where store_id = $1 order by id", [
    storeId,
  ]);
  return rows.map(fromRow);
}

export async function insertUser(
  q: Queryable,
  user: { storeId: number; name: string; email: string; role: Role; token: string; now: Date },
): Promise<UserRecord> {
  const [row] = await q.query<UserRow>(
    `insert into users (store_id, name, email, role, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)
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

export async function setUserToken(q: Queryable, id: number, token: string) {
  await q.query("update users set token_hash = $2 where id = $1", [id, hashToken(token)]);
}
