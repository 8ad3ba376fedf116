import type { ConnectorSettings, Source } from "../kit/connector.ts";
import { fileRowsOf } from "./client.ts";
import { fromFileRow } from "./mapping.ts";

/**
 * I3: reads the file last imported. The customers feed is a full scan in customer-number order
 * (the cursor is the last number read); a row keeps its version until a newer file changes it,
 * so a scan brings in only what changed (capture drops the rest as duplicates).
 */
export function createFileSource(settings: ConnectorSettings): Source {
  const map = (rows: Awaited<ReturnType<ReturnType<typeof fileRowsOf>["page"]>>) =>
    rows.map((row) => fromFileRow(row, settings.fieldMap));
  return {
    ping: async () => ({ name: "customer file" }),
    feeds: {
      customers: async (cursor, limit) => {
        const rows = map(await fileRowsOf(settings).page(cursor || null, limit));
        return {
          records: rows,
          rejected: [],
          cursor: rows.at(-1)?.id ?? cursor ?? "",
          hasMore: rows.length === limit,
        };
      },
    },
    getCustomer: async (id) => {
      const row = await fileRowsOf(settings).get(id);
      return row && fromFileRow(row, settings.fieldMap);
    },
  };
}
