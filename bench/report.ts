// npx tsx bench/report.ts [bench/results/latest.json]: the result file as the Markdown table the
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
  W2: ["customers", "posEdits", "hubEdits", "p50Ms", "p99Ms", "lost", "duplicated", "echoes"],
  W4: ["customers", "requestsPerSecond", "failures", "p50Ms", "p99Ms"],
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
for (const w of result.workloads)
  out.push(
    `| ${w.id} | ${w.store} | ${w["error"] ? `failed: ${String(w["error"])}` : pick(w, shown[w.id] ?? [])} |`,
  );
out.push("", "| workload | store | figure | value | must | result |", "|---|---|---|---|---|---|");
for (const c of result.checks)
  out.push(
    `| ${c.workload} | ${c.store} | ${c.what} | ${String(c.value)} | ${c.must} | ${c.pass ? "pass" : "**fail**"} |`,
  );
process.stdout.write(`${out.join("\n")}\n`);
