import type { ConnectorSettings, StoredRows } from "../kit/connector.ts";
import { ConnectorError } from "../kit/connector-error.ts";

/**
 * I3: a file integration's "system" is the file last imported, kept by the hub
 * (store/file-rows-table.ts) and handed over as `settings.storedRows`: there is nothing to sign
 * in to and no address.
 */
export function fileRowsOf(settings: ConnectorSettings): StoredRows {
  const rows = settings.storedRows;
  if (!rows)
    throw new ConnectorError(
      "invalid",
      "file: the hub gave no stored rows (a file integration is read only through the hub)",
    );
  return rows;
}
