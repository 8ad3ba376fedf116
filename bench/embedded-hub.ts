// W1 on the embedded store: the hub as `tandem serve` runs it without --database-url (PGlite in a
// data directory, the API and the worker in one process), plus a `PROGRESS {...}` line once an
// integration exists, since no other process can open the embedded store: every
// `fullEverySeconds`, and within a second of the work looking done (bench/progress.ts).
import { parseArgs } from "node:util";
import { openHub } from "../src/cli/open-hub.ts";
import { serveApi } from "../src/cli/serve-api.ts";
import { bootstrapHub } from "../src/services/users.ts";
import { startWorker } from "../src/worker/run-worker.ts";
import { fullEverySeconds, looksSettled, readProgress } from "./progress.ts";

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, port: { type: "string", default: "0" } },
});
const ctx = await openHub({
  dataDir: values["data-dir"]!,
  publicUrl: `http://127.0.0.1:${values.port}`,
  logLevel: "warn",
  processName: "bench embedded hub",
  onFatal: (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
});
const api = await serveApi(ctx, "127.0.0.1", Number(values.port));
const boot = await bootstrapHub(ctx, { storeName: "Bench", adminEmail: "bench@example.com" });
ctx.publicUrl = api.url;
const worker = startWorker(ctx);
process.stdout.write(`Tandem API listening on ${api.url}\n`);
process.stdout.write(`Admin API token (shown once): ${boot.token}\n`);

let started: number | undefined;
let lastFull = -Infinity;
let reading = false;
const timer = setInterval(() => {
  // one count at a time: over a million inbox rows a count may take longer than the interval
  if (reading) return;
  reading = true;
  void (async () => {
    if (started === undefined) {
      const [row] = await ctx.db.query<{ n: number }>(
        "select count(*)::int as n from integrations",
      );
      if (!row || row.n === 0) return;
      started = performance.now();
    }
    const t = (performance.now() - started) / 1000;
    const query = (sql: string) => ctx.db.query<Record<string, unknown>>(sql);
    if (t - lastFull < fullEverySeconds && !(await looksSettled(query))) return;
    lastFull = t;
    const progress = await readProgress(query, t);
    process.stdout.write(`PROGRESS ${JSON.stringify(progress)}\n`);
  })().finally(() => (reading = false));
}, 1000);

const stop = async () => {
  clearInterval(timer);
  await worker.stop();
  await api.close();
  await ctx.db.close();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
