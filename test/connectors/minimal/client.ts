import type { ConnectorSettings } from "../../../src/connectors/kit/connector.ts";
import { httpClientFor } from "../../../src/connectors/kit/http-client.ts";

export type MinimalSettings = ConnectorSettings<{ token: string }, { pageSize: number }>;

/** The ledger's HTTP client: its token header; timeouts, retries and the rate budget are the kit's. */
export const createMinimalClient = (settings: MinimalSettings) =>
  httpClientFor(settings, { "x-token": settings.credentials.token });

export type MinimalClient = ReturnType<typeof createMinimalClient>;
