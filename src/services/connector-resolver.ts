import type { ConnectorResolver, ConnectorSettings } from "../connectors/kit/connector.ts";
import { createConnector } from "../connectors/registry.ts";
import type { Queryable } from "../store/database.ts";
import { readCredentials } from "../store/integrations-table.ts";

/**
 * Builds connectors from integration rows: decrypts the credentials, applies the field mapping.
 * `tuning` lets tests and operators shorten timeouts and retries.
 */
export function createConnectorResolver(
  db: Queryable,
  secretKey: Buffer,
  tuning: Pick<ConnectorSettings, "timeoutMs" | "maxAttempts"> = {},
): ConnectorResolver {
  return async (integration) => {
    const credentials = await readCredentials(db, integration.id, secretKey);
    return createConnector(integration.kind, {
      baseUrl: integration.baseUrl,
      credentials,
      fieldMap: integration.options.fieldMap,
      country: integration.country,
      ...tuning,
    });
  };
}
