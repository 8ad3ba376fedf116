import { systemClock } from "../domain/clock.ts";
import { createLogger } from "../log.ts";
import { ServiceError } from "../services/service-error.ts";
import type { UserContext } from "../services/users.ts";
import { openDatabase } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";

/**
 * Runs an operator's command on the hub's database itself (not through a running hub's API):
 * opened and migrated, closed after; a refusal of the services is one line on stderr and exit
 * code 1. The `users` and `stores` commands, which must work when no hub (or no admin) can.
 */
export async function onOwnStore(
  command: string,
  where: { databaseUrl?: string | undefined; dataDir?: string | undefined },
  run: (ctx: UserContext) => Promise<void>,
): Promise<void> {
  const db = await openDatabase({
    url: where.databaseUrl,
    dataDir: where.databaseUrl ? undefined : where.dataDir,
    processName: `tandem ${command}`,
  });
  try {
    await migrate(db);
    await run({ db, clock: systemClock, log: createLogger("warn") });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    process.stderr.write(`tandem ${command}: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
