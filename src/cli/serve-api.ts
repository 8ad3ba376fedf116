import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp, defaultApiLimits, type ApiLimits } from "../api/app.ts";
import type { ServiceContext } from "../services/service-context.ts";

/** Starts the HTTP API; resolves with its URL once it listens. */
export function serveApi(
  ctx: ServiceContext,
  host: string,
  port: number,
  limits: ApiLimits = defaultApiLimits,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(ctx, limits);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
