import { z } from "zod";
import type { ExternalCustomer, Source } from "../kit/connector.ts";
import { fetchFeedPage } from "../kit/feed-page.ts";
import type { PosClient, PosSettings } from "./client.ts";
import { fromPos, posCustomerSchema } from "./mapping.ts";
import {
  fromPosInventory,
  fromPosSale,
  posInventorySchema,
  posSaleSchema,
} from "./retail-mapping.ts";

const pingSchema = z.object({ ok: z.boolean(), name: z.string().optional() });
const listSchema = z.object({ customers: z.array(posCustomerSchema), next: z.string().nullable() });

/** The POS's feeds all page by version: `?after=<cursor>&limit=`, answering `{<records>, cursor, hasMore}`. */
const versionFeed = (path: string, records: string) => ({
  path,
  query: (cursor: string | null, limit: number) => ({ after: cursor ?? "0", limit }),
  envelope: { records, cursor: "cursor", hasMore: "hasMore" },
  system: "POS",
});

export function createPosSource(client: PosClient, settings: PosSettings): Source {
  const map = (c: z.infer<typeof posCustomerSchema>) => fromPos(c, settings.fieldMap);
  return {
    async ping() {
      const { data } = await client.request({ path: "/api/v1/ping", schema: pingSchema });
      return { name: data.name ?? "POS" };
    },
    feeds: {
      customers: (cursor, limit) =>
        fetchFeedPage(
          client,
          { ...versionFeed("/api/v1/changes", "customers"), schema: posCustomerSchema, map },
          cursor,
          limit,
        ),
      inventory: (cursor, limit) =>
        fetchFeedPage(
          client,
          {
            ...versionFeed("/api/v1/inventory/changes", "items"),
            schema: posInventorySchema,
            map: fromPosInventory,
          },
          cursor,
          limit,
        ),
      sales: (cursor, limit) =>
        fetchFeedPage(
          client,
          {
            ...versionFeed("/api/v1/sales/changes", "sales"),
            schema: posSaleSchema,
            map: fromPosSale,
          },
          cursor,
          limit,
        ),
    },
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
