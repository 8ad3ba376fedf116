import { basename } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { initDataDirIfNew, keepEmbeddedSettings } from "./init-data-dir.ts";
import { OwnerOnlyNodeFS, restrictDataDir } from "./private-data-dir.ts";
import { StoreError } from "./store-error.ts";

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
  /**
   * Calls `onNotify` on every NOTIFY on `channel` (store/wake-ups.ts), also once whenever it
   * (re)starts listening. A wake-up only: while the connection is being made again a
   * notification can be missed, so a listener still looks for work from time to time. Returns
   * how to stop listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
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
  /** embedded store: what this process runs ("tandem serve"), named to a second process */
  processName?: string | undefined;
  /**
   * embedded store: called if another process takes the data directory's lock away (default:
   * throw, which ends the process: going on could corrupt the store)
   */
  onLockLost?: ((error: Error) => void) | undefined;
}

// int8 ids and counts come back as JS numbers: ids stay far below 2^53.
const int8AsNumber = (value: string) => Number(value);

/**
 * The extensions the migrations create, loaded into every PGlite (a server has them as contrib):
 * pg_trgm indexes the customer search (0013_customer_search.sql).
 */
export const pgliteExtensions = { pg_trgm };

/**
 * Opens the store. A PostgreSQL URL is tried at once, so a wrong URL or a server that is down is
 * one clear error here, not a stack later. A data directory is made private (0700, files 0600)
 * and locked to this process (store/data-dir-lock.ts) before PGlite opens it; a new one is made
 * in a child process (store/init-data-dir.ts), which keeps initdb's memory out of this one.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.url) {
    await probePostgres(options.url);
    return openPostgres(options.url, options);
  }
  const parsers = { 20: int8AsNumber };
  if (!options.dataDir)
    return wrapPglite(
      await PGlite.create({ parsers, extensions: pgliteExtensions }),
      options.schema,
    );
  restrictDataDir(options.dataDir);
  const lock = await lockDataDir(options.dataDir, {
    command: options.processName ?? `node ${basename(process.argv[1] ?? "")}`,
    onLost:
      options.onLockLost ??
      ((error) => {
        throw error;
      }),
  });
  try {
    await initDataDirIfNew(options.dataDir);
    const lite = await PGlite.create({
      fs: new OwnerOnlyNodeFS(options.dataDir),
      parsers,
      extensions: pgliteExtensions,
    });
    await keepEmbeddedSettings(lite);
    const db = await wrapPglite(lite, options.schema);
    return {
      ...db,
      close: async () => {
        await db.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Connects once, with a time limit, and turns a failure into what to check. */
async function probePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // a failed connect may still emit 'error' on the client; the rejection below reports it
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new StoreError(
      "database_unreachable",
      `cannot use the PostgreSQL at ${redactUrl(url)}: ${connectFailure(error)}; check DATABASE_URL (--database-url) and that the server is running`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function connectFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ETIMEDOUT":
      return "no answer";
    case "3D000":
    case "28P01":
    case "28000":
      return e.message ?? e.code;
    default:
      return /timeout/i.test(e.message ?? "")
        ? "no answer within 10 s"
        : (e.message ?? String(error));
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ""}${parsed.host}${parsed.pathname}`;
  } catch {
    return "(DATABASE_URL)";
  }
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
    async listen(channel, onNotify) {
      const unlisten = await lite.listen(channel, () => onNotify());
      onNotify();
      return () => unlisten();
    },
    close: async () => {
      if (!schema) await lite.close();
    },
  };
}

/**
 * Marks a statement whose best plan depends on its values (a search pattern a trigram index
 * answers for a rare fragment and an id walk answers for a common one): it is never prepared
 * under a name, so the server plans it for each call's values instead of settling on one
 * generic plan after five calls.
 */
export const plannedPerCall = "/* planned per call */ ";

/**
 * The name a statement is prepared under on each connection, so the server parses and plans it
 * once per connection rather than on every call (R8.5: planning cost as much as running the
 * engine's small statements). Texts beyond the first `maxNamedStatements` of this process stay
 * unnamed, so generated SQL cannot fill the server's memory with prepared statements.
 */
const statementNames = new Map<string, string>();
const maxNamedStatements = 2000;
let namesGiven = 0;
function statementName(sql: string): string | undefined {
  if (sql.startsWith(plannedPerCall)) return undefined;
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < maxNamedStatements) {
    name = `tandem_${++namesGiven}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * PostgreSQL refuses a prepared statement whose tables changed the shape of its rows since it
 * was prepared ("cached plan must not change result type", 0A000): a migration ran while this
 * process was up. Then the text's name is forgotten (true is returned), so every connection
 * prepares it afresh under a new one; outside a transaction the call is simply made again,
 * inside one the transaction fails once and its caller's retry (the engine's, a client's) finds
 * the new name.
 */
function forgetStalePlan(error: unknown, sql: string): boolean {
  if ((error as { code?: string }).code !== "0A000") return false;
  statementNames.delete(sql);
  return true;
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
  const queryable = (q: pg.Pool | pg.PoolClient, inTransaction: boolean): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const name = params === undefined ? undefined : statementName(sql);
      if (name === undefined) return (await q.query(sql, params as unknown[])).rows as R[];
      try {
        return (await q.query({ name, text: sql, values: params as unknown[] })).rows as R[];
      } catch (error) {
        if (!forgetStalePlan(error, sql) || inTransaction) throw error;
        return (await q.query(sql, params as unknown[])).rows as R[];
      }
    },
    async exec(sql: string) {
      // no parameters: the simple query protocol, which accepts several statements
      await q.query(sql);
    },
  });
  return {
    engine: "postgres",
    ...queryable(pool, false),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn(queryable(client, true));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenOn(url, options, channel, onNotify),
    close: () => pool.end(),
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * LISTEN on a connection of its own (a pooled one would hand it to others). A lost connection is
 * made again after a second, and `onNotify` is called once it listens again, so work recorded in
 * between is not left waiting for the next poll.
 */
async function listenOn(
  url: string,
  options: DatabaseOptions,
  channel: string,
  onNotify: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1000);
    retry.unref();
  };
  const connect = async () => {
    const c = new pg.Client({
      connectionString: url,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) client = undefined;
      again();
    });
    c.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    try {
      await c.connect();
      await c.query(`listen ${quoteIdent(channel)}`);
      if (stopped) return void (await c.end().catch(() => undefined));
      client = c;
      onNotify();
    } catch {
      await c.end().catch(() => undefined);
      again();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
