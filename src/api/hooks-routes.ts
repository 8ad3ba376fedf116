import { Hono } from "hono";
import { receiveWebhook } from "../capture/receive-webhook.ts";
import { ServiceError } from "../services/service-error.ts";
import type { HubEnv } from "./hub-env.ts";
import { decimalInteger } from "./schemas.ts";

/**
 * Webhook intake (S4). Not behind the bearer token: each delivery is verified by its connector
 * (the POS protocol's HMAC signature). Answers 202 once the change is in the inbox.
 *
 * The app's request checks (request-checks.ts) have run first: the body is application/json,
 * within --max-body-bytes (refused from its Content-Length, or as it streams in, before it is read
 * whole), UTF-8 JSON without null bytes or lone surrogates. Only then is the signature checked.
 */
const integrationIdSchema = decimalInteger();

export const hooksRoutes = new Hono<HubEnv>().post("/hooks/:integrationId", async (c) => {
  const raw = c.req.param("integrationId");
  const parsed = integrationIdSchema.safeParse(raw);
  // R7.16: `/hooks/1e0` is not integration 1
  if (!parsed.success)
    throw new ServiceError("invalid", `integrationId: must be a plain decimal integer, e.g. 12`);
  const ctx = c.var.ctx;
  const result = await receiveWebhook(
    ctx.db,
    ctx.resolveConnector,
    parsed.data,
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
