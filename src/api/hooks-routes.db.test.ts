import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { createTestHub } from "../../test/setup/hub.ts";
import { integrationOptionsSchema } from "../domain/integration-options.ts";
import { insertIntegration } from "../store/integrations-table.ts";
import { createApp } from "./app.ts";

// The webhook endpoint end to end: each refused delivery is refused for its own reason alone
// (a correct signature with an old timestamp, a fresh timestamp with a wrong signature, a body
// changed after signing) and leaves nothing in the inbox; the correct one is recorded.

describe.each(engines)("POST /hooks/{id} on $name", (engine) => {
  it("S4: only a delivery signed with the integration's secret, within 5 minutes, reaches the inbox", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const secret = `whsec-${randomBytes(12).toString("hex")}`;
    const id = await insertIntegration(db, hub.ctx.secretKey, {
      storeId: hub.admin.storeId,
      kind: "pos",
      profile: "pos",
      name: "POS",
      baseUrl: "http://127.0.0.1:1",
      credentials: { apiKey: "pos-key-unused", webhookSecret: secret },
      options: integrationOptionsSchema.parse({ webhooks: true }),
      now: hub.clock.now(),
    });
    const app = createApp(hub.ctx);
    const now = Math.floor(hub.clock.now().getTime() / 1000);
    const body = JSON.stringify({
      id: "evt_1",
      type: "customer.created",
      data: { customer: { id: "c_000001", version: 1, firstName: "Ada" } },
    });
    const sign = (timestamp: number, raw: string, key = secret) =>
      `v1=${createHmac("sha256", key).update(`${timestamp}.${raw}`).digest("hex")}`;
    const post = async (timestamp: number, signature: string, raw = body) => {
      const response = await app.request(`/hooks/${id}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-pos-timestamp": String(timestamp),
          "x-pos-signature": signature,
        },
        body: raw,
      });
      return {
        status: response.status,
        body: (await response.json()) as { error?: { message: string } },
      };
    };
    const inbox = async () =>
      Number((await db.query<{ n: number }>("select count(*) as n from change_events"))[0]!.n);

    const refused = [
      // a correct signature, but from 10 minutes ago: a replay
      await post(now - 600, sign(now - 600, body)),
      // fresh, with a signature of the right shape and the wrong value
      await post(now, `v1=${randomBytes(32).toString("hex")}`),
      // fresh, signed with another secret
      await post(now, sign(now, body, "not-the-secret")),
      // signed, then the body changed
      await post(now, sign(now, body), body.replace('"Ada"', '"Eve"')),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(answer.body.error?.message).toMatch(/^webhook: X-POS-(Signature|Timestamp) /);
    }
    expect(await inbox()).toBe(0);

    const accepted = await post(now, sign(now, body));
    expect(accepted).toEqual({ status: 202, body: { received: 1, recorded: 1 } });
    expect(await inbox()).toBe(1);
  });
});
