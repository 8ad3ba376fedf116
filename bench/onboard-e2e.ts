// R8.5's quick end-to-end harness: the reference POS (`tandem pos-sim --pos-seed N`), `serve` and
// W workers as real processes on a fresh PostgreSQL schema; times enabling the integration until
// every POS customer is linked, and prints records/s per stage (capture: inbox rows; engine:
// linked customers) and each process's peak RSS. Customers only: pos-sim seeds no sales (W1 in
// bench/run.ts has them).
//   BENCH_DATABASE_URL=postgres://... BENCH_SIZE=20000 BENCH_WORKERS=2 npx tsx bench/onboard-e2e.ts
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { openDatabase, quoteIdent } from "../src/store/database.ts";
import { httpClient, startTandem, type TandemProcess } from "../test/setup/processes.ts";

const url = process.env["BENCH_DATABASE_URL"] ?? process.env["TEST_DATABASE_URL"];
if (!url) throw new Error("set BENCH_DATABASE_URL=postgres://...");
const n = Number(process.env["BENCH_SIZE"] ?? 20000);
const workers = Number(process.env["BENCH_WORKERS"] ?? 2);
const posKey = "bench-pos-key-1234";

const schema = `bench_${randomBytes(4).toString("hex")}`;
const admin = await openDatabase({ url, poolSize: 1 });
await admin.query(`create schema ${quoteIdent(schema)}`);
const withSchema = new URL(url);
withSchema.searchParams.set("options", `-c search_path=${schema}`);
withSchema.searchParams.set("application_name", schema);
const env = {
  DATABASE_URL: withSchema.toString(),
  TANDEM_SECRET_KEY: randomBytes(32).toString("base64"),
};
const processes: Array<[string, TandemProcess]> = [];
const peakRssMb = (p: TandemProcess) => {
  try {
    const status = readFileSync(`/proc/${p.child.pid}/status`, "utf8");
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return undefined;
  }
};
try {
  const pos = startTandem([
    "pos-sim",
    "--pos-port",
    "0",
    "--pos-api-key",
    posKey,
    "--pos-seed",
    String(n),
  ]);
  processes.push(["pos-sim", pos]);
  const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/, 600_000))[1]!;
  const serve = startTandem(["serve", "--port", "0"], env);
  processes.push(["serve", serve]);
  const hubUrl = (await serve.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
  const token = (await serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
  for (let w = 1; w <= workers; w++)
    processes.push([`worker ${w}`, startTandem(["worker", "--worker-id", `w${w}`], env)]);
  const db = await openDatabase({ url: withSchema.toString(), poolSize: 1 });
  const count = async (sql: string) => Number(Object.values((await db.query(sql))[0]!)[0]);
  const started = performance.now();
  const created = await httpClient(hubUrl, token)("POST", "/v1/integrations", {
    kind: "pos",
    name: "Bench POS",
    baseUrl: posUrl,
    apiKey: posKey,
    options: { webhooks: false, pollIntervalSeconds: 1 },
  });
  if (created.status !== 201) throw new Error(`integration: ${created.status}`);
  let captured: number | undefined;
  for (;;) {
    const events = await count("select count(*) from change_events");
    if (captured === undefined && events >= n) captured = performance.now() - started;
    if ((await count("select count(*) from links where status = 'synced'")) >= n) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = performance.now() - started;
  const rate = (count: number, t: number) => Math.round((count / t) * 1000).toLocaleString("en");
  console.log(
    `PostgreSQL, serve + ${workers} worker(s), ${n} POS customers: ${(ms / 1000).toFixed(1)} s end to end, ` +
      `${rate(n, ms)} records/s; all captured after ${((captured ?? ms) / 1000).toFixed(1)} s ` +
      `(${rate(n, captured ?? ms)}/s); jobs: ${await count("select count(*) from jobs")}`,
  );
  console.log(
    `peak RSS (MB): ${processes.map(([name, p]) => `${name} ${peakRssMb(p)}`).join(", ")}`,
  );
  await db.close();
} finally {
  for (const [, p] of processes) await p.stop("SIGKILL");
  await admin.query(
    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
    [schema],
  );
  await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
  await admin.close();
}
