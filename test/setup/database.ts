import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import {
  openDatabase,
  pgliteExtensions,
  quoteIdent,
  wrapPglite,
  type Db,
} from "../../src/store/database.ts";
import { migrate } from "../../src/store/migrate.ts";
import { afterThisTest } from "./cleanup.ts";

/**
 * The database engines a `*.db.test.ts` runs on: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Each `open()` gives a fresh, migrated schema that is dropped
 * after the test, so tests never see each other's rows (the pattern of pg-boss test/hooks.ts).
 */
export interface TestEngine {
  name: "pglite" | "postgres";
  open(): Promise<Db>;
}

let sharedLite: Promise<PGlite> | undefined;

const freshSchemaName = () => `t_${randomBytes(6).toString("hex")}`;

const pgliteEngine: TestEngine = {
  name: "pglite",
  async open() {
    // WASM compiles once per worker process; each test gets its own schema instead.
    sharedLite ??= PGlite.create({ parsers: { 20: Number }, extensions: pgliteExtensions });
    const lite = await sharedLite;
    const schema = freshSchemaName();
    await lite.exec(`create schema ${quoteIdent(schema)}`);
    const db = await wrapPglite(lite, schema);
    await migrate(db);
    afterThisTest(async () => {
      await lite.exec(`set search_path to public; drop schema ${quoteIdent(schema)} cascade`);
    });
    return db;
  },
};

export const testDatabaseUrl = process.env["TEST_DATABASE_URL"];

const postgresEngine: TestEngine = {
  name: "postgres",
  async open() {
    const url = testDatabaseUrl as string;
    const schema = freshSchemaName();
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.query(`create schema ${quoteIdent(schema)}`);
    const db = await openDatabase({ url, schema });
    await migrate(db);
    afterThisTest(async () => {
      await db.close();
      await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
      await admin.close();
    });
    return db;
  },
};

/** Engines to run on: use with describe.each(engines) in *.db.test.ts files. */
export const engines: TestEngine[] = testDatabaseUrl
  ? [pgliteEngine, postgresEngine]
  : [pgliteEngine];

/** A fresh schema on PostgreSQL for multi-process tests; its URL carries the search_path. */
export async function freshPostgresSchema(): Promise<{ url: string; schema: string }> {
  const url = testDatabaseUrl as string;
  const schema = freshSchemaName();
  const admin = await openDatabase({ url, poolSize: 1 });
  await admin.query(`create schema ${quoteIdent(schema)}`);
  afterThisTest(async () => {
    // The test's processes were SIGKILLed, but their server backends may still be finishing a
    // transaction, and a drop racing them can deadlock: end them first (they carry the schema
    // as application_name), then drop, trying again if PostgreSQL still picks the drop as victim.
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      [schema],
    );
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "40P01" || attempt === 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    await admin.close();
  });
  const withSchema = new URL(url);
  withSchema.searchParams.set("options", `-c search_path=${schema}`);
  withSchema.searchParams.set("application_name", schema);
  return { url: withSchema.toString(), schema };
}
