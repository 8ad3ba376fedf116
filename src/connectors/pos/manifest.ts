import type { Connector, ConnectorSettings, Manifest } from "../kit/connector.ts";
import { createPosClient } from "./client.ts";
import { createPosSink } from "./sink.ts";
import { createPosSource } from "./source.ts";
import { createPosWebhook } from "./webhook.ts";

/** The open POS protocol (docs/pos-protocol.md): webhooks, conditional writes, idempotency keys. */
export const posManifest: Manifest = {
  kind: "pos",
  displayName: "Point of sale (open POS protocol)",
  webhooks: true,
  conditionalWrites: true,
};

export function createPosConnector(settings: ConnectorSettings): Connector {
  const client = createPosClient(settings);
  return {
    manifest: posManifest,
    source: createPosSource(client, settings),
    sink: createPosSink(client, settings),
    webhook: createPosWebhook(client, settings),
  };
}
