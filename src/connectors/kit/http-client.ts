import type { z } from "zod";
import { ConnectorError, isRetryable } from "./connector-error.ts";

export interface HttpClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** per attempt; default 10 s */
  timeoutMs?: number | undefined;
  /** attempts for retryable failures (429, 5xx, connection errors, timeouts); default 4 */
  maxAttempts?: number | undefined;
  /** first backoff; doubles each attempt, with full jitter; default 250 ms */
  backoffMs?: number | undefined;
}

export interface RequestOptions<T> {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  /** statuses returned as a value instead of thrown (e.g. 404, 409) */
  accept?: number[];
}

export interface HttpResponse<T> {
  status: number;
  data: T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date (both appear in the wild: Shopify vs Lightspeed). */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The one HTTP client every connector uses: a timeout on every attempt, retries with exponential
 * backoff and jitter for what can be retried, and response validation so a malformed answer is
 * a clear error rather than a crash three layers down.
 */
export function createHttpClient(options: HttpClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 250;

  async function attempt(init: RequestInit, url: string): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new ConnectorError("timeout", `${init.method} ${url}: no answer in ${timeoutMs} ms`);
      throw new ConnectorError("unavailable", `${init.method} ${url}: ${(error as Error).message}`);
    }
  }

  async function request<T>(req: RequestOptions<T>): Promise<HttpResponse<T>> {
    const url = new URL(req.path, options.baseUrl);
    for (const [key, value] of Object.entries(req.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const method = req.method ?? "GET";
    const init: RequestInit = {
      method,
      headers: {
        accept: "application/json",
        ...(req.body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
        ...req.headers,
      },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    };
    for (let n = 1; ; n++) {
      let failure: ConnectorError;
      let waitMs: number | undefined;
      try {
        const response = await attempt(init, url.toString());
        if (response.ok || req.accept?.includes(response.status)) {
          return { status: response.status, data: await parse(response, req.schema, method, url) };
        }
        failure = await errorFrom(response, method, url);
        waitMs = retryAfterMs(response.headers.get("retry-after"));
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        failure = error;
      }
      if (!isRetryable(failure.code) || n >= maxAttempts) throw failure;
      const exponential = backoffMs * 2 ** (n - 1);
      await sleep(waitMs ?? Math.random() * exponential + exponential / 2);
    }
  }

  return { request };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

async function parse<T>(response: Response, schema: z.ZodType<T>, method: string, url: URL) {
  const text = await response.text();
  let json: unknown = undefined;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConnectorError("bad_response", `${method} ${url.pathname}: answer is not JSON`);
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConnectorError(
      "bad_response",
      `${method} ${url.pathname}: unexpected answer at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
      response.status,
      json,
    );
  }
  return result.data;
}

async function errorFrom(response: Response, method: string, url: URL): Promise<ConnectorError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const message = (body as { error?: { message?: string } })?.error?.message ?? text.slice(0, 200);
  const where = `${method} ${url.pathname}: ${response.status} ${message}`;
  const s = response.status;
  if (s === 401 || s === 403) return new ConnectorError("unauthorized", where, s, body);
  if (s === 404) return new ConnectorError("not_found", where, s, body);
  if (s === 409 || s === 412) return new ConnectorError("precondition_failed", where, s, body);
  if (s === 429) return new ConnectorError("rate_limited", where, s, body);
  if (s >= 500) return new ConnectorError("unavailable", where, s, body);
  return new ConnectorError("invalid", where, s, body);
}
