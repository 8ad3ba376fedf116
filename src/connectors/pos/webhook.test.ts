import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WebhookDelivery } from "../kit/connector.ts";
import { ConnectorError } from "../kit/connector-error.ts";
import { posConnector } from "./manifest.ts";

// Each check of a delivery is tested alone: a delivery that fails two checks at once (a stale
// timestamp and a bad signature) cannot tell whether either check works. The signature here is
// computed with node:crypto directly, as docs/pos-protocol.md states it, not with our own helper.

const secret = `whsec-${randomBytes(8).toString("hex")}`;
const webhook = posConnector.build({
  baseUrl: "http://127.0.0.1:1",
  credentials: { apiKey: "unused-key", webhookSecret: secret },
  connection: {},
  fieldMap: {},
  country: "US",
}).webhook!;

const now = new Date("2026-11-22T09:00:00Z");
const nowSeconds = now.getTime() / 1000;

const body = JSON.stringify({
  id: "evt_c_000123_1",
  type: "customer.updated",
  data: { customer: { id: "c_000123", version: 7, firstName: "Ada", lastName: "Lovelace" } },
});

const hmac = (key: string, timestamp: string, raw: string) =>
  createHmac("sha256", key).update(`${timestamp}.${raw}`).digest("hex");

function delivery(options: {
  timestamp?: number;
  signature?: string;
  rawBody?: string;
  signedBody?: string;
  signedTimestamp?: number;
  key?: string;
}): WebhookDelivery {
  const timestamp = String(options.timestamp ?? nowSeconds);
  const signedTimestamp = String(options.signedTimestamp ?? timestamp);
  const signature =
    options.signature ??
    `v1=${hmac(options.key ?? secret, signedTimestamp, options.signedBody ?? options.rawBody ?? body)}`;
  return {
    headers: { "x-pos-timestamp": timestamp, "x-pos-signature": signature },
    rawBody: options.rawBody ?? body,
  };
}

function refusal(d: WebhookDelivery): ConnectorError {
  try {
    webhook.parse(d, now);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error("the delivery was accepted");
}

describe("POS webhook verification (docs/pos-protocol.md, Webhooks)", () => {
  it("S4: a delivery signed with the secret over the timestamp and the raw body, sent now, is accepted", () => {
    const content = webhook.parse(delivery({}), now);
    expect(content.customers).toEqual([expect.objectContaining({ id: "c_000123", version: 7 })]);
    // the edges of the 5-minute window are inside it
    expect(webhook.parse(delivery({ timestamp: nowSeconds - 299 }), now).customers).toHaveLength(1);
    expect(webhook.parse(delivery({ timestamp: nowSeconds + 299 }), now).customers).toHaveLength(1);
  });

  it("S4: a correctly signed delivery from more than 5 minutes ago (a replay), or as far ahead, is refused", () => {
    for (const timestamp of [nowSeconds - 301, nowSeconds + 301, nowSeconds - 86_400 * 365]) {
      const error = refusal(delivery({ timestamp }));
      expect(error.code).toBe("unauthorized");
      expect(error.message).toMatch(/X-POS-Timestamp is \d+ s away from now/);
    }
  });

  it("S4: a fresh delivery whose signature has the right shape but the wrong value is refused", () => {
    const wrong = [
      `v1=${"0".repeat(64)}`,
      `v1=${randomBytes(32).toString("hex")}`,
      // signed with another secret
      `v1=${hmac("another-secret", String(nowSeconds), body)}`,
      // the right HMAC without its version prefix, and with another version
      hmac(secret, String(nowSeconds), body),
      `v2=${hmac(secret, String(nowSeconds), body)}`,
      "v1=",
      "",
    ];
    for (const signature of wrong) {
      const error = refusal(delivery({ signature }));
      expect(error.code, signature).toBe("unauthorized");
      expect(error.message).toBe("webhook: X-POS-Signature does not match the body");
    }
  });

  it("S4: a body changed after signing, or a timestamp changed after signing, is refused", () => {
    const changed = body.replace('"Ada"', '"Eve"');
    expect(refusal(delivery({ rawBody: changed, signedBody: body })).code).toBe("unauthorized");
    // a replay with a fresh timestamp but the old signature
    expect(
      refusal(delivery({ timestamp: nowSeconds, signedTimestamp: nowSeconds - 3600 })).code,
    ).toBe("unauthorized");
  });

  it("S4: a timestamp that is not a number is refused even when the signature covers it", () => {
    const error = refusal({
      headers: {
        "x-pos-timestamp": "soon",
        "x-pos-signature": `v1=${hmac(secret, "soon", body)}`,
      },
      rawBody: body,
    });
    expect(error.code).toBe("unauthorized");
  });
});
