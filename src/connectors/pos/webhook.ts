import { z } from "zod";
import { ConnectorError } from "../kit/connector-error.ts";
import type { Webhook, WebhookContent } from "../kit/connector.ts";
import type { PosClient, PosSettings } from "./client.ts";
import { safeEqual, signTimestamped } from "./signature.ts";
import { fromPos, posCustomerSchema } from "./mapping.ts";
import {
  fromPosInventory,
  fromPosSale,
  posInventorySchema,
  posSaleSchema,
} from "./retail-mapping.ts";

const eventSchema = z.discriminatedUnion("type", [
  z.object({
    id: z.string(),
    type: z.enum(["customer.created", "customer.updated"]),
    data: z.object({ customer: posCustomerSchema }),
  }),
  z.object({
    id: z.string(),
    type: z.literal("inventory.updated"),
    data: z.object({ item: posInventorySchema }),
  }),
  z.object({
    id: z.string(),
    type: z.literal("sale.created"),
    data: z.object({ sale: posSaleSchema }),
  }),
]);

/** Deliveries older or newer than this are refused (replay protection, docs/pos-protocol.md). */
const toleranceSeconds = 300;

export function createPosWebhook(client: PosClient, settings: PosSettings): Webhook {
  return {
    async register(url) {
      const { data } = await client.request({
        path: "/api/v1/webhooks",
        schema: z.object({ webhooks: z.array(z.object({ id: z.string(), url: z.string() })) }),
      });
      if (data.webhooks.some((w) => w.url === url)) return;
      await client.request({
        method: "POST",
        path: "/api/v1/webhooks",
        body: { url, secret: settings.credentials.webhookSecret },
        schema: z.unknown(),
      });
    },
    parse({ headers, rawBody }, now) {
      const timestamp = headers["x-pos-timestamp"] ?? "";
      const signature = headers["x-pos-signature"] ?? "";
      const expected = `v1=${signTimestamped(settings.credentials.webhookSecret, timestamp, rawBody)}`;
      if (!safeEqual(signature, expected))
        throw new ConnectorError(
          "unauthorized",
          "webhook: X-POS-Signature does not match the body",
        );
      const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
      if (!(age <= toleranceSeconds))
        throw new ConnectorError(
          "unauthorized",
          `webhook: X-POS-Timestamp is ${Math.round(age)} s away from now`,
        );
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new ConnectorError("invalid", "webhook: body is not JSON");
      }
      const event = eventSchema.safeParse(json);
      if (!event.success) {
        const issue = event.error.issues[0];
        throw new ConnectorError("invalid", `webhook: ${issue?.path.join(".")}: ${issue?.message}`);
      }
      const data = event.data;
      const content: WebhookContent =
        "customer" in data.data
          ? { customers: [fromPos(data.data.customer, settings.fieldMap)] }
          : "item" in data.data
            ? { inventory: [fromPosInventory(data.data.item)] }
            : { sales: [fromPosSale(data.data.sale)] };
      return content;
    },
  };
}
