/**
 * R8.1: how many requests a system lets us make, kept by the kit so no connector paces itself.
 *
 * A leaky bucket (Shopify's model: a bucket of `burst` requests that drains at
 * `requestsPerSecond`) seeded from the manifest's documented limit, corrected by what the system
 * says in its answers, which wins over the documentation (limits change per plan and "may be
 * temporarily reduced"):
 *  - `X-RateLimit-Remaining` with `X-RateLimit-Reset` (seconds until the window resets, or the
 *    reset as Unix seconds): no more than `remaining` requests before the reset, none at 0
 *    (Lightspeed X-Series, GitHub, many others);
 *  - `X-Shopify-Shop-Api-Call-Limit: 32/40` and `X-LS-API-Bucket-Level: 32/40`: the bucket's
 *    level as the system counts it;
 *  - `Retry-After` (seconds or an HTTP date) on a 429 or 503: nothing until then, for every
 *    request sharing the budget, not just the one that was refused.
 * A budget is shared by every connector of one integration in a process (the resolver keeps one
 * per integration), so concurrent jobs draw from one bucket. Hand-written: the libraries that
 * exist (bottleneck, p-throttle) pace to a fixed rate and cannot be corrected by answer headers.
 */
export interface RateBudget {
  /**
   * Waits until a request may be sent and counts it; the request then reports its answer (or, with
   * none, that it failed without one) to the function returned, exactly once.
   */
  take(): Promise<(answer?: { status: number; headers: Headers }) => void>;
  /** when the next request may go, as far as the budget knows (ms since the epoch) */
  readonly notBefore: number;
}

export interface RateLimit {
  requestsPerSecond: number;
  burst: number;
}

export interface RateBudgetOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date (both appear in the wild: Shopify vs Lightspeed). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `X-RateLimit-Reset`: seconds from now, or Unix seconds when it is that large. */
function resetAt(header: string | null, now: number): number | undefined {
  const value = Number(header);
  if (!header || !Number.isFinite(value) || value < 0) return undefined;
  return value > 1_000_000_000 ? value * 1000 : now + value * 1000;
}

/** "used/size" (Shopify, Lightspeed R-Series) as the requests left in the bucket. */
function bucketLeft(header: string | null): { left: number; size: number } | undefined {
  const match = header ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(header) : null;
  if (!match) return undefined;
  const used = Number(match[1]);
  const size = Number(match[2]);
  return size > 0 ? { left: Math.max(0, size - used), size } : undefined;
}

export function createRateBudget(
  limit: RateLimit | null,
  options: RateBudgetOptions = {},
): RateBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  // without a documented limit the bucket never runs dry on its own; answers can still stop it
  const rate = limit?.requestsPerSecond ?? Infinity;
  let size = limit?.burst ?? Infinity;
  let tokens = size;
  let refilledAt = now();
  /** nothing before this moment (a Retry-After, an exhausted window) */
  let blockedUntil = 0;
  /** a window's remaining requests as the system counts them, until its reset */
  let window: { remaining: number; resetAt: number } | undefined;
  /** requests sent and not answered yet: the system may not have counted them in its headers */
  let inFlight = 0;
  // requests wait their turn in order, so a burst of concurrent takes is paced, not stampeded
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = now();
    if (Number.isFinite(rate)) tokens = Math.min(size, tokens + ((t - refilledAt) / 1000) * rate);
    refilledAt = t;
    // a new window's size is not known until an answer says it: one request probes it (or a
    // second passes without an answer saying anything)
    if (window && t >= window.resetAt) window = { remaining: 1, resetAt: t + 1000 };
  };

  /** how long until one request may go; 0 when it may go now */
  const waitMs = () => {
    refill();
    const t = now();
    if (blockedUntil > t) return blockedUntil - t;
    if (window && window.remaining <= 0) return Math.max(1, window.resetAt - t);
    if (tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - tokens) / rate) * 1000));
  };

  const takeOne = async () => {
    // in short slices: an answer that arrives meanwhile may say more (a window's new size)
    for (let wait = waitMs(); wait > 0; wait = waitMs()) await sleep(Math.min(wait, 20));
    tokens -= 1;
    if (window) window.remaining -= 1;
    inFlight++;
  };

  const observe = (status: number, headers: Headers) => {
    refill();
    const t = now();
    const remaining = Number(headers.get("x-ratelimit-remaining") ?? NaN);
    const reset = resetAt(headers.get("x-ratelimit-reset"), t);
    // the requests still in flight may not be counted in this answer yet: count them here
    if (Number.isFinite(remaining) && remaining >= 0)
      window = { remaining: remaining - inFlight, resetAt: reset ?? t + 1000 };
    const bucket =
      bucketLeft(headers.get("x-shopify-shop-api-call-limit")) ??
      bucketLeft(headers.get("x-ls-api-bucket-level"));
    if (bucket && Number.isFinite(rate)) {
      size = Math.min(size, bucket.size);
      tokens = Math.min(tokens, bucket.left - inFlight);
    } else if (bucket && bucket.left < 1) {
      // a full bucket whose drain rate we were not told: every documented one drains 1/s or more
      blockedUntil = Math.max(blockedUntil, t + 1000);
    }
    if (status === 429 || status === 503) {
      const after = retryAfterMs(headers.get("retry-after"), t);
      if (after !== undefined) blockedUntil = Math.max(blockedUntil, t + after);
      // refused: whatever the bucket thought, it is empty now
      if (Number.isFinite(rate)) tokens = Math.min(tokens, 0);
    }
  };

  return {
    take() {
      const turn = queue.then(takeOne);
      queue = turn.catch(() => undefined);
      return turn.then(() => {
        let reported = false;
        return (answer?: { status: number; headers: Headers }) => {
          if (reported) return;
          reported = true;
          inFlight--;
          if (answer) observe(answer.status, answer.headers);
        };
      });
    },
    get notBefore() {
      return now() + waitMs();
    },
  };
}
