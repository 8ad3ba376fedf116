import { helpText, readOptions, type OptionName } from "../config.ts";
import { bootstrapHub } from "../services/users.ts";
import { startWorker } from "../worker/run-worker.ts";
import type { Command } from "./command.ts";
import { openHub } from "./open-hub.ts";
import { serveApi } from "./serve-api.ts";
import { fatalSignal, untilSignal } from "./until-signal.ts";

const names = [
  "databaseUrl",
  "dataDir",
  "secretKey",
  "host",
  "port",
  "publicUrl",
  "withWorker",
  "leaseSeconds",
  "concurrency",
  "perIntegration",
  "retainEventsDays",
  "retainJobsDays",
  "adminEmail",
  "storeName",
  "maxBodyBytes",
  "maxFileBytes",
  "logLevel",
] as const satisfies readonly OptionName[];

const help = helpText(
  "serve",
  "Runs the hub's HTTP API. With the embedded store it also runs the worker (one process owns an embedded store); with --database-url, run workers with `tandem worker`.",
  names,
);

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  const fatal = fatalSignal();
  const ctx = await openHub({
    ...o,
    publicUrl: o.publicUrl ?? `http://${o.host}:${o.port}`,
    processName: "tandem serve",
    onFatal: fatal.report,
  });
  const cleanups: Array<() => Promise<void>> = [() => ctx.db.close()];
  try {
    // Listen before the first start creates the admin: its token is shown only once, so a busy
    // port must not swallow it.
    const api = await serveApi(ctx, o.host, o.port, {
      maxBodyBytes: o.maxBodyBytes,
      maxFileBytes: o.maxFileBytes,
    });
    cleanups.push(() => api.close());
    const boot = await bootstrapHub(ctx, { storeName: o.storeName, adminEmail: o.adminEmail });
    if (!o.publicUrl) ctx.publicUrl = api.url;
    if (!o.databaseUrl || o.withWorker) {
      const worker = startWorker({
        ...ctx,
        leaseSeconds: o.leaseSeconds,
        concurrency: o.concurrency,
        perIntegration: o.perIntegration,
        retention: { eventsDays: o.retainEventsDays, jobsDays: o.retainJobsDays },
        onFatal: fatal.report,
      });
      cleanups.push(() => worker.stop());
    }
    process.stdout.write(`Tandem API listening on ${api.url} (OpenAPI: ${api.url}/openapi.json)\n`);
    if (boot.token) process.stdout.write(`Admin API token (shown once): ${boot.token}\n`);
    await untilSignal(fatal.promise);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

export const serveCommand: Command = {
  name: "serve",
  summary: "run the hub's HTTP API (and, on the embedded store, its worker)",
  help,
  run,
};
