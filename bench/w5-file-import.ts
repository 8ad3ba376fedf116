// W5 (issue 9, "Streaming"): a customer file of N rows (bench/customer-file-generator.ts, written
// to disk as a stream) imported into a file integration, on each store, by a process of its own
// (bench/file-import-process.ts: the service importIntegrationFile, as `tandem import` and the
// upload call it). Figures: rows per second of the import (read, check, stage, merge, record in
// the inbox: one transaction), and the process's peak RSS (getrusage's maxRSS after the import,
// VmHWM from /proc, and the rss sampled during it). With `exportToo`, the engine then makes the
// file's customers hub customers and they are exported (I4), each timed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { writeW5File } from "./customer-file-generator.ts";
import { scratchDatabase } from "./hub.ts";
import { startProcess } from "./processes.ts";

export interface W5Options {
  store: "postgres" | "embedded";
  adminUrl: string;
  rows: number;
  exportToo: boolean;
  /** the file, made once for both stores */
  file: string;
  log: (line: string) => void;
}

/** Generates the file (timed); the caller removes the folder. */
export async function makeW5File(rows: number, log: (line: string) => void) {
  const folder = mkdtempSync(join(tmpdir(), "tandem-w5-"));
  const file = join(folder, "customers.csv");
  log(`W5: writing ${rows} customers to ${file}`);
  const began = performance.now();
  const bytes = await writeW5File(file, rows);
  const seconds = (performance.now() - began) / 1000;
  log(`W5: ${Math.round(bytes / 2 ** 20)} MB in ${seconds.toFixed(1)} s`);
  return { file, bytes, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export async function runW5(o: W5Options) {
  o.log(`W5 ${o.store}: importing ${o.rows} rows into a file integration`);
  const loadAverageAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  const database = o.store === "postgres" ? await scratchDatabase(o.adminUrl, "w5") : undefined;
  const dataDir = database ? undefined : mkdtempSync(join(tmpdir(), "tandem-w5-store-"));
  try {
    const hub = startProcess(`import (${o.store})`, "bench/file-import-process.ts", [
      "--file",
      o.file,
      ...(database ? ["--database-url", database.url] : ["--data-dir", dataDir!]),
      ...(o.exportToo ? ["--export"] : []),
    ]);
    let vmHwmAfterImport = 0;
    let loadAverageAfterImport: number[] = [];
    const imported = hub.waitFor(/^IMPORTED (.*)$/, 24 * 3_600_000).then((m) => {
      vmHwmAfterImport = hub.peakRssMb();
      loadAverageAfterImport = loadavg().map((x) => Math.round(x * 100) / 100);
      o.log(`W5 ${o.store}: imported ${m[1]}`);
    });
    const [, line] = await hub.waitFor(/^RESULT (.*)$/, 24 * 3_600_000);
    await imported;
    await hub.exited;
    const result = JSON.parse(line!) as Record<string, unknown>;
    return {
      id: "W5" as const,
      store: o.store,
      ...result,
      peakRssMb: {
        import: vmHwmAfterImport,
        ...(o.exportToo ? { withExport: hub.peakRssMb() } : {}),
      },
      loadAverage: { start: loadAverageAtStart, afterImport: loadAverageAfterImport },
    };
  } finally {
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
