import { createHttpClient } from "../kit/http-client.ts";
import type { ConnectorSettings } from "../kit/connector.ts";

/** The HTTP client for one POS integration: bearer key, timeouts and retries from the kit. */
export function createPosClient(settings: ConnectorSettings) {
  return createHttpClient({
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.credentials.apiKey}` },
    timeoutMs: settings.timeoutMs,
    maxAttempts: settings.maxAttempts,
  });
}

export type PosClient = ReturnType<typeof createPosClient>;
