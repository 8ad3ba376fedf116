import { z } from "zod";
import type { ConnectorSettings, ExternalCustomer, FeedPage, Source } from "../kit/connector.ts";
import type { PosClient } from "./client.ts";
import { fromPos, posCustomerSchema } from "./mapping.ts";
import {
  fromPosInventory,
  fromPosSale,
  posInventorySchema,
  posSaleSchema,
} from "./retail-mapping.ts";

const pingSchema = z.object({ ok: z.boolean(), name: z.string().optional() });
const changesSchema = z.object({
  customers: z.array(posCustomerSchema),
  cursor: z.union([z.number(), z.string()]),
  hasMore: z.boolean(),
});
const listSchema = z.object({ customers: z.array(posCustomerSchema), next: z.string().nullable() });

export function createPosSource(client: PosClient, settings: ConnectorSettings): Source {
  const map = (c: z.infer<typeof posCustomerSchema>) => fromPos(c, settings.fieldMap);
  return {
    async ping() {
      const { data } = await client.request({ path: "/api/v1/ping", schema: pingSchema });
      return { name: data.name ?? "POS" };
    },
    async pollChanges(cursor, limit) {
      const { data } = await client.request({
        path: "/api/v1/changes",
        query: { after: cursor ?? "0", limit },
        schema: changesSchema,
      });
      return {
        customers: data.customers.map(map),
        cursor: String(data.cursor),
        hasMore: data.hasMore,
      };
    },
    pollInventory: (cursor, limit) =>
      pollFeed(
        client,
        "/api/v1/inventory/changes",
        "items",
        posInventorySchema,
        fromPosInventory,
        cursor,
        limit,
      ),
    pollSales: (cursor, limit) =>
      pollFeed(client, "/api/v1/sales/changes", "sales", posSaleSchema, fromPosSale, cursor, limit),
    async getCustomer(id): Promise<ExternalCustomer | null> {
      const { status, data } = await client.request({
        path: `/api/v1/customers/${encodeURIComponent(id)}`,
        schema: posCustomerSchema.or(z.unknown()),
        accept: [404],
      });
      return status === 404 ? null : map(posCustomerSchema.parse(data));
    },
    async findByEmail(email) {
      const { data } = await client.request({
        path: "/api/v1/customers",
        query: { email, limit: 10 },
        schema: listSchema,
      });
      return data.customers.map(map);
    },
  };
}

/** One page of a version-cursor feed (inventory, sales): the same shape as the customer feed. */
async function pollFeed<S extends z.ZodType, T>(
  client: PosClient,
  path: string,
  key: string,
  schema: S,
  map: (record: z.infer<S>) => T,
  cursor: string | null,
  limit: number,
): Promise<FeedPage<T>> {
  const { data } = await client.request({
    path,
    query: { after: cursor ?? "0", limit },
    schema: z
      .object({ cursor: z.number(), hasMore: z.boolean() })
      .extend({ [key]: z.array(schema) }),
  });
  const page = data as { cursor: number; hasMore: boolean } & Record<string, Array<z.infer<S>>>;
  return {
    records: (page[key] ?? []).map(map),
    cursor: String(page.cursor),
    hasMore: page.hasMore,
  };
}
