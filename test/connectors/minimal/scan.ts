import { defineConnector } from "../../../src/connectors/kit/manifest.ts";
import { createMinimal, minimalManifest } from "./manifest.ts";

/**
 * R8.2: the minimal ledger read as a system that can only be read whole (as a file is): no cursor
 * it can resume a changes feed from, so capture reads it from its beginning at every poll.
 */
export const minimalScanConnector = defineConnector(
  { ...minimalManifest, kind: "minimal-scan", feeds: ["fullScan"] },
  createMinimal,
);
