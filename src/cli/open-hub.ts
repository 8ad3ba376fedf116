import { createLogger, type Logger } from "../log.ts";
import { systemClock } from "../domain/clock.ts";
import { createConnectorResolver } from "../services/connector-resolver.ts";
import { checkSecretKey } from "../services/secret-key-check.ts";
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
  /** what this process is, for a second process that finds the data directory taken */
  processName: string;
  /** told when the embedded store's lock was taken away: the process must stop */
  onFatal: (error: Error) => void;
}

/**
 * Opens the store (PostgreSQL with a URL, PGlite in the data directory otherwise), applies the
 * migrations, checks that the secret key opens the stored credentials, and builds what every use
 * case needs. Each way this can fail is a StoreError whose message says what to do.
 */
export async function openHub(
  settings: HubSettings,
  log: Logger = createLogger(settings.logLevel),
): Promise<ServiceContext & { db: Db }> {
  const dataDir = settings.databaseUrl ? undefined : settings.dataDir;
  const readKey = () => loadSecretKey({ secretKey: settings.secretKey, dataDir });
  // With a server, a missing or malformed key is told before connecting; the embedded store's
  // key file is read (or made) only once this process holds the private data directory.
  let secretKey = dataDir ? undefined : readKey();
  const db = await openDatabase({
    url: settings.databaseUrl,
    dataDir,
    processName: settings.processName,
    onLockLost: settings.onFatal,
  });
  try {
    secretKey ??= readKey();
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, "migrations applied");
    await checkSecretKey(db, secretKey);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    db,
    clock: systemClock,
    secretKey,
    resolveConnector: createConnectorResolver(db, secretKey),
    log,
    publicUrl: settings.publicUrl,
  };
}
