import { randomUUID } from "node:crypto";
import {
  feedNames,
  type ConnectorResolver,
  type FeedName,
  type FeedReader,
  type FeedRecords,
  type Source,
} from "../connectors/kit/connector.ts";
import type { Db, Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import {
  advancePollCursor,
  leasePollCursor,
  PollLeaseLost,
  releasePollCursor,
  type PollFeed,
} from "../store/poll-cursors-table.ts";
import { recordFeedRecords, recordRejectedFeedRecords } from "./record-feed.ts";

export interface PollOptions {
  db: Db;
  resolveConnector: ConnectorResolver;
  now: () => Date;
  pageSize?: number;
  /**
   * pages per feed and poll, so one busy integration cannot hold a worker forever; a feed with
   * more is due again at once
   */
  maxPages?: number;
  /** who holds the poll leases this poll takes: the worker (default: this poll alone) */
  holder?: string;
  /**
   * R12.6: how long a poll lease lasts. Every page and the worker's heartbeat renew it while the
   * poll goes on (`polling` names the feeds the heartbeat must renew), so a worker that dies
   * mid-poll holds the feed up for at most this long, however long a page takes. Default 15 s.
   */
  leaseSeconds?: number;
  polling?: Set<PollFeed>;
}

interface Feed {
  name: FeedName;
  fetch(
    cursor: string | null,
    limit: number,
  ): Promise<{
    cursor: string;
    hasMore: boolean;
    count: number;
    record(tx: Queryable, now: Date): Promise<number>;
  }>;
}

/** R8.1: the feeds a source offers (customers always; inventory F8, sales F6 where it has them). */
function feedsOf(source: Source, integrationId: number): Feed[] {
  const feed = <K extends FeedName>(name: K, read: FeedReader<FeedRecords[K]>): Feed => ({
    name,
    fetch: async (cursor, limit) => {
      const page = await read(cursor, limit);
      return {
        cursor: page.cursor,
        hasMore: page.hasMore,
        count: page.records.length + page.rejected.length,
        record: async (tx: Queryable, now: Date) =>
          (await recordFeedRecords(tx, integrationId, name, page.records, "poll", now)) +
          (await recordRejectedFeedRecords(
            tx,
            integrationId,
            name,
            page.rejected,
            page.cursor,
            now,
          )),
      };
    },
  });
  return feedNames.flatMap((name) => {
    const read = source.feeds[name] as FeedReader<FeedRecords[typeof name]> | undefined;
    return read ? [feed(name, read)] : [];
  });
}

/**
 * T3: the pace of the sales history while an integration onboards (option
 * `salesHistoryPagesPerMinute`): one page a poll, the next after `gapMs`. Once onboarded, or
 * without the option, sales are fetched as fast as the system's rate limit lets.
 */
function historyThrottle(
  integration: IntegrationRecord,
  feed: FeedName,
): { gapMs: number } | undefined {
  const perMinute = integration.options.salesHistoryPagesPerMinute;
  if (feed !== "sales" || integration.onboardedAt !== null || perMinute === undefined)
    return undefined;
  return { gapMs: Math.ceil(60_000 / perMinute) };
}

/**
 * Polls an integration's feeds from their stored cursors, each feed if due and no other worker is
 * at it. A full-scan feed (files) is read from its beginning each time, unchanged records dropped
 * as duplicates by their version. Each page's records and the advanced cursor commit together: a crash repeats at most one
 * page, and the repeat is dropped as a duplicate (S4). Returns the number of new changes, or
 * undefined when no feed was due.
 */
export async function pollIntegration(
  options: PollOptions,
  integration: IntegrationRecord,
): Promise<number | undefined> {
  const { db } = options;
  const holder = options.holder ?? `poll-${randomUUID().slice(0, 8)}`;
  const leaseSeconds = options.leaseSeconds ?? 15;
  const interval =
    integration.options.pollIntervalSeconds * (integration.options.webhooks ? 10 : 1);
  const connector = await options.resolveConnector(integration);
  // R8.1: a feed polled from a cursor, or read whole every time (files: "fullScan"); a system with
  // neither (webhooks only) is not polled
  const { feeds } = connector.manifest;
  const fullScan = !feeds.includes("poll") && feeds.includes("fullScan");
  if (!feeds.includes("poll") && !fullScan) return undefined;
  let recorded: number | undefined;
  const errors: string[] = [];
  for (const feed of feedsOf(connector.source, integration.id)) {
    // R8.5: while the customers feed is not caught up (onboarding, whichever worker polls it),
    // sales and inventory wait their turn: a sale captured before its customer would only wait
    // for it, and the inbox hands the engine customers before their sales
    const at: PollFeed = { integrationId: integration.id, feed: feed.name };
    const lease = await leasePollCursor(db, at, {
      holder,
      intervalSeconds: interval,
      leaseSeconds,
      now: options.now(),
      after: feed.name === "customers" ? null : "customers",
    });
    if (!lease) continue;
    options.polling?.add(at);
    recorded ??= 0;
    let error: string | null = null;
    let hasMore = false;
    // T3: a throttled backfill of the sales history fetches one page a poll, then waits its turn
    const throttle = historyThrottle(integration, feed.name);
    try {
      const maxPages = throttle ? 1 : (options.maxPages ?? 50);
      const pageSize = options.pageSize ?? 500;
      let fetching = feed.fetch(lease.cursor, pageSize);
      for (let n = 0; n < maxPages; n++) {
        const page = await fetching;
        // R8.5: the next page is fetched while this one is recorded (read ahead by one page; a
        // page read ahead but not recorded is read again by the next poll, from the stored cursor)
        if (page.hasMore && n + 1 < maxPages) {
          fetching = feed.fetch(page.cursor, pageSize);
          fetching.catch(() => undefined); // its failure, if any, is met when it is awaited
        }
        // a full scan that went through starts from the beginning next time; one cut short by
        // `maxPages` (or a failure) goes on from its page
        const next = fullScan && !page.hasMore ? null : page.cursor;
        await db.transaction(async (tx) => {
          recorded! += await page.record(tx, options.now());
          await advancePollCursor(tx, at, next, {
            holder,
            leaseSeconds,
            now: options.now(),
            records: page.count,
          });
        });
        hasMore = page.hasMore;
        if (!page.hasMore) break;
      }
    } catch (e) {
      options.polling?.delete(at);
      // another worker polls this feed now (this one missed its heartbeats): it is theirs
      if (e instanceof PollLeaseLost) continue;
      error = e instanceof Error ? e.message : String(e);
      errors.push(`${feed.name}: ${error}`);
    }
    options.polling?.delete(at);
    // a feed left with more to fetch (its pages for this poll used up) is due again at once, or
    // after its throttle's gap
    const notBefore =
      throttle && hasMore && error === null
        ? new Date(options.now().getTime() + throttle.gapMs)
        : null;
    await releasePollCursor(db, at, holder, {
      now: options.now(),
      error,
      caughtUp: !hasMore,
      notBefore,
    });
  }
  if (errors.length > 0)
    throw new Error(`poll of integration ${integration.id} failed: ${errors.join("; ")}`);
  return recorded;
}
