import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp, defaultApiLimits, type ApiLimits } from "../api/app.ts";
import type { ServiceContext } from "../services/service-context.ts";
import { listenFailure } from "./cli-error.ts";

/** Starts the HTTP API; resolves with its URL once it listens, rejects with what to do if it cannot. */
export function serveApi(
  ctx: ServiceContext,
  host: string,
  port: number,
  limits: ApiLimits = defaultApiLimits,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(ctx, limits);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off("error", failed);
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    const failed = (error: Error) => reject(listenFailure(error, "the hub's API", "--port (PORT)"));
    server.once("error", failed);
  });
}
