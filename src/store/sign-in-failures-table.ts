import type { Queryable } from "./database.ts";

/**
 * Failed sign-ins, counted by email and by the caller's address over a window. Why a table of our
 * own rather than a rate-limit library: the limit must hold across every API process sharing the
 * store, and the libraries that share state speak to Redis or to PostgreSQL through `pg` only,
 * not to the embedded store the hub runs on by default.
 */
export async function recordSignInFailure(
  q: Queryable,
  f: { email: string; address: string; now: Date; windowStart: Date },
): Promise<void> {
  await q.query("delete from sign_in_failures where at <= $1", [f.windowStart]);
  await q.query("insert into sign_in_failures (email, address, at) values ($1, $2, $3)", [
    f.email,
    f.address,
    f.now,
  ]);
}

/** How many sign-ins failed since `since` for this email, and from this address. */
export async function signInFailures(
  q: Queryable,
  key: { email: string; address: string; since: Date },
): Promise<{
  byEmail: number;
  byAddress: number;
  oldestByEmail: Date | null;
  oldestByAddress: Date | null;
}> {
  const [row] = await q.query<{
    by_email: number;
    by_address: number;
    oldest_email: Date | null;
    oldest_address: Date | null;
  }>(
    `select count(*) filter (where email = $1)::int as by_email,
            count(*) filter (where address = $2)::int as by_address,
            min(at) filter (where email = $1) as oldest_email,
            min(at) filter (where address = $2) as oldest_address
     from sign_in_failures where at > $3 and (email = $1 or address = $2)`,
    [key.email, key.address, key.since],
  );
  return {
    byEmail: row?.by_email ?? 0,
    byAddress: row?.by_address ?? 0,
    oldestByEmail: row?.oldest_email ?? null,
    oldestByAddress: row?.oldest_address ?? null,
  };
}

/** A successful sign-in clears the email's failures (its address's stay). */
export async function clearSignInFailures(q: Queryable, email: string): Promise<void> {
  await q.query("delete from sign_in_failures where email = $1", [email]);
}
