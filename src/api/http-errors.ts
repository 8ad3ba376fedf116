import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ServiceError, type ServiceErrorCode } from "../services/service-error.ts";

/** The one place service error codes become HTTP statuses. */
export function statusOf(code: ServiceErrorCode): ContentfulStatusCode {
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
    case "unavailable":
      return 502;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** The app's onError: service errors keep their message; anything else is a logged 500. */
export function errorResponse(error: unknown, c: Context, log: (error: unknown) => void) {
  if (error instanceof ServiceError) {
    return c.json<ErrorBody>(
      { error: { code: error.code, message: error.message } },
      statusOf(error.code),
    );
  }
  log(error);
  return c.json<ErrorBody>(
    { error: { code: "internal", message: "internal error; see the server log" } },
    500,
  );
}
