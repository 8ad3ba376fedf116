import { createLogger, type Logger } from "../log.ts";
import { systemClock } from "../domain/clock.ts";
import { createConnectorResolver } from "../services/connector-resolver.ts";
import type { ServiceContext } from "../services/service-context.ts";
import { openDatabase, type Db } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";
import { loadSecretKey } from "../store/secret-box.ts";

export interface HubSettings {
  databaseUrl?: string | undefined;
  dataDir: string;
  secretKey?: string | undefined;
  publicUrl: string;
  logLevel: string;
}

/**
 * Opens the store (PostgreSQL with a URL, PGlite in the data directory otherwise), applies the
 * migrations, and builds what every use case needs.
 */
export async function openHub(
  settings: HubSettings,
  log: Logger = createLogger(settings.logLevel),
): Promise<ServiceContext & { db: Db }> {
  const db = await openDatabase({
    url: settings.databaseUrl,
    dataDir: settings.databaseUrl ? undefined : settings.dataDir,
  });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, "migrations applied");
  const secretKey = loadSecretKey({
    secretKey: settings.secretKey,
    dataDir: settings.databaseUrl ? undefined : settings.dataDir,
  });
  return {
    db,
    clock: systemClock,
    secretKey,
    resolveConnector: createConnectorResolver(db, secretKey),
    log,
    publicUrl: settings.publicUrl,
  };
}
