// The hub under test, as the benchmarks run it: `tandem serve` and `tandem worker` processes on a
// scratch PostgreSQL database, or one embedded-store process (bench/embedded-hub.ts), reached
// through its HTTP API like any client.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { send } from "./http.ts";
import { cleanupOnInterrupt, startProcess, stopProcess, type BenchProcess } from "./processes.ts";

export interface Hub {
  url: string;
  token: string;
  processes: BenchProcess[];
  /** the hub's database, for the benchmark's own checks (PostgreSQL only) */
  db?: pg.Pool;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A scratch database on the server of `adminUrl`, dropped by the returned `drop`. */
export async function scratchDatabase(adminUrl: string, label: string) {
  const name = `tandem_bench_${label}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  const forget = cleanupOnInterrupt(drop);
  return {
    url: url.toString(),
    async drop() {
      forget();
      await drop();
    },
  };
}

function apiOf(url: string, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(
      method,
      `${url}${path}`,
      {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
    const text = response.text;
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

const listening = /Tandem API listening on (\S+)/;
const adminToken = /Admin API token \(shown once\): (\S+)/;

/** `tandem serve` and `workers` x `tandem worker` on a fresh PostgreSQL database. */
export async function startPostgresHub(adminUrl: string, label: string, workers: number) {
  const database = await scratchDatabase(adminUrl, label);
  const secretKey = randomBytes(32).toString("hex");
  const port = await freePort();
  const common = ["--database-url", database.url, "--secret-key", secretKey, "--log-level", "warn"];
  const processes: BenchProcess[] = [];
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  const close = async () => {
    await Promise.all(processes.map((p) => stopProcess(p)));
    await db.end();
    await database.drop();
  };
  try {
    const serve = startProcess("serve", "src/cli/main.ts", [
      "serve",
      ...common,
      "--port",
      `${port}`,
    ]);
    processes.push(serve);
    const url = (await serve.waitFor(listening, 120_000))[1]!;
    const token = (await serve.waitFor(adminToken, 30_000))[1]!;
    for (let i = 1; i <= workers; i++) {
      const worker = startProcess(`worker ${i}`, "src/cli/main.ts", [
        "worker",
        ...common,
        "--worker-id",
        `bench-${i}`,
        "--public-url",
        url,
      ]);
      processes.push(worker);
      await worker.waitFor(/Tandem worker \S+ running/, 120_000);
    }
    return { url, token, processes, db, api: apiOf(url, token), close } satisfies Hub;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One process on the embedded store (PGlite), its worker inside, as `tandem serve` runs it
 * without a database URL (bench/embedded-hub.ts, which also prints progress counts).
 */
export async function startEmbeddedHub() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
  const port = await freePort();
  const serve = startProcess("serve (embedded)", "bench/embedded-hub.ts", [
    "--data-dir",
    dataDir,
    "--port",
    `${port}`,
  ]);
  const close = async () => {
    await stopProcess(serve, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = (await serve.waitFor(listening, 120_000))[1]!;
    const token = (await serve.waitFor(adminToken, 30_000))[1]!;
    return { url, token, processes: [serve], api: apiOf(url, token), close } satisfies Hub;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The reference POS process (bench/pos-process.ts), seeded at scale. */
export async function startPos(customers: number, salesLines: number, observe = false) {
  const apiKey = `bench-pos-${randomBytes(6).toString("hex")}`;
  const pos = startProcess("reference POS", "bench/pos-process.ts", [
    "--customers",
    `${customers}`,
    "--sales-lines",
    `${salesLines}`,
    "--api-key",
    apiKey,
    ...(observe ? ["--observe"] : []),
  ]);
  const ready = JSON.parse((await pos.waitFor(/^POS (.*)$/, 60_000))[1]!) as {
    url: string;
    seedMs: number;
  };
  return { ...ready, apiKey, process: pos };
}
