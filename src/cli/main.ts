#!/usr/bin/env node
import { UsageError } from "../config.ts";
import { customersCommand, customersHelp } from "./customers.ts";
import { demoCommand, demoHelp } from "./demo.ts";
import { migrateCommand, migrateHelp } from "./migrate.ts";
import { posSimCommand, posSimHelp } from "./pos-sim.ts";
import { serveCommand, serveHelp } from "./serve.ts";
import { usersCommand, usersHelp } from "./users.ts";
import { workerCommand, workerHelp } from "./worker.ts";

const commands: Record<string, { run: (argv: string[]) => Promise<void>; help: string }> = {
  serve: { run: serveCommand, help: serveHelp },
  worker: { run: workerCommand, help: workerHelp },
  migrate: { run: migrateCommand, help: migrateHelp },
  "pos-sim": { run: posSimCommand, help: posSimHelp },
  demo: { run: demoCommand, help: demoHelp },
  customers: { run: customersCommand, help: customersHelp },
  users: { run: usersCommand, help: usersHelp },
};

const usage = `Usage: tandem <command> [options]

Commands:
  serve      run the hub's HTTP API (and, on the embedded store, its worker)
  worker     run the sync stages against a shared PostgreSQL
  migrate    apply database migrations
  pos-sim    run the reference POS
  demo       the hub and the reference POS with sample data (npm start)
  customers  list, add and edit customers through the API
  users      list users, issue or revoke a token, deactivate (on the store directly)

tandem <command> --help shows a command's options.
`;

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stdout.write(usage);
    process.exitCode = name && name !== "--help" && name !== "-h" ? 2 : 0;
    return;
  }
  await command.run(rest);
}

main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`tandem: ${(error as Error).message}\n`);
      process.exit(2);
    }
    process.stderr.write(`tandem: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
