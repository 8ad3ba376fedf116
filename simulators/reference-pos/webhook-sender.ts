import { createHmac } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Subscription } from "./pos-state.ts";

export interface WebhookSenderOptions {
  retryBaseMs: number;
  maxAttempts: number;
  /** a subscription deleted since the first attempt gets no retries */
  isSubscribed: (subscriptionId: string) => boolean;
  log: (line: Record<string, unknown>) => void;
}

/**
 * Sends customer events to every subscription, signed as docs/pos-protocol.md says, and retries
 * a failed delivery with exponential backoff (base, 2x, 4x ... capped at 60 s). Deliveries run
 * independently, so they can arrive out of order, as a real POS's would.
 */
export function createWebhookSender(options: WebhookSenderOptions) {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  // node:http with kept-alive sockets, not fetch: at a hundred deliveries a second fetch's
  // per-request streams and abort signals cost the POS more CPU than everything else it does
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
  };

  /** POSTs `body` to `url`; true on a 2xx answer within 10 s. */
  function post(url: string, headers: Record<string, string>, body: string): Promise<boolean> {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    return new Promise((resolve) => {
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method: "POST",
          agent: secure ? agents.https : agents.http,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          timeout: 10_000,
        },
        (response) => {
          response.resume();
          response.once("end", () =>
            resolve(response.statusCode! >= 200 && response.statusCode! < 300),
          );
          response.once("error", () => resolve(false));
        },
      );
      req.once("timeout", () => req.destroy(new Error("webhook delivery timed out")));
      req.once("error", () => resolve(false));
      req.end(body);
    });
  }

  async function deliver(
    sub: Subscription,
    eventId: string,
    body: string,
    attempt: number,
  ): Promise<void> {
    if (closed || !options.isSubscribed(sub.id)) return;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac("sha256", sub.secret).update(`${timestamp}.${body}`).digest("hex");
    const ok = await post(
      sub.url,
      {
        "content-type": "application/json",
        "x-pos-event-id": eventId,
        "x-pos-timestamp": timestamp,
        "x-pos-signature": `v1=${signature}`,
      },
      body,
    );
    if (ok || closed) return;
    if (attempt >= options.maxAttempts) {
      options.log({ msg: "webhook given up", eventId, url: sub.url, attempts: attempt });
      return;
    }
    const delay = Math.min(60_000, options.retryBaseMs * 2 ** (attempt - 1));
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliver(sub, eventId, body, attempt + 1);
    }, delay);
    timers.add(timer);
  }

  return {
    /** One event to every subscription; its id is the record and its version, the same on every retry. */
    send(
      subscriptions: Iterable<Subscription>,
      event: {
        type: string;
        record: { id: string; version: number };
        key: string;
        occurredAt: string;
      },
    ) {
      const eventId = `evt_${event.record.id}_${event.record.version}`;
      const body = JSON.stringify({
        id: eventId,
        type: event.type,
        occurredAt: event.occurredAt,
        data: { [event.key]: event.record },
      });
      for (const sub of subscriptions) void deliver(sub, eventId, body, 1);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
