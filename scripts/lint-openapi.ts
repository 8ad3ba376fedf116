/**
 * "APIs are documents": writes the hub's and the reference POS's OpenAPI documents to a temp
 * directory and lints both with @redocly/cli's recommended rules (redocly.yaml). Part of
 * `npm run check`. Nothing reaches the network: the POS answers on loopback, the config is
 * local, telemetry and update notices are off.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startReferencePos } from "../simulators/reference-pos/server.ts";
import { hubDocument } from "./hub-openapi.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

async function posDocument(): Promise<unknown> {
  const pos = await startReferencePos({ port: 0, apiKey: "lint-openapi-key" });
  try {
    const response = await fetch(`${pos.url}/openapi.json`);
    if (!response.ok) throw new Error(`the POS's /openapi.json answered ${response.status}`);
    return await response.json();
  } finally {
    await pos.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "tandem-openapi-"));
try {
  const files = { "hub.json": await hubDocument(), "reference-pos.json": await posDocument() };
  for (const [name, doc] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(doc, null, 2));
  const result = spawnSync(
    process.execPath,
    [
      join(root, "node_modules/@redocly/cli/bin/cli.js"),
      "lint",
      "--config",
      join(root, "redocly.yaml"),
      ...Object.keys(files).map((name) => join(dir, name)),
    ],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
      },
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
