import type { ConnectorSettings } from "../../../src/connectors/kit/connector.ts";
import { createHttpClient } from "../../../src/connectors/kit/http-client.ts";

export type MinimalSettings = ConnectorSettings<{ token: string }, { pageSize: number }>;

/** The ledger's HTTP client: its token header; timeouts, retries and the rate budget from the kit. */
export function createMinimalClient(settings: MinimalSettings) {
  if (!settings.baseUrl) throw new Error("a minimal integration needs a base URL");
  return createHttpClient({
    baseUrl: settings.baseUrl,
    headers: { "x-token": settings.credentials.token },
    timeoutMs: settings.timeoutMs,
    maxAttempts: settings.maxAttempts,
    budget: settings.budget,
  });
}

export type MinimalClient = ReturnType<typeof createMinimalClient>;
