// W5's hub process: a customer file imported into a file integration the way `tandem import
// <file> --integration <id>` and the console's upload do it, through the service
// importIntegrationFile, on the embedded store (PGlite in a data directory, in this process, as
// `tandem serve` runs it) or on PostgreSQL. One process per store, so its peak RSS is the
// import's alone. Prints `RESULT {...}`.
//
//   --file PATH --database-url URL | --data-dir DIR [--export]
//
// --export: then lets the engine make the file's customers hub customers (in this process, in
// batches of 500, as a worker does) and exports them all as CSV to /dev/null (I4), each timed.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { openHub } from "../src/cli/open-hub.ts";
import { createEngineLoop } from "../src/engine/run-engine.ts";
import { silentLogger } from "../src/log.ts";
import { exportCustomers } from "../src/services/customer-export.ts";
import { importIntegrationFile } from "../src/services/file-imports.ts";
import { createIntegration } from "../src/services/integrations.ts";
import { bootstrapHub } from "../src/services/users.ts";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    "database-url": { type: "string" },
    "data-dir": { type: "string" },
    export: { type: "boolean", default: false },
  },
});
const file = values.file!;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
/** the process's peak resident set so far (getrusage), in MB */
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const ctx = await openHub({
  databaseUrl: values["database-url"],
  dataDir: values["data-dir"] ?? "",
  secretKey: values["database-url"] ? randomBytes(32).toString("base64") : undefined,
  publicUrl: "http://127.0.0.1:1",
  logLevel: "warn",
  processName: "bench file import",
  onFatal: (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
});
const boot = await bootstrapHub(ctx, { storeName: "Bench", adminEmail: "bench@example.com" });
const admin = { userId: boot.admin.id, storeId: boot.storeId, role: "admin" as const };
const integration = await createIntegration(ctx, admin, {
  kind: "file",
  name: "Accounting export",
  options: { webhooks: false, syncMode: "all" },
});

// rss sampled while the import runs (the event loop turns at every statement's answer)
let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 100);
const rssBefore = process.memoryUsage.rss();
const maxRssBefore = maxRssMb();
const size = (await stat(file)).size;
const began = performance.now();
const summary = await importIntegrationFile(ctx, admin, integration.id, {
  bytes: createReadStream(file, { highWaterMark: 1 << 20 }),
  kind: "csv",
  maxBytes: Math.max(size, 512 * 2 ** 20),
});
const seconds = (performance.now() - began) / 1000;
clearInterval(sampler);
const result: Record<string, unknown> = {
  rows: summary.rows,
  added: summary.added,
  fileMb: mb(size),
  seconds: Math.round(seconds * 10) / 10,
  rowsPerSecond: Math.round(summary.rows / seconds),
  rssBeforeMb: mb(rssBefore),
  rssPeakSampledMb: mb(sampledPeak),
  maxRssBeforeMb: maxRssBefore,
  maxRssAfterImportMb: maxRssMb(),
};
process.stdout.write(`IMPORTED ${JSON.stringify(result)}\n`);

if (values.export) {
  const engine = createEngineLoop(ctx.db, ctx.clock, silentLogger, { batchSize: 500 });
  const engineBegan = performance.now();
  while (await engine.step()) {
    // until every change of the file is merged
  }
  const [clients] = await ctx.db.query<{ n: number }>("select count(*)::int as n from clients");
  result["hubCustomers"] = clients!.n;
  result["engineSeconds"] = Math.round((performance.now() - engineBegan) / 100) / 10;
  const exportBegan = performance.now();
  const download = await exportCustomers(ctx, admin, "csv");
  await pipeline(download.body, createWriteStream("/dev/null"));
  const exportSeconds = (performance.now() - exportBegan) / 1000;
  result["exportSeconds"] = Math.round(exportSeconds * 10) / 10;
  result["exportRowsPerSecond"] = Math.round(clients!.n / exportSeconds);
  result["maxRssAfterExportMb"] = maxRssMb();
}
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
await ctx.db.close();
