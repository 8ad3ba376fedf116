import { z } from "zod";
import type { Source } from "../../../src/connectors/kit/connector.ts";
import { fetchFeedPage } from "../../../src/connectors/kit/feed-page.ts";
import type { MinimalClient, MinimalSettings } from "./client.ts";
import { fromMinimal, minimalCustomerSchema } from "./mapping.ts";

export function createMinimalSource(client: MinimalClient, settings: MinimalSettings): Source {
  const map = (c: z.infer<typeof minimalCustomerSchema>) => fromMinimal(c, settings.fieldMap);
  const customer = async (path: string) => {
    const { status, data } = await client.request({
      path,
      schema: minimalCustomerSchema.or(z.unknown()),
      accept: [404],
    });
    return status === 404 ? null : map(minimalCustomerSchema.parse(data));
  };
  return {
    async ping() {
      const { data } = await client.request({
        path: "/v2/status",
        schema: z.object({ service: z.string() }),
      });
      return { name: data.service };
    },
    feeds: {
      // the kit's paging, with the ledger's names: ?since=&max=, {items, position, more}
      customers: (cursor, limit) =>
        fetchFeedPage(
          client,
          {
            path: "/v2/customers",
            query: (after, max) => ({
              since: after ?? "0",
              max: Math.min(max, settings.connection.pageSize),
            }),
            envelope: { records: "items", cursor: "position", hasMore: "more" },
            schema: minimalCustomerSchema,
            map,
            system: "minimal ledger",
          },
          cursor,
          limit,
        ),
    },
    getCustomer: (id) => customer(`/v2/customers/${encodeURIComponent(id)}`),
    findByNumber: (number) => customer(`/v2/customers/by-number/${encodeURIComponent(number)}`),
  };
}
