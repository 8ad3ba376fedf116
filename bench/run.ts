// npm run bench [-- flags]: the issue 8 benchmarks (R8.6). Prints a table with pass/fail against
// the musts and writes bench/results/latest.json (or --out). Every process it starts is
// ended when it ends, on success, failure or Ctrl-C (bench/processes.ts).
//
//   --customers N        POS customers for W1 and the POS workload (default 100000)
//   --sales-lines M      POS sales lines for W1 and the POS workload (default 1000000)
//   --seconds S          W2 and W4 load duration (default 60)
//   --only W1,W2,W3,W4,W5,Queue,POS,Console   which workloads (default all)
//   --store postgres|embedded|both   stores for W1 and Queue (default both)
//   --quick              a run of about a minute (small store, short loads)
//   --w2-customers N     customers in W2's store (default 2000)
//   --w2-load F          W2 at F times the load of 100 + 20 edits/s (default 1): a
//                        lighter load shows each process's CPU per edit without a backlog
//   --w3-records N       W3: N hub x N external customers to match (default 100000, quick 2000)
//   --w4-customers N     customers in W4's and the Console's hub (default --customers)
//   --w5-rows N          W5: rows of the customer file imported (default 1000000, quick 5000)
//   --w5-export          W5: then merge the file's customers into the hub and export them (I4)
//   --queue-jobs N       jobs per queue measurement (default 20000)
//   --timeout S          W1 gives up after S seconds (default 3600)
//   --database-url URL   PostgreSQL server to make scratch databases on
//                        (default BENCH_DATABASE_URL, TEST_DATABASE_URL or local postgres)
//   --out FILE           result file (default bench/results/latest.json)
import Table from "cli-table3";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { format } from "prettier";
import { describeMachine } from "./machine.ts";
import { runPosScale } from "./pos-scale.ts";
import { killAll } from "./processes.ts";
import { runQueue } from "./queue-throughput.ts";
import { runW1 } from "./w1-onboarding.ts";
import { runW2 } from "./w2-live.ts";
import { runW3 } from "./w3-matching.ts";
import { runConsole } from "./console-list.ts";
import { runW4 } from "./w4-api.ts";
import { makeW5File, runW5 } from "./w5-file-import.ts";

const { values: flags } = parseArgs({
  options: {
    customers: { type: "string" },
    "sales-lines": { type: "string" },
    seconds: { type: "string" },
    only: { type: "string" },
    store: { type: "string", default: "both" },
    quick: { type: "boolean", default: false },
    "w2-customers": { type: "string" },
    "w2-load": { type: "string", default: "1" },
    "w3-records": { type: "string" },
    "w4-customers": { type: "string" },
    "w5-rows": { type: "string" },
    "w5-export": { type: "boolean", default: false },
    "queue-jobs": { type: "string" },
    timeout: { type: "string", default: "3600" },
    "database-url": { type: "string" },
    out: { type: "string", default: "bench/results/latest.json" },
  },
});

const quick = flags.quick;
const num = (v: string | undefined, full: number, small: number) =>
  v === undefined ? (quick ? small : full) : Number(v);
const customers = num(flags.customers, 100_000, 300);
const options = {
  customers,
  salesLines: num(flags["sales-lines"], 1_000_000, 600),
  seconds: num(flags.seconds, 60, 5),
  w2Customers: num(flags["w2-customers"], 2000, 200),
  w3Records: num(flags["w3-records"], 100_000, 2000),
  w4Customers: num(flags["w4-customers"], customers, 5000),
  w5Rows: num(flags["w5-rows"], 1_000_000, 5000),
  w5Export: flags["w5-export"],
  queueJobs: num(flags["queue-jobs"], 20_000, 500),
  timeoutSeconds: Number(flags.timeout),
  only: (flags.only ?? "W1,W2,W3,W4,W5,Queue,POS,Console").split(",").map((s) => s.trim()),
  stores: (flags.store === "both" ? ["postgres", "embedded"] : [flags.store]) as Array<
    "postgres" | "embedded"
  >,
  quick,
};
const adminUrl =
  flags["database-url"] ??
  process.env["BENCH_DATABASE_URL"] ??
  process.env["TEST_DATABASE_URL"] ??
  "postgres://postgres@127.0.0.1:5432/postgres";

