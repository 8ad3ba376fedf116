import { OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { LiveChanges } from "../services/live-changes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute } from "./role-route.ts";
import { errorResponses } from "./schemas.ts";

/** A stream lasts an hour, then the browser reconnects (and its sign-in is checked again). */
const streamMs = 3_600_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const keepAliveMs = 25_000;

export const liveRoutes = (live: LiveChanges) =>
  new OpenAPIHono<HubEnv>().openapi(
    hubRoute({
      method: "get",
      path: "/v1/live",
      operationId: "watchChanges",
      summary: "R11.9: a server-sent event each time the store's data changes",
      description:
        "Server-sent events: `ready` once, then `change` within about a second of any change to the store's customers, sales, conflicts, runs or finished writes, made here or by a worker (a POS edit merged, a batch let through). The event says only that something changed: ask the API for what you show. A stream ends after an hour; EventSource reconnects on its own.",
      roles: anyRole,
      tags: ["live"],
      responses: {
        200: {
          description: "the event stream",
          content: { "text/event-stream": { schema: z.string() } },
        },
        ...errorResponses,
      },
    }),
    (c) =>
      streamSSE(c, async (stream) => {
        let pending = false;
        let wake = () => {};
        const stop = live.watch(c.var.actor.storeId, () => {
          pending = true;
          wake();
        });
        stream.onAbort(() => wake());
        try {
          await stream.writeSSE({ event: "ready", data: "{}", retry: 3000 });
          const ends = Date.now() + streamMs;
          while (!stream.aborted && Date.now() < ends) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, keepAliveMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            if (stream.aborted) break;
            if (pending) {
              pending = false;
              await stream.writeSSE({ event: "change", data: "{}" });
            } else await stream.write(": keep-alive\n\n");
          }
        } finally {
          stop();
        }
      }) as never,
  );
