import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import { startWorker } from "../worker/run-worker.ts";
import type { Command } from "./command.ts";
import { openHub } from "./open-hub.ts";
import { fatalSignal, untilSignal } from "./until-signal.ts";

const names = [
  "databaseUrl",
  "secretKey",
  "workerId",
  "leaseSeconds",
  "concurrency",
  "perIntegration",
  "retainEventsDays",
  "retainJobsDays",
  "publicUrl",
  "logLevel",
] as const satisfies readonly OptionName[];

const help = helpText(
  "worker",
  "Runs the sync stages (capture polls, engine, apply) against a PostgreSQL shared with `tandem serve` and any number of other workers.",
  names,
);

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  if (!o.databaseUrl)
    throw new UsageError(
      "--database-url (or DATABASE_URL) is required: workers share a PostgreSQL. The embedded store runs its worker inside `tandem serve`.",
    );
  const fatal = fatalSignal();
  const ctx = await openHub({
    databaseUrl: o.databaseUrl,
    dataDir: "",
    secretKey: o.secretKey,
    publicUrl: o.publicUrl ?? "http://127.0.0.1:4000",
    logLevel: o.logLevel,
    processName: "tandem worker",
    onFatal: fatal.report,
  });
  try {
    const worker = startWorker({
      ...ctx,
      leaseSeconds: o.leaseSeconds,
      concurrency: o.concurrency,
      perIntegration: o.perIntegration,
      retention: { eventsDays: o.retainEventsDays, jobsDays: o.retainJobsDays },
      ...(o.workerId ? { workerId: o.workerId } : {}),
      onFatal: fatal.report,
    });
    process.stdout.write(`Tandem worker ${worker.workerId} running\n`);
    try {
      await untilSignal(fatal.promise);
    } finally {
      await worker.stop();
    }
  } finally {
    await ctx.db.close();
  }
}

export const workerCommand: Command = {
  name: "worker",
  summary: "run the sync stages against a shared PostgreSQL",
  help,
  run,
};
