import { helpText, readOptions, type OptionName } from "../config.ts";
import { openDatabase } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";

const names = ["databaseUrl", "dataDir"] as const satisfies readonly OptionName[];

export const migrateHelp = helpText(
  "migrate",
  "Applies the database migrations that have not run yet, then exits. `serve` and `worker` do this on start too.",
  names,
);

export async function migrateCommand(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(migrateHelp);
  const db = await openDatabase({
    url: o.databaseUrl,
    dataDir: o.databaseUrl ? undefined : o.dataDir,
  });
  const applied = await migrate(db);
  process.stdout.write(
    applied.length > 0 ? `applied: ${applied.join(", ")}\n` : "the database is up to date\n",
  );
  await db.close();
}
