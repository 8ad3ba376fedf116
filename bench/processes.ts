// Child processes of a benchmark run: started with tsx as real processes, their peak RSS polled
// from /proc, and always ended when the run ends (even on an error, a timeout or Ctrl-C).
// BENCH_CPU_PROF=<dir>: each process writes a V8 CPU profile there when it ends (where time goes).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export interface BenchProcess {
  label: string;
  pid: number;
  /** resolves with the first stdout line matching `pattern` (its match) */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** every stdout line, for progress reports a process prints */
  onLine(listener: (line: string) => void): void;
  exited: Promise<number | null>;
  /** peak resident set (VmHWM) seen so far, in MB */
  peakRssMb(): number;
}

const all = new Set<ChildProcess>();
const root = new URL("..", import.meta.url).pathname;

/** VmHWM of a live process in MB (Linux), or undefined when it is gone. */
export function vmHwmMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a live process has used so far (Linux), or undefined when gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    // the fields after the command name (which may hold spaces) start at state; utime and stime
    // are the 12th and 13th of them
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds the PostgreSQL server's processes have used so far (all of them, on this host). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres")
        total += cpuSecondsOf(Number(entry)) ?? 0;
    } catch {
      // gone since the listing
    }
  }
  return total;
}

/** Runs `node --import tsx <script> ...args` in the repository, as one process (no tsx wrapper). */
export function startProcess(
  label: string,
  script: string,
  args: string[],
  env: Record<string, string> = {},
): BenchProcess {
  const profDir = process.env["BENCH_CPU_PROF"];
  const prof = profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
  const child = spawn(process.execPath, [...prof, "--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  all.add(child);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, vmHwmMb(child.pid!) ?? 0);
  }, 250);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      clearInterval(sampler);
      all.delete(child);
      resolve(code);
    }),
  );
  createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    for (const l of listeners) l(line);
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    errors.push(line);
    if (errors.length > 50) errors.shift();
    if (process.env["BENCH_VERBOSE"]) process.stderr.write(`[${label}] ${line}\n`);
  });
  return {
    label,
    pid: child.pid!,
    exited,
    onLine: (l) => listeners.add(l),
    peakRssMb: () => Math.max(peak, vmHwmMb(child.pid!) ?? 0),
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.map((l) => pattern.exec(l)).find((m) => m);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${label}: no "${pattern.source}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (line: string) => {
          const m = pattern.exec(line);
          if (!m) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(m);
        };
        listeners.add(check);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(
            new Error(
              `${label} exited (${code}) before "${pattern.source}":\n${errors.join("\n")}`,
            ),
          );
        });
      });
    },
  };
}

/** Ends one process: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(p: BenchProcess, graceMs = 30000) {
  try {
    process.kill(p.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, graceMs);
  await p.exited;
  clearTimeout(timer);
}

/** Kills every process this run started that is still alive (on exit, error or signal). */
export function killAll() {
  for (const child of all) child.kill("SIGKILL");
  all.clear();
}

const onInterrupt = new Set<() => Promise<void>>();
/** Cleanup (a scratch database) that must also run when the run is interrupted; returns its removal. */
export function cleanupOnInterrupt(cleanup: () => Promise<void>) {
  onInterrupt.add(cleanup);
  return () => onInterrupt.delete(cleanup);
}

process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    killAll();
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
    const cleanups = Promise.allSettled([...onInterrupt].map((c) => c()));
    void Promise.race([cleanups, timeout]).then(() => process.exit(130));
  });
