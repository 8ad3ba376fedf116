import type { ConnectorResolver } from "../connectors/kit/connector.ts";
import type { Db } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import {
  advancePollCursor,
  leasePollCursor,
  releasePollCursor,
} from "../store/poll-cursors-table.ts";
import { recordExternalChanges } from "./record-external-changes.ts";

export interface PollOptions {
  db: Db;
  resolveConnector: ConnectorResolver;
  now: () => Date;
  pageSize?: number;
  /** pages per poll, so one busy integration cannot hold a worker forever */
  maxPages?: number;
}

/**
 * Polls one integration's changes feed from its stored cursor, if due and no other worker is at
 * it. Each page's changes and the advanced cursor commit together: a crash repeats at most one
 * page, and the repeat is dropped as a duplicate (S4). Returns the number of new changes, or
 * undefined when the integration was not due.
 */
export async function pollIntegration(
  options: PollOptions,
  integration: IntegrationRecord,
): Promise<number | undefined> {
  const { db } = options;
  const interval =
    integration.options.pollIntervalSeconds * (integration.options.webhooks ? 10 : 1);
  const lease = await leasePollCursor(db, integration.id, interval, 120, options.now());
  if (!lease) return undefined;
  let cursor = lease.cursor;
  let recorded = 0;
  let error: string | null = null;
  try {
    const connector = await options.resolveConnector(integration);
    for (let page = 0; page < (options.maxPages ?? 50); page++) {
      const result = await connector.source.pollChanges(cursor, options.pageSize ?? 200);
      await db.transaction(async (tx) => {
        recorded += await recordExternalChanges(
          tx,
          integration.id,
          result.customers,
          "poll",
          options.now(),
        );
        await advancePollCursor(tx, integration.id, result.cursor);
      });
      cursor = result.cursor;
      if (!result.hasMore) break;
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await releasePollCursor(db, integration.id, options.now(), error);
  if (error) throw new Error(`poll of integration ${integration.id} failed: ${error}`);
  return recorded;
}
