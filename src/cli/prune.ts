import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import { pruneFinishedWork } from "../scheduler/prune-finished-work.ts";
import type { Command } from "./command.ts";
import { onOwnStore } from "./on-own-store.ts";

const names = [
  "databaseUrl",
  "dataDir",
  "retainEventsDays",
  "retainJobsDays",
] as const satisfies readonly OptionName[];

const help = helpText(
  "prune",
  [
    "R12.7: deletes processed inbox events and finished jobs older than their retention, now, on",
    "the database directly (every worker also does it every hour). Kept however old: the audit",
    "history, anything not yet done (waiting, failing or dead), sales waiting for their batch or",
    "their customer, a partner run's changes, the newest change of each external record, and any",
    "write of the last day (F11). On the embedded store, stop the hub first.",
  ].join("\n"),
  names,
);

async function runPrune(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  if (o.positionals.length > 0)
    throw new UsageError(`prune: unexpected '${o.positionals.join(" ")}'`);
  await onOwnStore("prune", o, async (ctx) => {
    const retention = { eventsDays: o.retainEventsDays, jobsDays: o.retainJobsDays };
    const pruned = await pruneFinishedWork(ctx.db, retention, ctx.clock.now());
    const kept = (days: number) => (days === 0 ? "kept for good" : `older than ${days} days`);
    process.stdout.write(
      `Pruned ${pruned.events} processed inbox events (${kept(retention.eventsDays)}) and ` +
        `${pruned.jobs} finished jobs (${kept(retention.jobsDays)}).\n`,
    );
  });
}

export const pruneCommand: Command = {
  name: "prune",
  summary:
    "delete processed inbox events and finished jobs past their retention (on the database directly)",
  help,
  run: runPrune,
};
