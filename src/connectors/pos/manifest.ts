import { z } from "zod";
import { defineConnector } from "../kit/manifest.ts";
import { createPosClient } from "./client.ts";
import { createPosSink } from "./sink.ts";
import { createPosSource } from "./source.ts";
import { createPosWebhook } from "./webhook.ts";

/**
 * The open POS protocol (docs/pos-protocol.md): webhooks and a versioned changes feed, conditional
 * writes (`expect`, 409 with the current state), idempotency keys, lookup by email, numbers the
 * POS picks unless asked for one. Its profile is SPEC F1-F10.
 */
export const posConnector = defineConnector(
  {
    kind: "pos",
    displayName: "Point of sale (open POS protocol)",
    records: ["customers", "notes", "wishes", "sales", "inventory", "activity"],
    feeds: ["webhook", "poll"],
    webhookTimestamps: true,
    lookups: { email: true, number: false },
    writes: true,
    storesRef: true,
    conditionalWrites: true,
    idempotencyKeys: true,
    customerNumbers: "system",
    // the protocol documents no limit; 429 answers are still honoured (http-client.ts)
    rateLimit: null,
    baseUrl: "required",
    credentials: z.strictObject({ apiKey: z.string().min(1).max(2000) }),
    // the webhook's signing secret is the hub's, made when the integration is created
    generatedSecrets: ["webhookSecret"],
    options: z.strictObject({}),
    profile: "pos",
  },
  (settings) => {
    const client = createPosClient(settings);
    return {
      source: createPosSource(client, settings),
      sink: createPosSink(client, settings),
      webhook: createPosWebhook(client, settings),
    };
  },
);

export const posManifest = posConnector.manifest;
