import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const running = new Set<ChildProcess>();
const runningForFile = new Set<ChildProcess>();

/** Kills the processes the finished test started; test/setup/hooks.ts runs it after every test. */
export async function killTestProcesses() {
  await Promise.all([...running].map((p) => stopProcess(p, "SIGKILL")));
}

/** Kills the processes a test file started for all its tests (hooks.ts, after the file). */
export async function killFileProcesses() {
  await Promise.all([...runningForFile].map((p) => stopProcess(p, "SIGKILL")));
}

export interface TandemProcess {
  child: ChildProcess;
  output: () => string;
  /** the first stdout match of the pattern, waited for */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `tandem <args>` as a real process, the way an operator would. It is killed after the
 * test, or with `lifetime: "file"` after the test file (for a hub the file's tests share).
 */
export function startTandem(
  args: string[],
  env: Record<string, string> = {},
  lifetime: "test" | "file" = "test",
): TandemProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, TANDEM_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  (lifetime === "test" ? running : runningForFile).add(child);
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return {
    child,
    output: () => out,
    // 90 s: a hub on a new embedded store creates it in a child process first (R8.6), and on a
    // loaded 2-core machine a PGlite start has taken over 40 s
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            clearInterval(timer);
            clearTimeout(limit);
            resolve(match);
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            clearTimeout(limit);
            reject(
              new Error(`tandem ${args[0]} exited (${child.exitCode}) before ${pattern}:\n${out}`),
            );
          }
        };
        const timer = setInterval(check, 50);
        const limit = setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`tandem ${args[0]}: no ${pattern} within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
      }),
    stop: (signal = "SIGTERM") => stopProcess(child, signal),
  };
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  running.delete(child);
  runningForFile.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** Polls `probe` until it returns a value that is not undefined, or fails after timeoutMs. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A tiny JSON client for the hub's and the POS's HTTP APIs. */
export function httpClient(baseUrl: string, token: string) {
  return async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
