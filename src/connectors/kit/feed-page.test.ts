import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectorError } from "./connector-error.ts";
import { allPages, fetchFeedPage } from "./feed-page.ts";
import type { HttpClient, RequestOptions } from "./http-client.ts";

/**
 * A system's changes feed in memory, answered through a client that checks the answer with the
 * request's schema as the kit's client does: records after `since`, `limit` at a time.
 */
function feedOf(answer: (since: number, limit: number) => unknown) {
  const asked: Array<string | undefined> = [];
  const client = {
    request: async <T>(options: RequestOptions<T>) => {
      const since = options.query?.since as string | undefined;
      asked.push(since);
      const parsed = options.schema.safeParse(
        answer(Number(since ?? "0"), Number(options.query?.limit)),
      );
      if (!parsed.success) throw new ConnectorError("bad_response", "does not fit");
      return { status: 200, data: parsed.data };
    },
  } as unknown as HttpClient;
  const read = (cursor: string | null, limit: number) =>
    fetchFeedPage(
      client,
      {
        path: "/changes",
        query: (after, max) => ({ since: after ?? undefined, limit: max }),
        envelope: { records: "items", cursor: "next", hasMore: "more" },
        schema: z.object({ id: z.string(), version: z.number() }),
        map: (r) => r,
        system: "toy",
      },
      cursor,
      limit,
    );
  return { read, asked };
}

const records = [1, 2, 3, 4, 5].map((version) => ({ id: `r${version}`, version }));

/** A well-behaved feed: the cursor after the page's last record, `more` while records remain. */
const wellBehaved = (since: number, limit: number) => {
  const after = records.filter((r) => r.version > since);
  const items = after.slice(0, limit);
  return { items, next: items.at(-1)?.version ?? null, more: after.length > limit };
};

describe("R8.1: the kit's feed paging", () => {
  it("R8.1: pages through a feed, keeps the cursor of the last record read, and reads nothing again", async () => {
    const { read } = feedOf(wellBehaved);
    const seen: string[] = [];
    let cursor: string | null = null;
    for await (const page of allPages(read, null, 2)) {
      seen.push(...page.records.map((r) => r.id));
      cursor = page.cursor;
    }
    expect(seen).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(cursor).toBe("5");
    // the next poll: nothing new, and the cursor stays
    const again = await read(cursor, 2);
    expect(again).toMatchObject({ records: [], cursor: "5", hasMore: false });
  });

  it("R8.1: an empty feed read from its start keeps no cursor, and an empty cursor is read as the start", async () => {
    const { read, asked } = feedOf(() => ({ items: [], next: null, more: false }));
    const first = await read(null, 2);
    expect(first).toMatchObject({ records: [], cursor: "", hasMore: false });
    await read(first.cursor, 2);
    // both polls asked from the start: the system never saw an empty cursor
    expect(asked).toEqual([undefined, undefined]);
  });

  it("R8.1: a page of records (or one saying more follow) without a cursor is a bad response, never a cursor left behind", async () => {
    const withoutCursor = feedOf((since, limit) => ({ ...wellBehaved(since, limit), next: null }));
    await expect(withoutCursor.read("3", 2)).rejects.toMatchObject({ code: "bad_response" });
    const moreWithout = feedOf(() => ({ items: [], next: null, more: true }));
    await expect(moreWithout.read(null, 2)).rejects.toMatchObject({ code: "bad_response" });
  });

  it("R8.1: every page must say whether more follow (the envelope's hasMore key is required)", async () => {
    const { read } = feedOf((since, limit) => {
      const { items, next } = wellBehaved(since, limit);
      return { items, next };
    });
    await expect(read(null, 2)).rejects.toMatchObject({ code: "bad_response" });
  });
});
