import { randomUUID } from "node:crypto";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { startReferencePos } from "../../../simulators/reference-pos/server.ts";
import { ConnectorError } from "./connector-error.ts";
import { createHttpClient } from "./http-client.ts";

const apiKey = "kit-key-12345";
const ping = z.object({ ok: z.boolean() });

/** A local server answering with `handler`; returns its URL and how many requests it got. */
async function server(handler: RequestListener) {
  let requests = 0;
  const s = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

async function setup(maxAttempts = 4) {
  const pos = await startReferencePos({ port: 0, apiKey });
  const client = createHttpClient({
    baseUrl: pos.url,
    headers: { authorization: `Bearer ${apiKey}` },
    maxAttempts,
    backoffMs: 10,
    timeoutMs: 2000,
  });
  const faults = (n: number, status: number) =>
    fetch(`${pos.url}/staff/faults`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ failNextRequests: n, status }),
    });
  return { pos, client, faults };
}

describe("the connectors' HTTP client", () => {
  it("retries 5xx answers with backoff and succeeds", async () => {
    const { pos, client, faults } = await setup();
    await faults(2, 500);
    expect((await client.request({ path: "/api/v1/ping", schema: ping })).data.ok).toBe(true);
    await pos.close();
  });

  it("honours 429 Retry-After, then gives up after its attempts with a clear error", async () => {
    const { pos, client, faults } = await setup(2);
    await faults(5, 429);
    const started = Date.now();
    const error = await client
      .request({ path: "/api/v1/ping", schema: ping })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe("rate_limited");
    await pos.close();
  });

  it("does not retry a client error, and names what is wrong in an unexpected answer", async () => {
    const { pos, client } = await setup();
    const unauthorized = createHttpClient({ baseUrl: pos.url, headers: {}, backoffMs: 10 });
    const error = await unauthorized
      .request({ path: "/api/v1/ping", schema: ping })
      .catch((e: unknown) => e);
    expect((error as ConnectorError).code).toBe("unauthorized");
    const wrongShape = await client
      .request({ path: "/api/v1/ping", schema: z.object({ ok: z.string() }) })
      .catch((e: unknown) => e);
    expect((wrongShape as ConnectorError).message).toMatch(/unexpected answer at ok/);
    await pos.close();
  });

  it("times out a server that does not answer, and reports it as retryable", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as { port: number }).port;
    const client = createHttpClient({
      baseUrl: `http://127.0.0.1:${port}`,
      headers: {},
      timeoutMs: 200,
      maxAttempts: 2,
      backoffMs: 10,
    });
    const error = await client.request({ path: "/", schema: ping }).catch((e: unknown) => e);
    expect((error as ConnectorError).code).toBe("timeout");
    silent.close();
  });

  it("R7.13: an error says method, path, status and the protocol's code, never the answer's text", async () => {
    const secret = `secret-${randomUUID()}`;
    const cases: Array<[number, string, RegExp]> = [
      [500, `<pre>${secret}</pre>`, /^GET \/probe: HTTP 500$/],
      [
        400,
        JSON.stringify({ error: { code: "bad_thing", message: secret } }),
        /HTTP 400 bad_thing$/,
      ],
      [422, JSON.stringify({ error: { code: secret, message: "x" } }), /^GET \/probe: HTTP 422$/],
    ];
    for (const [status, body, expected] of cases) {
      const target = await server((_req, res) => res.writeHead(status).end(body));
      const client = createHttpClient({ baseUrl: target.url, headers: {}, maxAttempts: 1 });
      const error = (await client
        .request({ path: "/probe", schema: ping })
        .catch((e: unknown) => e)) as ConnectorError;
      expect(error.message).toMatch(expected);
      expect(error.message.includes(secret)).toBe(false);
      await target.close();
    }
  });

  it("R7.13: a redirect is not followed, and only http(s) base URLs are accepted", async () => {
    const elsewhere = await server((_req, res) => res.writeHead(200).end('{"ok":true}'));
    const redirecting = await server((_req, res) =>
      res.writeHead(302, { location: `${elsewhere.url}/internal` }).end(),
    );
    const client = createHttpClient({ baseUrl: redirecting.url, headers: {}, maxAttempts: 1 });
    const error = (await client
      .request({ path: "/api/v1/ping", schema: ping })
      .catch((e: unknown) => e)) as ConnectorError;
    expect(error.message).toMatch(/HTTP 302 .*redirect/);
    expect(elsewhere.requests()).toBe(0);
    for (const baseUrl of ["file:///etc/passwd", "javascript:alert(1)", "ftp://x/"])
      expect(() => createHttpClient({ baseUrl, headers: {} })).toThrow(/only http/);
    await Promise.all([elsewhere.close(), redirecting.close()]);
  });

  it("R7.13: an address nobody answers at is 'not reachable', with the reason", async () => {
    const gone = await server(() => undefined);
    await gone.close();
    const client = createHttpClient({ baseUrl: gone.url, headers: {}, maxAttempts: 1 });
    const error = (await client
      .request({ path: "/api/v1/ping", schema: ping })
      .catch((e: unknown) => e)) as ConnectorError;
    expect(error.code).toBe("unavailable");
    expect(error.message).toBe("GET /api/v1/ping: not reachable (connection refused)");
  });

  it("R8.1: without idempotency keys a write that got no answer is not sent again; a read, and a write refused with 429, are", async () => {
    let posts = 0;
    let gets = 0;
    let refusedOnce = false;
    const target = await server((req, res) => {
      if (req.method === "PUT") {
        if (refusedOnce) return void res.writeHead(200).end('{"ok":true}');
        refusedOnce = true;
        return void res.writeHead(429, { "retry-after": "0" }).end();
      }
      if (req.method === "POST") posts++;
      else gets++;
      req.socket.destroy();
    });
    const client = createHttpClient({
      baseUrl: target.url,
      headers: {},
      maxAttempts: 3,
      backoffMs: 1,
      retryWrites: false,
    });
    const write = await client
      .request({ method: "POST", path: "/w", body: {}, schema: ping })
      .catch((e: unknown) => e);
    expect((write as ConnectorError).code).toBe("unavailable");
    expect(posts).toBe(1);
    await client.request({ path: "/r", schema: ping }).catch(() => undefined);
    expect(gets).toBe(3);
    expect(
      (await client.request({ method: "PUT", path: "/p", body: {}, schema: ping })).data,
    ).toEqual({ ok: true });
    await target.close();
  });
});
