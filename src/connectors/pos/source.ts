import { z } from "zod";
import type {
  ConnectorSettings,
  ExternalCustomer,
  FeedPage,
  RejectedRecord,
  Source,
} from "../kit/connector.ts";
import type { PosClient } from "./client.ts";
import { fromPos, posCustomerSchema } from "./mapping.ts";
import {
  fromPosInventory,
  fromPosSale,
  posInventorySchema,
  posSaleSchema,
} from "./retail-mapping.ts";

const pingSchema = z.object({ ok: z.boolean(), name: z.string().optional() });
// R7.1: a page's envelope is checked here, its records one by one (readRecords)
const changesSchema = z.object({
  customers: z.array(z.unknown()),
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
      const { records, rejected } = readRecords(data.customers, posCustomerSchema, map);
      return {
        customers: records,
        rejected,
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
      .extend({ [key]: z.array(z.unknown()) }),
  });
  const page = data as { cursor: number; hasMore: boolean } & Record<string, unknown[]>;
  return {
    ...readRecords(page[key] ?? [], schema, map),
    cursor: String(page.cursor),
    hasMore: page.hasMore,
  };
}

/**
 * R7.1: reads a page's records one by one. A record the schema refuses does not fail the page (that
 * would stop its feed at this page for good): it is returned as rejected, with its id and version
 * where they can be read and the reason by field path (zod's messages name types, never values).
 */
function readRecords<S extends z.ZodType, T>(
  raw: readonly unknown[],
  schema: S,
  map: (record: z.infer<S>) => T,
): { records: T[]; rejected: RejectedRecord[] } {
  const records: T[] = [];
  const rejected: RejectedRecord[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(map(parsed.data));
    else rejected.push(rejection(item, parsed.error));
  }
  return { records, rejected };
}

function rejection(item: unknown, error: z.ZodError): RejectedRecord {
  const { id, version } = (typeof item === "object" && item !== null ? item : {}) as Record<
    string,
    unknown
  >;
  const issues = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`);
  const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : "";
  return {
    id: typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null,
    version: typeof version === "number" && Number.isSafeInteger(version) ? version : null,
    reason: `does not fit the POS schema: ${issues.join("; ")}${more}`,
  };
}
