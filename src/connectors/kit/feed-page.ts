import { z } from "zod";
import type { FeedPage, FeedReader, RejectedRecord } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";
import type { HttpClient } from "./http-client.ts";

/**
 * R8.1: one page of a cursor feed over HTTP, the kit's paging for every connector: the envelope is
 * checked whole, the records one by one (R7.1), and the next cursor read from where the system
 * puts it. `envelope` names the system's keys, all three required: the records, the cursor after
 * the page's last record (which the next poll reads from, so it must be given with every page that
 * has records) and whether more pages follow now. An empty page may come without a cursor: the
 * cursor stays where it was. An empty cursor ("") is read as the feed's start.
 */
export async function fetchFeedPage<S extends z.ZodType, T>(
  client: HttpClient,
  feed: {
    path: string;
    /** the query asking for the page after `cursor` (null: from the start) */
    query: (cursor: string | null, limit: number) => Record<string, string | number | undefined>;
    envelope: { records: string; cursor: string; hasMore: string };
    schema: S;
    map: (record: z.infer<S>) => T;
    /** the system's name, for the rejection's reason */
    system: string;
  },
  cursor: string | null,
  limit: number,
): Promise<FeedPage<T>> {
  const { envelope } = feed;
  const { data } = await client.request({
    path: feed.path,
    query: feed.query(cursor || null, limit),
    schema: z.looseObject({
      [envelope.records]: z.array(z.unknown()),
      [envelope.cursor]: z.union([z.number(), z.string()]).nullable().optional(),
      [envelope.hasMore]: z.boolean(),
    }),
  });
  const page = data as Record<string, unknown>;
  const raw = page[envelope.records] as unknown[];
  const next = (page[envelope.cursor] ?? null) as string | number | null;
  const hasMore = page[envelope.hasMore] as boolean;
  // records (or more pages) without the cursor after them would be read again at every poll
  if ((raw.length > 0 || hasMore) && (next === null || next === ""))
    throw new ConnectorError(
      "bad_response",
      `${feed.system} ${feed.path}: a page of ${raw.length} records came without a cursor`,
    );
  return {
    ...readRecords(raw, feed.schema, feed.map, feed.system),
    cursor: next === null ? (cursor ?? "") : String(next),
    hasMore,
  };
}

/** Every page of a feed from `cursor`, in order, until one says there is no more. */
export async function* allPages<T>(
  read: FeedReader<T>,
  cursor: string | null,
  limit: number,
  maxPages = 10_000,
): AsyncGenerator<FeedPage<T>> {
  for (let n = 0; n < maxPages; n++) {
    const page = await read(cursor, limit);
    yield page;
    if (!page.hasMore) return;
    cursor = page.cursor;
  }
}

/**
 * R7.1: reads a page's records one by one. A record the schema refuses does not fail the page (that
 * would stop its feed at this page for good): it is returned as rejected, with its id and version
 * where they can be read and the reason by field path (zod's messages name types, never values).
 */
export function readRecords<S extends z.ZodType, T>(
  raw: readonly unknown[],
  schema: S,
  map: (record: z.infer<S>) => T,
  system: string,
): { records: T[]; rejected: RejectedRecord[] } {
  const records: T[] = [];
  const rejected: RejectedRecord[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(map(parsed.data));
    else rejected.push(rejection(item, parsed.error, system));
  }
  return { records, rejected };
}

function rejection(item: unknown, error: z.ZodError, system: string): RejectedRecord {
  const { id, version } = (typeof item === "object" && item !== null ? item : {}) as Record<
    string,
    unknown
  >;
  const issues = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`);
  const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : "";
  return {
    id: typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null,
    version: typeof version === "number" && Number.isSafeInteger(version) ? version : null,
    reason: `does not fit the ${system} schema: ${issues.join("; ")}${more}`,
  };
}
