// npx tsx bench/report.ts [bench/results/latest.json] [W1,Queue]: the result file (or the named
// workloads of it) as the Markdown table the
// README's Performance section shows, so the section is regenerated, not retyped.
import { readFileSync } from "node:fs";

interface Check {
  workload: string;
  store: string;
  what: string;
  value: number | string | null;
  must: string;
  pass: boolean;
}
type Workload = Record<string, unknown> & { id: string; store: string };

const file = process.argv[2] ?? "bench/results/latest.json";
const only = process.argv[3]?.split(",");
const result = JSON.parse(readFileSync(file, "utf8")) as {
  machine: Record<string, unknown>;
  workloads: Workload[];
  checks: Check[];
};
const m = result.machine;
const out: string[] = [
  `Machine: ${String(m["cpus"])} x ${String(m["model"])}, ${String(m["memoryMb"])} MB, Node ${String(m["node"])}, PostgreSQL ${String(m["postgres"])}, load average at start ${JSON.stringify(m["loadAverage"])}.`,
  "",
  "| workload | store | figures |",
  "|---|---|---|",
];
const pick = (w: Workload, keys: string[]) =>
  keys
    .filter((k) => w[k] !== undefined)
    .map((k) => `${k} ${typeof w[k] === "object" ? JSON.stringify(w[k]) : String(w[k])}`)
    .join(", ");
const shown: Record<string, string[]> = {
  W1: [
    "customers",
    "salesLines",
    "seconds",
    "recordsPerSecond",
    "copySeconds",
    "ratioToCopy",
    "stages",
    "peakRssMb",
  ],
  W2: [
    "customers",
    "posEdits",
    "hubEdits",
    "p50Ms",
    "p99Ms",
    "lost",
    "duplicated",
    "echoes",
    "requestFailures",
  ],
  W3: [
    "records",
    "pairsTrue",
    "suggested",
    "precision",
    "recall",
    "sharingContact",
    "seconds",
    "peakRssMb",
  ],
  W4: [
    "customers",
    "requestsPerSecond",
    "answeredPerSecond",
    "failures",
    "alone",
    "p50Ms",
    "p99Ms",
  ],
  W5: [
    "rows",
    "fileMb",
    "seconds",
    "rowsPerSecond",
    "peakRssMb",
    "rssBeforeMb",
    "engineSeconds",
    "exportSeconds",
    "exportRowsPerSecond",
    "loadAverage",
  ],
  Console: [
    "customers",
    "repeats",
    "openList",
    "nextPage",
    "searchByName",
    "searchByEmail",
    "typingPauseMs",
    "hubAnswer",
  ],
  Queue: ["jobs", "singleJobsPerSecond", "batchedJobsPerSecond"],
  POS: [
    "customers",
    "salesLines",
    "seedAndListenMs",
    "customersPagedSeconds",
    "salesPagedSeconds",
    "getByIdP99Ms",
    "emailLookupP99Ms",
    "peakRssMb",
  ],
};
const wanted = (id: string) => !only || only.includes(id);
for (const w of result.workloads.filter((x) => wanted(x.id)))
  out.push(
    `| ${w.id} | ${w.store} | ${w["error"] ? `failed: ${String(w["error"])}` : pick(w, shown[w.id] ?? [])} |`,
  );
out.push("", "| workload | store | figure | value | must | result |", "|---|---|---|---|---|---|");
for (const c of result.checks.filter((x) => wanted(x.workload)))
  out.push(
    `| ${c.workload} | ${c.store} | ${c.what} | ${String(c.value)} | ${c.must} | ${c.pass ? "pass" : "**fail**"} |`,
  );
process.stdout.write(`${out.join("\n")}\n`);
