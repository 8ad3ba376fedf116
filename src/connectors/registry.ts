import type { ConnectorDefinition } from "./kit/manifest.ts";
import { fileConnector } from "./file/manifest.ts";
import { posConnector } from "./pos/manifest.ts";

/**
 * R8.1: the connector kinds a hub knows, by integration kind. Services and the connector resolver
 * are given one; the hub ships `shippedConnectors`, and a test hub may add its own (the minimal
 * connector of test/connectors/minimal/).
 */
export interface ConnectorRegistry {
  kinds: readonly string[];
  /** the definition of a kind; throws for a kind the hub does not know */
  definitionOf(kind: string): ConnectorDefinition;
}

export function connectorRegistry(...definitions: ConnectorDefinition[]): ConnectorRegistry {
  const byKind = new Map(definitions.map((d) => [d.manifest.kind, d]));
  const kinds = [...byKind.keys()];
  return {
    kinds,
    definitionOf(kind) {
      const definition = byKind.get(kind);
      if (!definition)
        throw new Error(`unknown integration kind '${kind}' (known: ${kinds.join(", ")})`);
      return definition;
    },
  };
}

/** Every connector Tandem ships. */
export const shippedConnectors = connectorRegistry(posConnector, fileConnector);
