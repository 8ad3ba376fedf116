import { z } from "zod";
import type { ExternalCustomer } from "../../../src/connectors/kit/connector.ts";
import { ConnectorError } from "../../../src/connectors/kit/connector-error.ts";
import { connectorContract } from "../../../src/connectors/kit/connector-contract.ts";
import { defineConnector, type Manifest } from "../../../src/connectors/kit/manifest.ts";

/**
 * R8.2: a system that can only be read, whole, and needs no credentials (as a file is), in
 * memory: the contract suite runs only what such a manifest claims (no create, update or
 * wrong-credentials tests) and it passes. Each row keeps a version its "file" raises on every
 * change of the row.
 */
interface Row {
  id: string;
  version: number;
  firstName: string;
  email: string;
}

const manifest = {
  kind: "read-only",
  displayName: "A list that can only be read (tests only)",
  records: ["customers"],
  feeds: ["fullScan"],
  webhookTimestamps: false,
  lookups: { email: false, number: false },
  writes: false,
  storesRef: false,
  conditionalWrites: true,
  idempotencyKeys: false,
  customerNumbers: "system",
  rateLimit: null,
  baseUrl: "none",
  credentials: z.strictObject({}),
  generatedSecrets: [],
  options: z.strictObject({ sheet: z.string().default("Customers") }),
  profile: "customers",
} satisfies Manifest<z.ZodObject, z.ZodObject, never>;

const readOnlyConnector = (rows: Row[]) =>
  defineConnector(manifest, () => {
    const toExternal = (r: Row): ExternalCustomer => ({
      id: r.id,
      number: null,
      version: r.version,
      customer: {
        firstName: r.firstName,
        lastName: null,
        acquisition: null,
        contacts: [{ kind: "email", value: r.email }],
        preferences: {},
      },
    });
    const readOnly = async (): Promise<never> => {
      throw new ConnectorError("invalid", "the list can only be read");
    };
    return {
      source: {
        ping: async () => ({ name: "list" }),
        feeds: {
          customers: async (cursor, limit) => {
            const from = Number(cursor || "0");
            const page = rows.slice(from, from + limit);
            const next = from + page.length;
            return {
              records: page.map(toExternal),
              rejected: [],
              cursor: String(next),
              hasMore: next < rows.length,
            };
          },
        },
        getCustomer: async (id) => {
          const row = rows.find((r) => r.id === id);
          return row ? toExternal(row) : null;
        },
      },
      sink: { createCustomer: readOnly, updateCustomer: readOnly },
    };
  });

connectorContract(
  "read-only list (no credentials, fullScan)",
  readOnlyConnector([]).manifest,
  async () => {
    const rows: Row[] = [];
    const options = { sheet: "Customers" };
    return {
      connector: readOnlyConnector(rows).build({
        baseUrl: null,
        credentials: {},
        connection: options,
        fieldMap: {},
        country: "US",
      }),
      settings: { credentials: {}, options },
      createExternally: async ({ firstName, email }) => {
        const id = `r${rows.length + 1}`;
        rows.push({ id, version: 1, firstName, email });
        return id;
      },
      renameExternally: async (id, firstName) => {
        const row = rows.find((r) => r.id === id)!;
        row.firstName = firstName;
        row.version++;
      },
      listExternally: async () => rows.map((r) => ({ id: r.id, firstName: r.firstName })),
      close: async () => {},
    };
  },
);
