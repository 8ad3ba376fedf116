import {
  feedNames,
  type ConnectorResolver,
  type WebhookDelivery,
} from "../connectors/kit/connector.ts";
import { ConnectorError } from "../connectors/kit/connector-error.ts";
import type { Db, Queryable } from "../store/database.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { recordFeedRecords } from "./record-feed.ts";

export type WebhookResult =
  | { ok: true; recorded: number; received: number }
  | { ok: false; code: "not_found" | "unauthorized" | "invalid"; message: string };

/**
 * Webhook intake: verify the delivery with the integration's connector, record its changes in the
 * inbox, answer fast. Merging happens later in the engine, so the sender never waits on it.
 */
export async function receiveWebhook(
  db: Db,
  resolveConnector: ConnectorResolver,
  integrationId: number,
  delivery: WebhookDelivery,
  now: Date,
): Promise<WebhookResult> {
  const integration = await readIntegration(db, integrationId);
  if (!integration || !integration.enabled)
    return {
      ok: false,
      code: "not_found",
      message: `integration ${integrationId} does not exist or is disabled`,
    };
  const connector = await resolveConnector(integration);
  if (!connector.webhook)
    return {
      ok: false,
      code: "not_found",
      message: `${integration.kind} integrations have no webhooks`,
    };
  try {
    const content = connector.webhook.parse(delivery, now);
    const feeds = feedNames.filter((feed) => (content[feed] ?? []).length > 0);
    const received = feeds.reduce((n, feed) => n + content[feed]!.length, 0);
    const record = async (q: Queryable) => {
      let count = 0;
      for (const feed of feeds)
        count += await recordFeedRecords(q, integration.id, feed, content[feed]!, "webhook", now);
      return count;
    };
    // R8.5: one feed's records are one statement, atomic by itself; several go in a transaction
    const recorded = feeds.length > 1 ? await db.transaction(record) : await record(db);
    return { ok: true, recorded, received };
  } catch (error) {
    if (error instanceof ConnectorError)
      return {
        ok: false,
        code: error.code === "unauthorized" ? "unauthorized" : "invalid",
        message: error.message,
      };
    throw error;
  }
}
