import type { Queryable } from "./database.ts";
import { hashToken, type UserRecord } from "./users-table.ts";

/** A signed-in session: its user (active) and when it ends. */
export interface SessionRecord {
  id: number;
  userId: number;
  expiresAt: Date;
}

export async function insertSession(
  q: Queryable,
  s: { storeId: number; userId: number; token: string; now: Date; expiresAt: Date },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into sessions (store_id, user_id, token_hash, created_at, expires_at)
     values ($1, $2, $3, $4, $5) returning id`,
    [s.storeId, s.userId, hashToken(s.token), s.now, s.expiresAt],
  );
  return row!.id;
}

/**
 * The session a token belongs to, with its user, while it lasts and its user is active: a
 * deactivated user's sessions match nothing, and an ended one is as if it never was.
 */
export async function findSession(
  q: Queryable,
  token: string,
  now: Date,
): Promise<
  { session: SessionRecord; user: Pick<UserRecord, "id" | "storeId" | "role"> } | undefined
> {
  const [row] = await q.query<{
    id: number;
    user_id: number;
    store_id: number;
    role: UserRecord["role"];
    expires_at: Date;
  }>(
    `select s.id, s.user_id, u.store_id, u.role, s.expires_at
     from sessions s join users u on u.id = s.user_id and u.deactivated_at is null
     where s.token_hash = $1 and s.expires_at > $2`,
    [hashToken(token), now],
  );
  if (!row) return undefined;
  return {
    session: { id: row.id, userId: row.user_id, expiresAt: row.expires_at },
    user: { id: row.user_id, storeId: row.store_id, role: row.role },
  };
}

export async function deleteSession(q: Queryable, id: number): Promise<void> {
  await q.query("delete from sessions where id = $1", [id]);
}

/** Ends every session of a user (deactivated, or their password set anew); and ended ones. */
export async function deleteSessionsOf(q: Queryable, userId: number, now: Date): Promise<void> {
  await q.query("delete from sessions where user_id = $1 or expires_at <= $2", [userId, now]);
}
