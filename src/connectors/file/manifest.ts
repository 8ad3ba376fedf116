import { z } from "zod";
import { defineConnector } from "../kit/manifest.ts";
import { fileSink } from "./sink.ts";
import { createFileSource } from "./source.ts";

/**
 * I3: the customer file connector (docs/file-format.md): a store without an API imports a CSV or
 * XLSX file (`tandem import <file> --integration <id>`), and the file's rows are the other side of
 * the integration. Read only, read whole (a full scan of the file last imported); no credentials,
 * no address, no lookups (the hub keeps the rows itself and matches them like any others, S8).
 */
export const fileConnector = defineConnector(
  {
    kind: "file",
    displayName: "Customer file (CSV or XLSX)",
    records: ["customers"],
    feeds: ["fullScan"],
    webhookTimestamps: false,
    lookups: { email: false, number: false },
    writes: false,
    storesRef: false,
    conditionalWrites: true, // nothing is written, so nothing for the kit to read first
    idempotencyKeys: false,
    customerNumbers: "system",
    rateLimit: null,
    baseUrl: "none",
    credentials: z.strictObject({}),
    generatedSecrets: [],
    options: z.strictObject({}),
    profile: "file",
  },
  (settings) => ({ source: createFileSource(settings), sink: fileSink }),
);
