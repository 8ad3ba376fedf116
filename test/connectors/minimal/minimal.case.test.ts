import { connectorContract } from "../../../src/connectors/kit/connector-contract.ts";
import { minimalConnector } from "./manifest.ts";
import { startMinimalSimulator } from "./simulator.ts";

// The minimal connector's part of the contract suite: its simulator and its staff; the suite runs
// what its manifest claims (no webhooks, no lookup by email, no idempotency keys; its writes are
// conditional through the kit's read-before-write).
connectorContract("minimal (test ledger)", minimalConnector.manifest, async () => {
  const ledger = await startMinimalSimulator();
  const connect = (token: string) =>
    minimalConnector.build({
      baseUrl: ledger.url,
      credentials: { token },
      connection: { pageSize: 2 },
      fieldMap: {},
      country: "US",
      timeoutMs: 5000,
      maxAttempts: 2,
    });
  return {
    connector: connect(ledger.token),
    connectRefused: () => connect("not-the-token"),
    createExternally: async ({ firstName, email }) =>
      ledger.createAsStaff({ given_name: firstName, emails: [email] }).id,
    renameExternally: async (id, firstName) =>
      void ledger.editAsStaff(id, { given_name: firstName }),
    listExternally: async () =>
      ledger.customers().map((c) => ({ id: c.id, firstName: c.given_name })),
    close: () => ledger.close(),
  };
});
