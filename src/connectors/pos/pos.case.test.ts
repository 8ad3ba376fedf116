import { createHmac } from "node:crypto";
import { startReferencePos } from "../../../simulators/reference-pos/server.ts";
import { connectorContract } from "../kit/connector-contract.ts";
import { posConnector } from "./manifest.ts";

const apiKey = "contract-key";
const webhookSecret = "contract-webhook-secret";

// The POS's part of the contract suite (kit/connector-contract.ts): its simulator, its staff
// endpoints and its webhook signature; the suite runs what posConnector's manifest claims.
connectorContract("pos (reference POS)", posConnector.manifest, async () => {
  const pos = await startReferencePos({ port: 0, apiKey });
  const connectWithKey = (key: string) =>
    posConnector.build({
      baseUrl: pos.url,
      credentials: { apiKey: key, webhookSecret },
      connection: {},
      fieldMap: {},
      country: "US",
      timeoutMs: 5000,
      maxAttempts: 2,
    });
  const staff = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, pos.url), {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    connector: connectWithKey(apiKey),
    settings: { credentials: { apiKey }, options: {} },
    connectRefused: () => connectWithKey(`wrong-${Math.random().toString(36).slice(2)}`),
    createExternally: async ({ firstName, email }) =>
      (
        await staff<{ id: string }>("POST", "/staff/customers", {
          firstName,
          contacts: [{ type: "email", value: email }],
        })
      ).id,
    renameExternally: async (id, firstName) =>
      void (await staff("PATCH", `/staff/customers/${id}`, { set: { firstName } })),
    listExternally: async () =>
      (
        await staff<{ customers: Array<{ id: string; firstName: string | null }> }>(
          "GET",
          "/staff/customers",
        )
      ).customers.map((c) => ({ id: c.id, firstName: c.firstName })),
    // docs/pos-protocol.md, Webhooks: X-POS-Signature is v1=HMAC-SHA256(secret, "<timestamp>.<raw body>")
    signedDelivery: (at) => {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const rawBody = JSON.stringify({
        id: "evt_contract_1",
        type: "customer.updated",
        data: { customer: { id: "c_000001", version: 1, firstName: "Ada" } },
      });
      const mac = createHmac("sha256", webhookSecret).update(`${timestamp}.${rawBody}`);
      return {
        headers: { "x-pos-timestamp": timestamp, "x-pos-signature": `v1=${mac.digest("hex")}` },
        rawBody,
      };
    },
    close: () => pos.close(),
  };
});
