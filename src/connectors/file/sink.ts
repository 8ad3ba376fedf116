import type { Sink } from "../kit/connector.ts";
import { ConnectorError } from "../kit/connector-error.ts";

/**
 * I3: a customer file is read, never written: the manifest says `writes: false`, so the hub
 * never creates or updates a customer here (partners of hub customers are made in the file by
 * the store's own staff, then imported).
 */
const readOnly = async (): Promise<never> => {
  throw new ConnectorError(
    "invalid",
    "file: a customer file is read only; Tandem writes nothing to it",
  );
};

export const fileSink: Sink = { createCustomer: readOnly, updateCustomer: readOnly };
