import { helpText, readOptions, type OptionName } from "../config.ts";
import { bootstrapHub } from "../services/users.ts";
import { startWorker } from "../worker/run-worker.ts";
import { openHub } from "./open-hub.ts";
import { serveApi } from "./serve-api.ts";
import { untilSignal } from "./until-signal.ts";

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
  "adminEmail",
  "storeName",
  "maxBodyBytes",
  "logLevel",
] as const satisfies readonly OptionName[];

export const serveHelp = helpText(
  "serve",
  "Runs the hub's HTTP API. With the embedded store it also runs the worker (one process owns an embedded store); with --database-url, run workers with `tandem worker`.",
  names,
);

export async function serveCommand(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(serveHelp);
  const ctx = await openHub({ ...o, publicUrl: o.publicUrl ?? `http://${o.host}:${o.port}` });
  const boot = await bootstrapHub(ctx, { storeName: o.storeName, adminEmail: o.adminEmail });
  const api = await serveApi(ctx, o.host, o.port, { maxBodyBytes: o.maxBodyBytes });
  if (!o.publicUrl) ctx.publicUrl = api.url;
  const worker =
    !o.databaseUrl || o.withWorker
      ? startWorker({ ...ctx, leaseSeconds: o.leaseSeconds, concurrency: o.concurrency })
      : undefined;
  process.stdout.write(`Tandem API listening on ${api.url} (OpenAPI: ${api.url}/openapi.json)\n`);
  if (boot.token) process.stdout.write(`Admin API token (shown once): ${boot.token}\n`);
  await untilSignal();
  await api.close();
  await worker?.stop();
  await ctx.db.close();
}
