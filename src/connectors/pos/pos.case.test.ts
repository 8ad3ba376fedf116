import { startReferencePos } from "../../../simulators/reference-pos/server.ts";
import { connectorContract } from "../kit/connector-contract.ts";
import { createPosConnector } from "./manifest.ts";

const apiKey = "contract-key";

connectorContract("pos (reference POS)", async () => {
  const pos = await startReferencePos({ port: 0, apiKey });
  const connector = createPosConnector({
    baseUrl: pos.url,
    credentials: { apiKey, webhookSecret: "secret" },
    fieldMap: {},
    country: "US",
    timeoutMs: 5000,
    maxAttempts: 2,
  });
  const staff = async (method: string, path: string, body: unknown) => {
    const response = await fetch(new URL(path, pos.url), {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  return {
    connector,
    createExternally: async ({ firstName, email }) =>
      (
        await staff("POST", "/staff/customers", {
          firstName,
          contacts: [{ type: "email", value: email }],
        })
      ).id,
    renameExternally: async (id, firstName) =>
      void (await staff("PATCH", `/staff/customers/${id}`, { set: { firstName } })),
    close: () => pos.close(),
  };
});
