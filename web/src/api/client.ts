// The console's one way to the hub: openapi-fetch typed by the hub's own OpenAPI document
// (hub-api.d.ts, generated). The sign-in travels in the HttpOnly session cookie, so no token
// is ever in the page's reach.
import createClient from "openapi-fetch";
import type { paths } from "./hub-api";

export const api = createClient<paths>({ baseUrl: "/", credentials: "same-origin" });

export interface FileProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** An answer the hub refused, with its code and message (the message names the field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
    /** a customer file's problems by row and column (I3) */
    readonly problems?: FileProblem[],
    readonly total?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** the request field the hub named, when it named one ("firstName: too long" → "firstName") */
  get field(): string | undefined {
    const match = /^([A-Za-z][\w.]*)(?:, [\w.]+)*: /.exec(this.message);
    return match?.[1] === "body" ? undefined : match?.[1];
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer; an ApiError for a refusal, a network failure as it is. */
export async function ok<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const body = (error ?? {}) as {
    error?: { code?: string; message?: string; problems?: FileProblem[]; total?: number };
  };
  const retry = Number(response.headers.get("retry-after"));
  throw new ApiError(
    response.status,
    body.error?.code ?? `http_${response.status}`,
    body.error?.message ?? response.statusText,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    body.error?.problems,
    body.error?.total,
  );
}
