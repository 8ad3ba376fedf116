import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** runs a script of several statements, without parameters (migrations) */
  exec(sql: string): Promise<void>;
}

/**
 * The hub's database handle. One dialect (PostgreSQL) on two engines: PGlite in a data
 * directory (the embedded default) or a PostgreSQL server (`DATABASE_URL`).
 *
 * @example
 * const db = await openDatabase({ dataDir: "./.tandem" });
 * await db.transaction(async (tx) => tx.query("select 1"));
 */
export interface Db extends Queryable {
  readonly engine: "pglite" | "postgres";
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://... ; when absent the embedded store in dataDir is used */
  url?: string | undefined;
  /** data directory of the embedded store; undefined with no url means in-memory */
  dataDir?: string | undefined;
  /** schema for every query (tests use a fresh one each); default public */
  schema?: string | undefined;
  poolSize?: number | undefined;
}

// int8 ids and counts come back as JS numbers: ids stay far below 2^53.
const int8AsNumber = (value: string) => Number(value);

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.url) return openPostgres(options.url, options);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lite = await PGlite.create(options.dataDir ? `file://${options.dataDir}` : undefined, {
    parsers: { 20: int8AsNumber },
  });
  return wrapPglite(lite, options.schema);
}

/** Wraps an already open PGlite (tests share one instance per process, one schema per test). */
export async function wrapPglite(lite: PGlite, schema?: string): Promise<Db> {
  if (schema) await lite.exec(`set search_path to ${quoteIdent(schema)}`);
  const queryable = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    engine: "pglite",
    ...queryable(lite),
    // PGlite is one connection: its transaction() holds an exclusive lock, so other queries
    // wait for it instead of joining it.
    transaction: (fn) => lite.transaction((tx) => fn(queryable(tx))),
    close: async () => {
      if (!schema) await lite.close();
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20
          ? int8AsNumber
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const queryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await q.query(sql, params as unknown[]);
      return result.rows as R[];
    },
    async exec(sql: string) {
      // no parameters: the simple query protocol, which accepts several statements
      await q.query(sql);
    },
  });
  return {
    engine: "postgres",
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn(queryable(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
