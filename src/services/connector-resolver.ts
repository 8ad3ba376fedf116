import type { ExternalCustomer } from "../domain/customer.ts";
import { readFileRow, readFileRowsPage, type FileRow } from "../store/file-rows-table.ts";
import type {
  Connector,
  ConnectorResolver,
  ConnectorSettings,
  ResolvableIntegration,
  StoredRows,
} from "../connectors/kit/connector.ts";
import { createRateBudget, type RateBudget } from "../connectors/kit/rate-budget.ts";
import { shippedConnectors, type ConnectorRegistry } from "../connectors/registry.ts";
import type { Queryable } from "../store/database.ts";
import { readCredentials, type Credentials } from "../store/integrations-table.ts";

export type ConnectorTuning = Pick<ConnectorSettings, "timeoutMs" | "maxAttempts">;

/** I3: a file integration's rows as its connector reads them (store/file-rows-table.ts). */
export function storedRowsOf(db: Queryable, integrationId: number): StoredRows {
  const external = (row: FileRow): ExternalCustomer => ({
    id: row.externalId,
    number: row.externalId,
    version: row.version,
    customer: row.customer,
  });
  return {
    page: async (after, limit) =>
      (await readFileRowsPage(db, integrationId, after, limit)).map(external),
    get: async (id) => {
      const row = await readFileRow(db, integrationId, id);
      return row && external(row);
    },
  };
}

/** Builds the connector of an integration with the given credentials (checked by its manifest). */
export function buildConnector(
  registry: ConnectorRegistry,
  integration: ResolvableIntegration,
  credentials: Credentials,
  tuning: ConnectorTuning & { budget?: RateBudget; storedRows?: StoredRows } = {},
): Connector {
  return registry.definitionOf(integration.kind).build({
    baseUrl: integration.baseUrl,
    credentials,
    connection: integration.connection,
    fieldMap: integration.options.fieldMap,
    country: integration.country,
    ...tuning,
  });
}

/**
 * Builds connectors from integration rows: decrypts the credentials, applies the field mapping.
 * `tuning` lets tests and operators shorten timeouts and retries; `registry` is the connector
 * kinds the hub knows (a test hub adds its own). R8.1: each integration has one rate budget in
 * this process, shared by every connector built for it, so concurrent jobs draw from one bucket.
 * R8.5: the connector built for an integration is kept while what it was built from is the same
 * (credentials by their tag, address, options, mapping, country): a webhook or a job does not
 * read and decrypt the credentials again. Connectors hold no state of their own (docs/connectors.md).
 */
export function createConnectorResolver(
  db: Queryable,
  secretKey: Buffer,
  tuning: ConnectorTuning = {},
  registry: ConnectorRegistry = shippedConnectors,
): ConnectorResolver {
  const budgets = new Map<number, RateBudget>();
  const built = new Map<number, { from: string; connector: Connector }>();
  return async (integration) => {
    const from = JSON.stringify([
      integration.kind,
      integration.credentialsTag ?? null,
      integration.baseUrl,
      integration.connection,
      integration.options.fieldMap ?? null,
      integration.country,
    ]);
    const kept = built.get(integration.id);
    if (kept && integration.credentialsTag !== undefined && kept.from === from)
      return kept.connector;
    const credentials = await readCredentials(db, integration.id, secretKey);
    let budget = budgets.get(integration.id);
    if (!budget) {
      budget = createRateBudget(registry.definitionOf(integration.kind).manifest.rateLimit);
      budgets.set(integration.id, budget);
    }
    const connector = buildConnector(registry, integration, credentials, {
      ...tuning,
      budget,
      storedRows: storedRowsOf(db, integration.id),
    });
    built.set(integration.id, { from, connector });
    return connector;
  };
}
