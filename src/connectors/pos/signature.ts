import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of `${timestamp}.${body}`, hex: the POS protocol's webhook signature (docs/pos-protocol.md). */
export function signTimestamped(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
