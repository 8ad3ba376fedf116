import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createHttpClient } from "./http-client.ts";
import { createRateBudget, retryAfterMs } from "./rate-budget.ts";

const ok = z.object({ ok: z.boolean() });

/** A loopback server that keeps its own limit and answers with `handler`. */
async function server(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

const send = (res: ServerResponse, status: number, headers: Record<string, string> = {}): void =>
  void res.writeHead(status, { "content-type": "application/json", ...headers }).end('{"ok":true}');

describe("R8.1: the kit's rate budget, against servers that keep their limits", () => {
  it("R8.1: a fixed window announced by X-RateLimit-Remaining/Reset is never overrun, even by concurrent requests", async () => {
    // 4 requests per 400 ms window; one over is a 429 (with Retry-After, which would also pace us,
    // but the point is that none is needed)
    let window = { start: Date.now(), used: 0 };
    let refused = 0;
    const target = await server((_req, res) => {
      const now = Date.now();
      if (now - window.start >= 400) window = { start: now, used: 0 };
      window.used++;
      const resetSeconds = (window.start + 400 - now) / 1000;
      const headers = {
        "x-ratelimit-remaining": String(Math.max(0, 4 - window.used)),
        "x-ratelimit-reset": resetSeconds.toFixed(3),
      };
      if (window.used > 4) {
        refused++;
        return send(res, 429, { ...headers, "retry-after": "1" });
      }
      return send(res, 200, headers);
    });
    // the budget learns the window from the first answer; one at a time until then
    const budget = createRateBudget({ requestsPerSecond: 1000, burst: 1 });
    const client = createHttpClient({ baseUrl: target.url, headers: {}, budget, maxAttempts: 1 });
    await client.request({ path: "/", schema: ok });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 11 }, () => client.request({ path: "/", schema: ok })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(refused).toBe(0);
    // 12 requests at 4 per window need at least two more windows
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    await target.close();
  });

  it("R8.1: a leaky bucket (Shopify's X-Shopify-Shop-Api-Call-Limit) is kept to its level and drain rate", async () => {
    // a bucket of 5 that drains 20 per second, as the server counts it
    let level = 0;
    let drainedAt = Date.now();
    let refused = 0;
    const target = await server((_req, res) => {
      const now = Date.now();
      level = Math.max(0, level - ((now - drainedAt) / 1000) * 20);
      drainedAt = now;
      if (level + 1 > 5) {
        refused++;
        return send(res, 429, { "retry-after": "1" });
      }
      level += 1;
      return send(res, 200, { "x-shopify-shop-api-call-limit": `${Math.ceil(level)}/5` });
    });
    const budget = createRateBudget({ requestsPerSecond: 20, burst: 5 });
    const client = createHttpClient({ baseUrl: target.url, headers: {}, budget, maxAttempts: 1 });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => client.request({ path: "/", schema: ok })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(refused).toBe(0);
    // 5 at once, then 20 more at 20 per second
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await target.close();
  });

  it("R8.1: a 429's Retry-After holds back every request sharing the budget, not just the refused one", async () => {
    const arrivals: number[] = [];
    let first = true;
    const target = await server((_req, res) => {
      arrivals.push(Date.now());
      if (first) {
        first = false;
        return send(res, 429, { "retry-after": "1" });
      }
      return send(res, 200);
    });
    const budget = createRateBudget(null);
    const client = createHttpClient({ baseUrl: target.url, headers: {}, budget, maxAttempts: 3 });
    const refused = client.request({ path: "/", schema: ok });
    // the others start while the refused one waits for its retry
    while (arrivals.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const others = await Promise.allSettled(
      Array.from({ length: 3 }, () => client.request({ path: "/", schema: ok })),
    );
    await refused;
    const refusedAt = arrivals[0]!;
    expect(others.every((r) => r.status === "fulfilled")).toBe(true);
    expect(arrivals).toHaveLength(5);
    expect(arrivals.slice(1).every((t) => t - refusedAt >= 950)).toBe(true);
    await target.close();
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-11-22T09:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs("Sun, 22 Nov 2026 09:00:03 GMT", now)).toBe(3000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