const began = Date.now();
const log = (line: string) =>
  process.stdout.write(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
const wants = (id: string) => options.only.includes(id);

type Workload = Record<string, unknown> & { id: string; store: string };
const workloads: Workload[] = [];
async function attempt(id: string, store: string, run: () => Promise<Workload>) {
  try {
    workloads.push(await run());
  } catch (error) {
    log(`${id} ${store} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    workloads.push({ id, store, error: error instanceof Error ? error.message : String(error) });
  }
}

try {
  const machine = await describeMachine(adminUrl);
  log(
    `machine: ${machine.cpus} x ${machine.model}, ${machine.memoryMb} MB, node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  log(`options: ${JSON.stringify(options)}`);
  if (wants("POS"))
    await attempt("POS", "-", () =>
      runPosScale({ customers, salesLines: options.salesLines, pageSize: 200, log }),
    );
  if (wants("Queue"))
    for (const store of options.stores)
      await attempt("Queue", store, () =>
        runQueue({ store, adminUrl, jobs: options.queueJobs, batch: 100, log }),
      );
  if (wants("W3"))
    await attempt("W3", "-", () => runW3({ records: options.w3Records, threshold: 0.9, log }));
  if (wants("W5")) {
    const file = await makeW5File(options.w5Rows, log);
    try {
      for (const store of options.stores)
        await attempt("W5", store, () =>
          runW5({
            store,
            adminUrl,
            rows: options.w5Rows,
            exportToo: options.w5Export,
            file: file.file,
            log,
          }),
        );
    } finally {
      file.remove();
    }
  }
  if (wants("W4"))
    await attempt("W4", "postgres", () =>
      runW4({ adminUrl, customers: options.w4Customers, seconds: options.seconds, rate: 200, log }),
    );
  if (wants("Console"))
    await attempt("Console", "postgres", () =>
      runConsole({ adminUrl, customers: options.w4Customers, repeats: quick ? 3 : 20, log }),
    );
  if (wants("W2"))
    await attempt("W2", "postgres", () =>
      runW2({
        adminUrl,
        customers: options.w2Customers,
        seconds: options.seconds,
        posRate: 100 * Number(flags["w2-load"]),
        hubRate: 20 * Number(flags["w2-load"]),
        log,
      }),
    );
  if (wants("W1"))
    for (const store of options.stores)
      await attempt("W1", store, () =>
        runW1({
          store,
          adminUrl,
          customers,
          salesLines: options.salesLines,
          timeoutSeconds: options.timeoutSeconds,
          log,
        }),
      );
  const checks = checksOf(workloads);
  printTable(workloads, checks);
  mkdirSync(dirname(flags.out), { recursive: true });
  // formatted as prettier would, so the committed result passes `npm run check`
  const text = JSON.stringify(
    {
      machine,
      options,
      startedAt: new Date(began).toISOString(),
      durationSeconds: Math.round((Date.now() - began) / 1000),
      workloads,
      checks,
    },
    null,
    2,
  );
  writeFileSync(flags.out, await format(text, { parser: "json" }));
  log(`wrote ${flags.out}`);
} finally {
  killAll();
}

interface Check {
  workload: string;
  store: string;
  what: string;
  value: number | string | null;
  must: string;
  pass: boolean;
}

/** The musts, workload by workload. */
function checksOf(results: Workload[]): Check[] {
  const checks: Check[] = [];
  const add = (w: Workload, what: string, value: unknown, must: string, pass: boolean) =>
    checks.push({
      workload: w.id,
      store: w.store,
      what,
      value: typeof value === "number" || typeof value === "string" ? value : null,
      must,
      pass,
    });
  for (const w of results) {
    if (w["error"]) {
      add(w, "ran", "failed", "runs", false);
      continue;
    }
    const rss = (w["peakRssMb"] ?? {}) as Record<string, number>;
    if (w.id === "W1") {
      const floor = w.store === "postgres" ? 10_000 : 3000;
      const rate = w["recordsPerSecond"] as number;
      add(w, "recordsPerSecond", rate, `>= ${floor}`, rate >= floor && w["completed"] === true);
      for (const [label, mb] of Object.entries(rss))
        add(w, `peakRssMb ${label}`, mb, "< 512", mb < 512);
      add(
        w,
        "ratioToCopy",
        w["ratioToCopy"] as number,
        "aim <= 4",
        (w["ratioToCopy"] as number) <= 4,
      );
    }
    if (w.id === "W2") {
      const p50 = w["p50Ms"] as number | null;
      const p99 = w["p99Ms"] as number | null;
      add(w, "p50Ms", p50, "<= 50", p50 !== null && p50 <= 50);
      add(w, "p99Ms", p99, "<= 250", p99 !== null && p99 <= 250);
      for (const k of ["lost", "duplicated", "echoes"])
        add(w, k, w[k] as number, "= 0", w[k] === 0);
    }
    if (w.id === "W3") {
      const precision = w["precision"] as number;
      const recall = w["recall"] as number;
      const seconds = w["seconds"] as number;
      add(w, "precision", precision, ">= 0.99", precision >= 0.99);
      add(w, "recall", recall, ">= 0.95", recall >= 0.95);
      add(w, "seconds", seconds, "<= 10", seconds <= 10);
    }
    if (w.id === "W4") {
      const p99 = w["p99Ms"] as number | null;
      add(w, "p99Ms", p99, "<= 25", p99 !== null && p99 <= 25);
    }
    if (w.id === "Console") {
      // issue 11 asks for "instant" without a figure: we hold the typical wait (p50) to the tenth
      // of a second a click must answer in to feel instant, and opening the page to a second; the
      // search's typing pause is not counted
      const pause = w["typingPauseMs"] as number;
      const p50 = (k: string) => (w[k] as { p50Ms: number }).p50Ms;
      add(w, "openList p50Ms", p50("openList"), "<= 1000", p50("openList") <= 1000);
      add(w, "nextPage p50Ms", p50("nextPage"), "<= 100", p50("nextPage") <= 100);
      for (const k of ["searchByName", "searchByEmail"])
        add(w, `${k} p50Ms - pause`, p50(k) - pause, "<= 100", p50(k) - pause <= 100);
    }
  }
  return checks;
}

function printTable(results: Workload[], checks: Check[]) {
  const figures = new Table({
    head: ["workload", "store", "figures"],
    colWidths: [10, 10, 100],
    wordWrap: true,
  });
  for (const w of results) {
    const shown = Object.entries(w)
      .filter(([k]) => !["id", "store", "timeline", "integrationOptions", "faults"].includes(k))
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join("; ");
    figures.push([w.id, w.store, shown]);
  }
  process.stdout.write(`${figures.toString()}\n`);
  const table = new Table({ head: ["workload", "store", "figure", "value", "must", "result"] });
  for (const c of checks)
    table.push([c.workload, c.store, c.what, String(c.value), c.must, c.pass ? "pass" : "FAIL"]);
  process.stdout.write(`${table.toString()}\n`);
}
