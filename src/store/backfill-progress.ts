import type { Queryable } from "./database.ts";

/** T3: one feed of an integration as its polls left it. */
export interface FeedProgress {
  feed: string;
  caughtUp: boolean;
  pages: number;
  records: number;
  lastError: string | null;
  lastPolledAt: Date | null;
  /** a throttled feed is not polled again before then */
  notBefore: Date | null;
}

/** T3: how far an integration's first sync (the customers and the whole sales history) has come. */
export interface BackfillCounts {
  feeds: FeedProgress[];
  /** sales recorded as purchases */
  salesProcessed: number;
  /** sales fetched and waiting for the engine (not tried yet) */
  salesWaiting: number;
  /** sales that failed and wait to be tried again, or are held back (T2) */
  salesFailing: number;
}

/** Reads only: the feeds' cursors and the integration's sales, in the inbox and recorded. */
export async function backfillCounts(q: Queryable, integrationId: number): Promise<BackfillCounts> {
  const feeds = await q.query<{
    feed: string;
    caught_up: boolean;
    pages_fetched: string;
    records_fetched: string;
    last_error: string | null;
    last_polled_at: Date | null;
    not_before: Date | null;
  }>("select * from poll_cursors where integration_id = $1 order by feed", [integrationId]);
  const [sales] = await q.query<{ processed: number; waiting: number; failing: number }>(
    `select (select count(*)::int from purchases where integration_id = $1) as processed,
            count(*) filter (where e.attempts = 0)::int as waiting,
            count(*) filter (where e.attempts > 0)::int as failing
     from change_events e
     where e.processed_at is null and e.integration_id = $1 and e.kind like 'sale.%'`,
    [integrationId],
  );
  return {
    feeds: feeds.map((f) => ({
      feed: f.feed,
      caughtUp: f.caught_up,
      pages: Number(f.pages_fetched),
      records: Number(f.records_fetched),
      lastError: f.last_error,
      lastPolledAt: f.last_polled_at,
      notBefore: f.not_before,
    })),
    salesProcessed: sales!.processed,
    salesWaiting: sales!.waiting,
    salesFailing: sales!.failing,
  };
}
