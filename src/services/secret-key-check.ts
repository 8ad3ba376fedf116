import type { Queryable } from "../store/database.ts";
import { listIntegrations, readCredentials } from "../store/integrations-table.ts";
import { StoreError } from "../store/store-error.ts";

/**
 * Proves at start that this process's secret key opens the stored credentials, so a process
 * started with the wrong TANDEM_SECRET_KEY stops at once with what to do, instead of failing every
 * poll and every job it takes (and letting those jobs die that a right-keyed worker would do).
 */
export async function checkSecretKey(db: Queryable, key: Buffer): Promise<void> {
  for (const integration of await listIntegrations(db)) {
    try {
      await readCredentials(db, integration.id, key);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      throw new StoreError(
        "secret_key",
        `the secret key does not open the credentials of integration ${integration.id} (${integration.name}): start this process with the TANDEM_SECRET_KEY the hub was set up with (see docs/operations.md)`,
      );
    }
  }
}
