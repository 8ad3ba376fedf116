import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db } from "./database.ts";

const migrationsDir = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(migrationsDir + file, "utf8"),
    }));
}

/**
 * Applies the numbered migrations that have not run yet, each in its own transaction.
 * Several processes may start at once against one PostgreSQL: a transaction-scoped advisory
 * lock makes them take turns, and the second finds nothing left to do.
 */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(7413001)");
    await tx.query(
      `create table if not exists tandem_migrations (
         version int primary key, name text not null, applied_at timestamptz not null default now())`,
    );
  });
  for (const migration of listMigrations()) {
    await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock(7413001)");
      const done = await tx.query("select 1 from tandem_migrations where version = $1", [
        migration.version,
      ]);
      if (done.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query("insert into tandem_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.name);
    });
  }
  return applied;
}
