import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import { startWorker } from "../worker/run-worker.ts";
import { openHub } from "./open-hub.ts";
import { untilSignal } from "./until-signal.ts";

const names = [
  "databaseUrl",
  "secretKey",
  "workerId",
  "leaseSeconds",
  "concurrency",
  "publicUrl",
  "logLevel",
] as const satisfies readonly OptionName[];

export const workerHelp = helpText(
  "worker",
  "Runs the sync stages (capture polls, engine, apply) against a PostgreSQL shared with `tandem serve` and any number of other workers.",
  names,
);

export async function workerCommand(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(workerHelp);
  if (!o.databaseUrl)
    throw new UsageError(
      "--database-url (or DATABASE_URL) is required: workers share a PostgreSQL. The embedded store runs its worker inside `tandem serve`.",
    );
  const ctx = await openHub({
    databaseUrl: o.databaseUrl,
    dataDir: "",
    secretKey: o.secretKey,
    publicUrl: o.publicUrl ?? "http://127.0.0.1:4000",
    logLevel: o.logLevel,
  });
  const worker = startWorker({
    ...ctx,
    leaseSeconds: o.leaseSeconds,
    concurrency: o.concurrency,
    ...(o.workerId ? { workerId: o.workerId } : {}),
  });
  process.stdout.write(`Tandem worker ${worker.workerId} running\n`);
  await untilSignal();
  await worker.stop();
  await ctx.db.close();
}
