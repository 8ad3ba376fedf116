import { helpText, readOptions, type OptionName } from "../config.ts";
import { openDatabase } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";
import type { Command } from "./command.ts";
import { printJson } from "./print-output.ts";

const names = ["databaseUrl", "dataDir", "json"] as const satisfies readonly OptionName[];

const help = helpText(
  "migrate",
  "Applies the database migrations that have not run yet, then exits. `serve` and `worker` do this on start too.",
  names,
);

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  const db = await openDatabase({
    url: o.databaseUrl,
    dataDir: o.databaseUrl ? undefined : o.dataDir,
    processName: "tandem migrate",
  });
  try {
    const applied = await migrate(db);
    if (o.json) return printJson({ applied });
    process.stdout.write(
      applied.length > 0 ? `applied: ${applied.join(", ")}\n` : "the database is up to date\n",
    );
  } finally {
    await db.close();
  }
}

export const migrateCommand: Command = {
  name: "migrate",
  summary: "apply database migrations",
  help,
  run,
};
