import type { z } from "zod";
import type { ConnectorSettings } from "./connector.ts";
import { ConnectorError, isRetryable } from "./connector-error.ts";
import { createRateBudget, retryAfterMs, type RateBudget } from "./rate-budget.ts";

export interface HttpClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** per attempt; default 10 s */
  timeoutMs?: number | undefined;
  /** attempts for retryable failures (429, 5xx, connection errors, timeouts); default 4 */
  maxAttempts?: number | undefined;
  /** first backoff; doubles each attempt, with full jitter; default 250 ms */
  backoffMs?: number | undefined;
  /**
   * R8.1: the integration's rate budget (rate-budget.ts): every attempt waits its turn and every
   * answer's limit headers correct it. Without one the client keeps its own, from headers only.
   */
  budget?: RateBudget | undefined;
  /**
   * R8.1: whether a failed write (anything but GET) is sent again. Only for a system that repeats
   * a write by its idempotency key; elsewhere only a 429 is (the write was surely not done), and
   * otherwise the job's own retry, with its lookups, decides. Default true.
   */
  retryWrites?: boolean | undefined;
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

/**
 * The one HTTP client every connector uses: a timeout on every attempt, retries with exponential
 * backoff and jitter for what can be retried, pacing by the integration's rate budget, and
 * response validation so a malformed answer is
 * a clear error rather than a crash three layers down.
 */
export function createHttpClient(options: HttpClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 250;
  const budget = options.budget ?? createRateBudget(null);

  if (!/^https?:$/.test(new URL(options.baseUrl).protocol))
    throw new ConnectorError("invalid", `base URL: only http:// and https:// are supported`);

  async function attempt(init: RequestInit, url: URL): Promise<Response> {
    const where = `${init.method} ${url.pathname}`;
    const answered = await budget.take();
    try {
      // a redirect is not followed: it could lead anywhere (an internal address, another host)
      const response = await fetch(url, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      answered({ status: response.status, headers: response.headers });
      return response;
    } catch (error) {
      answered();
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new ConnectorError("timeout", `${where}: no answer in ${timeoutMs} ms`);
      throw new ConnectorError("unavailable", `${where}: not reachable (${networkReason(error)})`);
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
        const response = await attempt(init, url);
        if (response.ok || req.accept?.includes(response.status)) {
          return { status: response.status, data: await parse(response, req.schema, method, url) };
        }
        failure = await errorFrom(response, method, url);
        waitMs = retryAfterMs(response.headers.get("retry-after"));
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        failure = error;
      }
      // without idempotency keys a write is sent again only when the system surely did not do it
      if (method !== "GET" && options.retryWrites === false && failure.code !== "rate_limited")
        throw failure;
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

/** Why a connection failed, from the system's error code, never from what the target said. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  // fetch refuses ports that belong to other protocols (1, 9, 25, ...), before connecting
  if (cause?.message === "bad port") return "a port fetch refuses";
  const code = cause?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return "TLS certificate not trusted";
    default:
      return typeof code === "string" && /^[A-Z_]{2,40}$/.test(code) ? code : "network error";
  }
}

/**
 * An error answer as a ConnectorError. R7.13: the message says what failed (method, path, status,
 * and the protocol's error code when the answer has one) and never repeats the answer's text,
 * which would make a connection test a probe of whatever the base URL points at. The parsed body
 * stays on the error for code that needs it (never shown, never logged).
 */
async function errorFrom(response: Response, method: string, url: URL): Promise<ConnectorError> {
  const text = await response.text().catch(() => "");
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: nothing of it is kept
  }
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const named = typeof code === "string" && /^[a-z][a-z0-9_]{0,39}$/.test(code) ? ` ${code}` : "";
  const s = response.status;
  const redirect = s >= 300 && s < 400 ? " (a redirect; give the final URL as the base URL)" : "";
  const where = `${method} ${url.pathname}: HTTP ${s}${named}${redirect}`;
  if (s === 401 || s === 403) return new ConnectorError("unauthorized", where, s, body);
  if (s === 404) return new ConnectorError("not_found", where, s, body);
  if (s === 409 || s === 412) return new ConnectorError("precondition_failed", where, s, body);
  if (s === 429) return new ConnectorError("rate_limited", where, s, body);
  if (s >= 500) return new ConnectorError("unavailable", where, s, body);
  return new ConnectorError("invalid", where, s, body);
}

/**
 * The HTTP client of one connector, from its settings: the kit's timeouts, retries (writes only
 * where the manifest claims idempotency keys) and the integration's rate budget; the connector
 * gives only how it signs in.
 */
export function httpClientFor(
  settings: Pick<
    ConnectorSettings,
    "baseUrl" | "timeoutMs" | "maxAttempts" | "budget" | "retryWrites"
  >,
  headers: Record<string, string>,
): HttpClient {
  if (!settings.baseUrl) throw new ConnectorError("invalid", "base URL: none is set");
  return createHttpClient({
    baseUrl: settings.baseUrl,
    headers,
    timeoutMs: settings.timeoutMs,
    maxAttempts: settings.maxAttempts,
    budget: settings.budget,
    retryWrites: settings.retryWrites,
  });
}
