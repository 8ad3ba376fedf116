import { ConnectorError } from "../../../src/connectors/kit/connector-error.ts";
import type { Sink } from "../../../src/connectors/kit/connector.ts";
import type { MinimalClient, MinimalSettings } from "./client.ts";
import { fromMinimal, minimalCustomerSchema, toMinimalCreate, toMinimalPatch } from "./mapping.ts";

/** No idempotency keys, no conditional writes: the ledger writes what it is sent. */
export function createMinimalSink(client: MinimalClient, settings: MinimalSettings): Sink {
  return {
    async createCustomer(customer, options) {
      if (!options.number)
        throw new ConnectorError("invalid", "the ledger's customer numbers are the hub's to pick");
      const { data } = await client.request({
        method: "POST",
        path: "/v2/customers",
        body: {
          ...toMinimalCreate(customer, settings.fieldMap),
          number: options.number,
          ...(options.ref ? { ref: options.ref } : {}),
        },
        schema: minimalCustomerSchema,
      });
      return fromMinimal(data, settings.fieldMap);
    },
    async updateCustomer(id, operations) {
      const { data } = await client.request({
        method: "PATCH",
        path: `/v2/customers/${encodeURIComponent(id)}`,
        body: toMinimalPatch(operations, settings.fieldMap),
        schema: minimalCustomerSchema,
      });
      return { ok: true, customer: fromMinimal(data, settings.fieldMap) };
    },
  };
}
