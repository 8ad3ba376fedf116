import type { Queryable } from "./database.ts";

/**
 * Takes the poll lease of one feed of an integration if it is due and nobody holds it: several
 * workers may try, one polls. Returns the stored cursor ({ cursor: null } for a first poll), or
 * undefined when the feed is not due or another worker holds the lease.
 */
export async function leasePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  intervalSeconds: number,
  leaseSeconds: number,
  now: Date,
): Promise<{ cursor: string | null } | undefined> {
  await q.query(
    "insert into poll_cursors (integration_id, feed) values ($1, $2) on conflict do nothing",
    [integrationId, feed],
  );
  const rows = await q.query<{ cursor: string | null }>(
    `update poll_cursors set lease_until = $4::timestamptz + make_interval(secs => $3)
     where integration_id = $1 and feed = $5
       and (lease_until is null or lease_until < $4)
       and (last_polled_at is null or last_polled_at + make_interval(secs => $2) <= $4)
     returning cursor`,
    [integrationId, intervalSeconds, leaseSeconds, now, feed],
  );
  return rows[0];
}

export async function advancePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  /** null: the next poll starts from the beginning (a full scan that went through) */
  cursor: string | null,
) {
  await q.query("update poll_cursors set cursor = $3 where integration_id = $1 and feed = $2", [
    integrationId,
    feed,
    cursor,
  ]);
}

export async function releasePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  now: Date,
  error: string | null,
) {
  await q.query(
    `update poll_cursors set lease_until = null, last_polled_at = $3, last_error = $4
     where integration_id = $1 and feed = $2`,
    [integrationId, feed, now, error],
  );
}
