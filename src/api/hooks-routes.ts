import { Hono } from "hono";
import { receiveWebhook } from "../capture/receive-webhook.ts";
import type { HubEnv } from "./hub-env.ts";

/**
 * Webhook intake (S4). Not behind the bearer token: each delivery is verified by its connector
 * (the POS protocol's HMAC signature). Answers 202 once the change is in the inbox.
 */
export const hooksRoutes = new Hono<HubEnv>().post("/hooks/:integrationId", async (c) => {
  const integrationId = Number(c.req.param("integrationId"));
  if (!Number.isInteger(integrationId) || integrationId <= 0)
    return c.json({ error: { code: "not_found", message: "no such webhook" } }, 404);
  const ctx = c.var.ctx;
  const result = await receiveWebhook(
    ctx.db,
    ctx.resolveConnector,
    integrationId,
    {
      headers: Object.fromEntries(
        Object.entries(c.req.header()).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      rawBody: await c.req.text(),
    },
    ctx.clock.now(),
  );
  if (result.ok) return c.json({ received: result.received, recorded: result.recorded }, 202);
  const status = result.code === "not_found" ? 404 : result.code === "unauthorized" ? 401 : 400;
  return c.json({ error: { code: result.code, message: result.message } }, status);
});
