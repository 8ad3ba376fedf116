import type { ConnectorSettings } from "../kit/connector.ts";
import { httpClientFor } from "../kit/http-client.ts";

/** What a POS connector is built with (checked by its manifest's schemas). */
export type PosSettings = ConnectorSettings<
  { apiKey: string; webhookSecret: string },
  Record<string, never>
>;

/** The HTTP client for one POS integration: its bearer key; the rest is the kit's. */
export const createPosClient = (settings: PosSettings) =>
  httpClientFor(settings, { authorization: `Bearer ${settings.credentials.apiKey}` });

export type PosClient = ReturnType<typeof createPosClient>;
