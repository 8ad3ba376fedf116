import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { badText } from "../domain/storable-text.ts";
import { ServiceError } from "../services/service-error.ts";
import { RequestError } from "./http-errors.ts";

/**
 * The checks every request passes before a route sees it (issue 7, R7.9 and R7.11), in one place
 * so that no route can forget them:
 *
 * 1. path and query text: percent-encoding that decodes, and no null bytes;
 * 2. a body is `application/json` (UTF-8), else 415;
 * 3. a body is at most `maxBodyBytes`, else 413, decided from Content-Length before anything is
 *    read, or while a chunked body streams in (never read whole first);
 * 4. a body is UTF-8, is JSON, and has no text PostgreSQL cannot store (a null byte) or that is
 *    not text at all (a lone UTF-16 surrogate), in any value or field name, else 400 naming where.
 *
 * The routes' validators then parse the same bytes again (Hono caches them). A customer file's
 * upload (I3, `isFileUpload`) is not JSON: it skips 2-4 and its route checks its content type
 * and its own cap (--max-file-bytes) while the body streams.
 */
export function requestChecks(options: { maxBodyBytes: number }): MiddlewareHandler[] {
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw new RequestError(
        "too_large",
        `body: larger than ${options.maxBodyBytes} bytes (the server's --max-body-bytes)`,
      );
    },
  });
  // I3: a customer file's upload is not JSON and has its own cap; its route checks both
  // (customer-files-routes.ts), streaming the body, never reading it whole
  const sizeLimit: MiddlewareHandler = async (c, next) => {
    if (isFileUpload(c.req.method, c.req.path)) return next();
    return limit(c, next);
  };
  const pathAndQuery: MiddlewareHandler = async (c, next) => {
    checkUrlText(c.req.url);
    await next();
  };
  // A declared body is refused for its type before a byte of it is read.
  const contentType: MiddlewareHandler = async (c, next) => {
    if (isFileUpload(c.req.method, c.req.path)) return next();
    if (declaresBody(c.req.raw)) checkContentType(c.req.header("content-type"));
    await next();
  };
  const json: MiddlewareHandler = async (c, next) => {
    if (c.req.raw.body && !isFileUpload(c.req.method, c.req.path)) {
      const bytes = await c.req.arrayBuffer();
      // an undeclared body (no Content-Length, not chunked) is only known once read
      if (bytes.byteLength > 0) {
        if (!declaresBody(c.req.raw)) checkContentType(c.req.header("content-type"));
        checkJson(bytes);
      }
    }
    await next();
  };
  return [pathAndQuery, contentType, sizeLimit, json];
}

/** I3: the routes that take a customer file (CSV or XLSX) as their body. */
const fileUploadPath = /^\/v1\/(customers\/import(-preview)?|integrations\/[^/]+\/import)$/;
export const isFileUpload = (method: string, path: string) =>
  method === "POST" && fileUploadPath.test(path);

/** A request announces a body: a Content-Length above 0, or a chunked transfer. */
function declaresBody(request: Request): boolean {
  if (request.headers.has("transfer-encoding")) return true;
  const length = request.headers.get("content-length");
  return length !== null && length !== "0";
}

function checkContentType(header: string | undefined) {
  const [type = "", ...parameters] = (header ?? "").split(";").map((p) => p.trim().toLowerCase());
  const charset = parameters.find((p) => p.startsWith("charset="))?.slice("charset=".length);
  if (type !== "application/json")
    throw new RequestError(
      "unsupported_media_type",
      `content-type: send the body as application/json (got '${type || "none"}')`,
    );
  if (charset !== undefined && charset.replaceAll('"', "") !== "utf-8")
    throw new RequestError(
      "unsupported_media_type",
      `content-type: the body must be UTF-8 (got charset ${charset})`,
    );
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Throws a 400 naming where, for a body that is not UTF-8, not JSON, or holds bad text. */
export function checkJson(bytes: ArrayBuffer | Uint8Array): unknown {
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    throw new ServiceError("invalid", "body: not UTF-8 text");
  }
  if (text.trim() === "") throw new ServiceError("invalid", "body: empty; send a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      "invalid",
      `body: not valid JSON (${(error as Error).message.slice(0, 120)})`,
    );
  }
  const bad = findBadText(value);
  if (bad) throw new ServiceError("invalid", `${bad.where}: ${bad.what}`);
  return value;
}

/** The first string (value or field name) of a JSON value that is not storable text. */
export function findBadText(
  value: unknown,
  path: readonly (string | number)[] = [],
): { where: string; what: string } | undefined {
  const where = () => (path.length > 0 ? path.join(".") : "body");
  if (typeof value === "string") {
    const what = badText(value);
    return what ? { where: where(), what } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findBadText(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = badText(key);
      if (keyProblem) return { where: where(), what: `a field name ${keyProblem}` };
      const found = findBadText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function checkUrlText(url: string) {
  const parsed = new URL(url);
  for (const segment of parsed.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new ServiceError("invalid", `path: '${segment}' is not valid percent-encoded UTF-8`);
    }
    const problem = badText(decoded);
    if (problem) throw new ServiceError("invalid", `path: a segment ${problem}`);
  }
  for (const [name, value] of parsed.searchParams) {
    const nameProblem = badText(name);
    if (nameProblem) throw new ServiceError("invalid", `query: a parameter name ${nameProblem}`);
    const problem = badText(value);
    if (problem) throw new ServiceError("invalid", `query.${name}: ${problem}`);
  }
}
