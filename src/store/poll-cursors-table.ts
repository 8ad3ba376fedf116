import type { Queryable } from "./database.ts";

/** One feed of an integration, as a poll lease names it. */
export interface PollFeed {
  integrationId: number;
  feed: string;
}

/**
 * A poll lease this worker took and no longer holds: it ran out (the worker missed its
 * heartbeats) and another worker took the feed over. The page in hand is not recorded; the other
 * worker polls on from the stored cursor.
 */
export class PollLeaseLost extends Error {
  constructor(readonly feed: PollFeed) {
    super(
      `poll of integration ${feed.integrationId}, feed ${feed.feed}: another worker took it over`,
    );
  }
}

/**
 * Takes the poll lease of one feed of an integration for `holder` if it is due and nobody holds
 * it: several workers may try, one polls. `after` names a feed of the integration that must be
 * caught up first (R8.5: sales wait while the customers feed is onboarding; see
 * releasePollCursor). Returns the stored cursor ({ cursor: null } for a first poll), or undefined
 * when the feed is not due, another worker holds the lease, or the `after` feed is not caught up.
 * R12.6: the lease lasts `leaseSeconds`; its holder renews it while it polls (renewPollLeases),
 * so one that dies is taken over within a lease, whatever a page takes.
 */
export async function leasePollCursor(
  q: Queryable,
  { integrationId, feed }: PollFeed,
  lease: {
    holder: string;
    intervalSeconds: number;
    leaseSeconds: number;
    now: Date;
    after?: string | null;
  },
): Promise<{ cursor: string | null } | undefined> {
  await q.query(
    `insert into poll_cursors (store_id, integration_id, feed)
     select i.store_id, i.id, $2 from integrations i where i.id = $1
     on conflict do nothing`,
    [integrationId, feed],
  );
  const rows = await q.query<{ cursor: string | null }>(
    `update poll_cursors set lease_until = $4::timestamptz + make_interval(secs => $3),
                             lease_holder = $7
     where integration_id = $1 and feed = $5
       and (lease_until is null or lease_until < $4)
       and (last_polled_at is null or last_polled_at + make_interval(secs => $2) <= $4)
       and (not_before is null or not_before <= $4)
       and not exists (select 1 from poll_cursors a
                       where a.integration_id = $1 and a.feed = $6::text and not a.caught_up)
     returning cursor`,
    [
      integrationId,
      lease.intervalSeconds,
      lease.leaseSeconds,
      lease.now,
      feed,
      lease.after ?? null,
      lease.holder,
    ],
  );
  return rows[0];
}

/**
 * R12.6: the poll leases `holder` still holds run `leaseSeconds` from `now` again (its
 * heartbeat). Returns the feeds renewed; one not renewed was taken over, or is being advanced by
 * its page (which renews it).
 */
export async function renewPollLeases(
  q: Queryable,
  holder: string,
  feeds: readonly PollFeed[],
  now: Date,
  leaseSeconds: number,
): Promise<PollFeed[]> {
  if (feeds.length === 0) return [];
  const rows = await q.query<{ integration_id: number; feed: string }>(
    `with mine as (
       select p.integration_id, p.feed from poll_cursors p
       join unnest($2::bigint[], $3::text[]) as f(integration_id, feed)
         on p.integration_id = f.integration_id and p.feed = f.feed
       where p.lease_holder = $1 and p.lease_until is not null
       -- a page being recorded holds the row and renews the lease itself: never wait for it
       for update of p skip locked
     )
     update poll_cursors p set lease_until = $4::timestamptz + make_interval(secs => $5)
     from mine where p.integration_id = mine.integration_id and p.feed = mine.feed
     returning p.integration_id, p.feed`,
    [holder, feeds.map((f) => f.integrationId), feeds.map((f) => f.feed), now, leaseSeconds],
  );
  return rows.map((r) => ({ integrationId: r.integration_id, feed: r.feed }));
}

/**
 * Stores a feed's new cursor after a page of `records` records, counted for the backfill's
 * progress (T3), and renews the lease. Only the lease's holder may: throws PollLeaseLost for one
 * that no longer holds it (the caller's transaction, with the page's records, rolls back).
 */
export async function advancePollCursor(
  q: Queryable,
  at: PollFeed,
  /** null: the next poll starts from the beginning (a full scan that went through) */
  cursor: string | null,
  page: { holder: string; leaseSeconds: number; now: Date; records: number },
) {
  const rows = await q.query(
    `update poll_cursors set cursor = $3, lease_until = $5::timestamptz + make_interval(secs => $6),
            pages_fetched = pages_fetched + 1, records_fetched = records_fetched + $7
     where integration_id = $1 and feed = $2 and lease_holder = $4 and lease_until is not null
     returning feed`,
    [at.integrationId, at.feed, cursor, page.holder, page.now, page.leaseSeconds, page.records],
  );
  if (rows.length === 0) throw new PollLeaseLost(at);
}

/**
 * Ends `holder`'s poll of one feed (a holder whose lease was taken over changes nothing).
 * `caughtUp` false (the poll stopped with more to fetch): the feed stays due, the next poll goes
 * on at once instead of after the poll interval, and it is not caught up (feeds leased `after` it
 * wait). A poll that failed counts as caught up: a feed that keeps failing does not hold up the
 * others (but its error keeps the integration's onboarding open, T3). `notBefore`: the feed is not
 * polled again before then (a throttled backfill, T3).
 */
export async function releasePollCursor(
  q: Queryable,
  at: PollFeed,
  holder: string,
  end: { now: Date; error: string | null; caughtUp?: boolean; notBefore?: Date | null },
) {
  await q.query(
    `update poll_cursors set lease_until = null, lease_holder = null, last_error = $4,
            not_before = $6,
            last_polled_at = case when $5::boolean then $3::timestamptz else last_polled_at end,
            caught_up = $5::boolean or $4::text is not null
     where integration_id = $1 and feed = $2 and lease_holder = $7`,
    [
      at.integrationId,
      at.feed,
      end.now,
      end.error,
      end.caughtUp ?? true,
      end.notBefore ?? null,
      holder,
    ],
  );
}
