import type { Connector, ConnectorSettings } from "./kit/connector.ts";
import { createPosConnector } from "./pos/manifest.ts";

/** Every connector Tandem ships, by integration kind. */
const factories: Record<string, (settings: ConnectorSettings) => Connector> = {
  pos: createPosConnector,
};

export const connectorKinds = Object.keys(factories);

export function createConnector(kind: string, settings: ConnectorSettings): Connector {
  const factory = factories[kind];
  if (!factory)
    throw new Error(`unknown integration kind '${kind}' (known: ${connectorKinds.join(", ")})`);
  return factory(settings);
}
