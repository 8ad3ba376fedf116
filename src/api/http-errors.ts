import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ServiceError, type ServiceErrorCode } from "../services/service-error.ts";

/**
 * What the HTTP layer itself refuses before a use case sees the request (R7.9, R7.11): a body
 * too large to read, or not JSON at all. Bad JSON and bad text are `invalid`, like any bad field.
 */
export type RequestErrorCode = "too_large" | "unsupported_media_type";

export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

/** The one place error codes become HTTP statuses. */
export function statusOf(code: ServiceErrorCode | RequestErrorCode): ContentfulStatusCode {
  switch (code) {
    case "invalid":
      return 400;
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "too_large":
      return 413;
    case "too_many":
      return 429;
    case "unsupported_media_type":
      return 415;
    case "unavailable":
      return 502;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export interface ErrorBody {
  error: { code: string; message: string; problems?: unknown[]; total?: number | undefined };
}

// Hono's own refusals (a validator's or a middleware's HTTPException) in our error shape.
const codeOfHttpStatus: Partial<Record<number, string>> = {
  400: "invalid",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
  415: "unsupported_media_type",
};

/**
 * The app's onError: service and request errors keep their message; anything else is a 500 whose
 * error is logged (the logger redacts it: no values, parameters or secrets) and never shown.
 */
export function errorResponse(error: unknown, c: Context, log: (error: unknown) => void) {
  if (error instanceof ServiceError || error instanceof RequestError) {
    // a throttled call says when to come back (RFC 9110, Retry-After)
    const retry = (error as { details?: { retryAfterSeconds?: number } }).details
      ?.retryAfterSeconds;
    if (retry !== undefined) c.header("Retry-After", String(retry));
    // I3: a customer file's problems travel with it, by row and column
    const file = (error as { details?: { problems?: unknown[]; total?: number } }).details;
    return c.json<ErrorBody>(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(file?.problems ? { problems: file.problems, total: file.total } : {}),
        },
      },
      statusOf(error.code),
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json<ErrorBody>(
      {
        error: {
          code: codeOfHttpStatus[error.status] ?? "invalid",
          message: `body: ${error.message || "refused"}`,
        },
      },
      error.status,
    );
  }
  log(error);
  return c.json<ErrorBody>(
    { error: { code: "internal", message: "internal error; see the server log" } },
    500,
  );
}
