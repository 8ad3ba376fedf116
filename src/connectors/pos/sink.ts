import { z } from "zod";
import { ConnectorError } from "../kit/connector-error.ts";
import type { Sink } from "../kit/connector.ts";
import type { PosClient, PosSettings } from "./client.ts";

import { fromPos, posCustomerSchema, toPosCreate, toPosPatch } from "./mapping.ts";

const preconditionSchema = z.object({ customer: posCustomerSchema });

export function createPosSink(client: PosClient, settings: PosSettings): Sink {
  const writeHeaders = (idempotencyKey: string) => ({ "idempotency-key": idempotencyKey });
  return {
    async createCustomer(customer, options) {
      const { data } = await client.request({
        method: "POST",
        path: "/api/v1/customers",
        headers: writeHeaders(options.idempotencyKey),
        body: {
          ...toPosCreate(customer, settings.fieldMap),
          ...(options.number ? { number: options.number } : {}),
          ...(options.ref ? { externalRef: options.ref } : {}),
          ...(options.associateNumber ? { associateNumber: options.associateNumber } : {}),
        },
        schema: posCustomerSchema,
      });
      return fromPos(data, settings.fieldMap);
    },
    async addActivity(customerId, activity, options) {
      await client.request({
        method: "POST",
        path: `/api/v1/customers/${encodeURIComponent(customerId)}/activity`,
        headers: writeHeaders(options.idempotencyKey),
        body: {
          type: activity.type,
          body: activity.body,
          sentAt: activity.sentAt,
          externalRef: activity.ref,
          ...(options.associateNumber ? { associateNumber: options.associateNumber } : {}),
        },
        schema: z.unknown(),
      });
    },
    async updateCustomer(id, operations, options) {
      const { status, data } = await client.request({
        method: "PATCH",
        path: `/api/v1/customers/${encodeURIComponent(id)}`,
        headers: writeHeaders(options.idempotencyKey),
        body: {
          ...toPosPatch(operations, settings.fieldMap),
          ...(options.associateNumber ? { associateNumber: options.associateNumber } : {}),
        },
        schema: z.unknown(),
        accept: [409],
      });
      if (status === 409) {
        const parsed = preconditionSchema.safeParse(data);
        if (!parsed.success)
          throw new ConnectorError(
            "precondition_failed",
            `PATCH customer ${id}: 409 without the current customer`,
          );
        return {
          ok: false,
          reason: "precondition_failed",
          customer: fromPos(parsed.data.customer, settings.fieldMap),
        };
      }
      return { ok: true, customer: fromPos(posCustomerSchema.parse(data), settings.fieldMap) };
    },
  };
}
