import { z } from "zod";
import { defineConnector, type Manifest } from "../../../src/connectors/kit/manifest.ts";
import { createMinimalClient, type MinimalSettings } from "./client.ts";
import { createMinimalSink } from "./sink.ts";
import { createMinimalSource } from "./source.ts";

/**
 * R8.2: the minimal connector, used only by the tests: a system with far fewer capabilities than
 * the POS, to prove the kit and the engine need no more than a manifest claims. Customers only,
 * polled (no webhooks), no conditional writes (the kit reads before it writes), no idempotency
 * keys, no lookup by email; the hub picks customer numbers and can look them up, which is how a
 * create whose answer was lost is found again (apply/create-partner.ts).
 */
export const minimalManifest = {
  kind: "minimal",
  displayName: "Minimal ledger (tests only)",
  records: ["customers"],
  feeds: ["poll"],
  webhookTimestamps: false,
  lookups: { email: false, number: true },
  writes: true,
  storesRef: true,
  conditionalWrites: false,
  idempotencyKeys: false,
  customerNumbers: "ours",
  rateLimit: { requestsPerSecond: 200, burst: 50 },
  baseUrl: "required",
  credentials: z.strictObject({ token: z.string().min(8).max(200) }),
  generatedSecrets: [],
  options: z.strictObject({
    /** the ledger's page size (it serves at most 100) */
    pageSize: z.number().int().min(1).max(100).default(50),
  }),
  profile: "customers",
} satisfies Manifest<z.ZodObject, z.ZodObject, never>;

export function createMinimal(settings: MinimalSettings) {
  const client = createMinimalClient(settings);
  return {
    source: createMinimalSource(client, settings),
    sink: createMinimalSink(client, settings),
  };
}

export const minimalConnector = defineConnector(minimalManifest, createMinimal);
