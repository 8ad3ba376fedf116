import type { Queryable } from "./database.ts";

/**
 * Takes the poll lease of one feed of an integration if it is due and nobody holds it: several
 * workers may try, one polls. `after` names a feed of the integration that must be caught up
 * first (R8.5: sales wait while the customers feed is onboarding; see releasePollCursor). Returns
 * the stored cursor ({ cursor: null } for a first poll), or undefined when the feed is not due,
 * another worker holds the lease, or the `after` feed is not caught up.
 */
export async function leasePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  intervalSeconds: number,
  leaseSeconds: number,
  now: Date,
  after: string | null = null,
): Promise<{ cursor: string | null } | undefined> {
  await q.query(
    `insert into poll_cursors (store_id, integration_id, feed)
     select i.store_id, i.id, $2 from integrations i where i.id = $1
     on conflict do nothing`,
    [integrationId, feed],
  );
  const rows = await q.query<{ cursor: string | null }>(
    `update poll_cursors set lease_until = $4::timestamptz + make_interval(secs => $3)
     where integration_id = $1 and feed = $5
       and (lease_until is null or lease_until < $4)
       and (last_polled_at is null or last_polled_at + make_interval(secs => $2) <= $4)
       and (not_before is null or not_before <= $4)
       and not exists (select 1 from poll_cursors a
                       where a.integration_id = $1 and a.feed = $6::text and not a.caught_up)
     returning cursor`,
    [integrationId, intervalSeconds, leaseSeconds, now, feed, after],
  );
  return rows[0];
}

/**
 * Stores a feed's new cursor after a page of `records` records, counted for the backfill's
 * progress (T3), and renews the poll's lease (`leaseSeconds` from `now`).
 */
export async function advancePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  /** null: the next poll starts from the beginning (a full scan that went through) */
  cursor: string | null,
  lease: { leaseSeconds: number; now: Date; records: number },
) {
  await q.query(
    `update poll_cursors set cursor = $3, lease_until = $5::timestamptz + make_interval(secs => $4),
            pages_fetched = pages_fetched + 1, records_fetched = records_fetched + $6
     where integration_id = $1 and feed = $2`,
    [integrationId, feed, cursor, lease.leaseSeconds, lease.now, lease.records],
  );
}

/**
 * Ends a poll of one feed. `caughtUp` false (the poll stopped with more to fetch): the feed stays
 * due, the next poll goes on at once instead of after the poll interval, and it is not caught up
 * (feeds leased `after` it wait). A poll that failed counts as caught up: a feed that keeps
 * failing does not hold up the others (but its error keeps the integration's onboarding open, T3).
 * `notBefore`: the feed is not polled again before then (a throttled backfill, T3).
 */
export async function releasePollCursor(
  q: Queryable,
  integrationId: number,
  feed: string,
  now: Date,
  error: string | null,
  caughtUp = true,
  notBefore: Date | null = null,
) {
  await q.query(
    `update poll_cursors set lease_until = null, last_error = $4, not_before = $6,
            last_polled_at = case when $5::boolean then $3::timestamptz else last_polled_at end,
            caught_up = $5::boolean or $4::text is not null
     where integration_id = $1 and feed = $2`,
    [integrationId, feed, now, error, caughtUp, notBefore],
  );
}
