import type { ConnectorDefinition } from "../../../src/connectors/kit/manifest.ts";
import { connectorContract } from "../../../src/connectors/kit/connector-contract.ts";
import { minimalConnector } from "./manifest.ts";
import { minimalScanConnector } from "./scan.ts";
import { startMinimalSimulator } from "./simulator.ts";

// The minimal connector's part of the contract suite: its simulator and its staff; the suite runs
// what its manifest claims (no webhooks, no lookup by email, no idempotency keys; its writes are
// conditional through the kit's read-before-write). The same ledger read whole (fullScan) runs
// the suite's full-scan test instead of the paged feed's.
const ledgerSetup = (definition: ConnectorDefinition) => async () => {
  const ledger = await startMinimalSimulator();
  const options = { pageSize: 2 };
  const connect = (token: string) =>
    definition.build({
      baseUrl: ledger.url,
      credentials: { token },
      connection: options,
      fieldMap: {},
      country: "US",
      timeoutMs: 5000,
      maxAttempts: 2,
    });
  return {
    connector: connect(ledger.token),
    settings: { credentials: { token: ledger.token }, options },
    connectRefused: () => connect("not-the-token"),
    createExternally: async ({ firstName, email }: { firstName: string; email: string }) =>
      ledger.createAsStaff({ given_name: firstName, emails: [email] }).id,
    renameExternally: async (id: string, firstName: string) =>
      void ledger.editAsStaff(id, { given_name: firstName }),
    listExternally: async () =>
      ledger.customers().map((c) => ({ id: c.id, firstName: c.given_name })),
    close: () => ledger.close(),
  };
};

connectorContract(
  "minimal (test ledger)",
  minimalConnector.manifest,
  ledgerSetup(minimalConnector),
);
connectorContract(
  "minimal, read whole (fullScan)",
  minimalScanConnector.manifest,
  ledgerSetup(minimalScanConnector),
);
