import { createHttpClient } from "../kit/http-client.ts";
import type { ConnectorSettings } from "../kit/connector.ts";

/** What a POS connector is built with (checked by its manifest's schemas). */
export type PosSettings = ConnectorSettings<
  { apiKey: string; webhookSecret: string },
  Record<string, never>
>;

/** The HTTP client for one POS integration: bearer key, timeouts and retries from the kit. */
export function createPosClient(settings: PosSettings) {
  if (!settings.baseUrl) throw new Error("a POS integration needs a base URL");
  return createHttpClient({
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.credentials.apiKey}` },
    timeoutMs: settings.timeoutMs,
    maxAttempts: settings.maxAttempts,
  });
}

export type PosClient = ReturnType<typeof createPosClient>;
