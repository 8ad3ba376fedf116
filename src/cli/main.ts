#!/usr/bin/env node
import type { Command } from "./command.ts";
import { assignCommand } from "./assign.ts";
import { customersCommand } from "./customers.ts";
import { demoCommand } from "./demo.ts";
import { excludeCommand } from "./exclude.ts";
import { explainFailure } from "./explain-failure.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { migrateCommand } from "./migrate.ts";
import { partnersCommand } from "./partners.ts";
import { posSimCommand } from "./pos-sim.ts";
import { serveCommand } from "./serve.ts";
import { storesCommand } from "./stores.ts";
import { pruneCommand } from "./prune.ts";
import { usersCommand } from "./users.ts";
import { workerCommand } from "./worker.ts";

/** Every command, in the order `tandem --help` lists them: one file each. */
const commands: Command[] = [
  serveCommand,
  workerCommand,
  migrateCommand,
  posSimCommand,
  demoCommand,
  customersCommand,
  partnersCommand,
  excludeCommand,
  assignCommand,
  importCommand,
  exportCommand,
  usersCommand,
  storesCommand,
  pruneCommand,
];

const width = Math.max(...commands.map((c) => c.name.length)) + 2;
const usage = [
  "Usage: tandem <command> [options]",
  "",
  "Commands:",
  ...commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
  "",
  "tandem <command> --help shows a command's options.",
  "",
].join("\n");

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help")
    return void process.stdout.write(usage);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = commands.find((c) => editDistance(c.name, name) <= 2);
    const hint = near ? ` (did you mean '${near.name}'?)` : "";
    process.stderr.write(`tandem: unknown command '${name}'${hint}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  await command.run(rest);
}

/** Levenshtein distance, for "did you mean": command names are short. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}

main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    const failure = explainFailure(error);
    process.stderr.write(`tandem: ${failure.message}\n`);
    process.exit(failure.exitCode);
  },
);
