import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterThisTest } from "./cleanup.ts";

/**
 * Fault injection on the wire: a loopback HTTP proxy in front of an external system that forwards
 * every request at once and, for the requests `slow` picks, holds the answer back for `delayMs`
 * after the system has answered. The write has happened; its answer has not arrived. A worker
 * killed in that window is the crash S2 guards against, and a test can wait for the window.
 */
export interface SlowAnswersProxy {
  url: string;
  /** 0 lets every answer through at once */
  delayMs: number;
  /** requests whose answer is being held back right now */
  held(): number;
  /** resolves when the next answer starts being held back (a whole delay from now) */
  nextHold(): Promise<void>;
  /** every request so far: when it came and when its answer left, with its Idempotency-Key */
  requests: ProxiedRequest[];
}

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  startedAt: number;
  /** undefined while its answer is still held back */
  answeredAt: number | undefined;
}

/** Hop-by-hop and length headers: fetch sets its own. */
const notForwarded = new Set(["host", "connection", "content-length", "transfer-encoding"]);

export async function startSlowAnswersProxy(
  target: string,
  slow: (method: string, path: string) => boolean,
  delayMs: number,
): Promise<SlowAnswersProxy> {
  let held = 0;
  const holding: Array<() => void> = [];
  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((request, response) => {
    const seen: ProxiedRequest = {
      method: request.method ?? "GET",
      path: request.url ?? "/",
      idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      startedAt: Date.now(),
      answeredAt: undefined,
    };
    proxy.requests.push(seen);
    void (async () => {
      const body = await readBody(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (e): e is [string, string] => typeof e[1] === "string" && !notForwarded.has(e[0]),
        ),
      );
      const answer = await fetch(new URL(request.url ?? "/", target), {
        method: request.method ?? "GET",
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (proxy.delayMs > 0 && slow(request.method ?? "GET", request.url ?? "/")) {
        held += 1;
        for (const resolve of holding.splice(0)) resolve();
        await new Promise((r) => setTimeout(r, proxy.delayMs));
        held -= 1;
      }
      response.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "application/json",
      });
      response.end(text);
      seen.answeredAt = Date.now();
    })().catch((error: unknown) => {
      response.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const proxy: SlowAnswersProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delayMs,
    held: () => held,
    nextHold: () => new Promise<void>((resolve) => holding.push(resolve)),
    requests: [],
  };
  return proxy;
}
