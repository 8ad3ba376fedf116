import { networkReason } from "../connectors/kit/http-client.ts";
import { CliError } from "./cli-error.ts";

export type HubCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const timeoutMs = 30_000;

/**
 * The CLI's way to a running hub's API. A hub that cannot be reached, or that answers with an
 * error, becomes one CliError line naming the URL and what to do, never `TypeError: fetch failed`.
 */
export function hubClient(apiUrl: string, token: string): HubCall {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, apiUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const why =
        (error as Error).name === "TimeoutError"
          ? `no answer within ${timeoutMs / 1000} s`
          : networkReason(error);
      throw new CliError(
        "hub_unreachable",
        `cannot reach the hub at ${apiUrl} (${why}): start it with \`tandem serve\`, or point --api-url (TANDEM_API_URL) at it`,
      );
    }
    const text = await response.text();
    if (!response.ok) throw refused(apiUrl, method, path, response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(
        "hub_refused",
        `${apiUrl} answered ${method} ${path} with something that is not JSON: is --api-url (TANDEM_API_URL) a Tandem hub?`,
      );
    }
  };
}

function refused(apiUrl: string, method: string, path: string, status: number, text: string) {
  let message = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not the hub's error shape: show the start of what came back
  }
  const hint =
    status === 401
      ? " (check --token / TANDEM_TOKEN: the API token `tandem serve` printed)"
      : status === 404 && !message
        ? ` (is ${apiUrl} a Tandem hub?)`
        : "";
  return new CliError(
    "hub_refused",
    `the hub refused ${method} ${path.split("?")[0]}: ${status} ${message}${hint}`,
  );
}

/**
 * I3, I4: a file to or from a running hub (an upload's body or a download's bytes), streamed.
 * No overall timeout: a million-row file takes minutes; a hub that cannot be reached still fails
 * at once.
 */
export async function hubFileCall(
  apiUrl: string,
  token: string,
  method: "GET" | "POST",
  path: string,
  upload?: { body: ReadableStream<Uint8Array>; contentType: string; length: number },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(path, apiUrl), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(upload
          ? { "content-type": upload.contentType, "content-length": String(upload.length) }
          : {}),
      },
      ...(upload ? { body: upload.body, duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    throw new CliError(
      "hub_unreachable",
      `cannot reach the hub at ${apiUrl} (${networkReason(error)}): start it with \`tandem serve\`, or point --api-url (TANDEM_API_URL) at it`,
    );
  }
  if (!response.ok) throw refused(apiUrl, method, path, response.status, await response.text());
  return response;
}
