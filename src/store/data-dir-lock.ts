import { mkdir, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import lockfile from "proper-lockfile";
import { StoreError } from "./store-error.ts";

/** Who holds a data directory, written beside the lock so another process can name it. */
interface LockOwner {
  pid: number;
  host: string;
  /** what the holder runs, e.g. "tandem serve" */
  command: string;
  /** the holder's start time from /proc/<pid>/stat (Linux), so a reused pid is not taken for it */
  procStart: string | null;
  since: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

// The lock's mtime is refreshed every second; a lock not refreshed for 5 s is stale. A second
// process on the same host never waits on this: it asks the kernel whether the holder lives.
const staleMs = 5_000;
const updateMs = 1_000;

/**
 * One process per embedded data directory: PGlite is one process's database, and two processes
 * on one directory both start and overwrite each other's pages (both answer 201 with the same id,
 * one customer is gone after a restart).
 *
 * Why proper-lockfile: it takes the lock atomically (mkdir), keeps it fresh, releases it on any
 * exit Node sees (signal-exit), and treats a lock that stopped being refreshed as stale, so a
 * holder killed with SIGKILL does not block a restart for longer than `staleMs`; it works on any
 * file system, where flock(2) needs a native addon. Beside it, the holder writes its pid: a
 * second process on this host refuses at once, naming the holder, when that process is alive
 * (`kill(pid, 0)`, PostgreSQL's own postmaster.pid check), even if a long query kept the holder
 * from refreshing the lock; it never breaks a live holder's lock.
 */
/** Data directories this process holds (the pid check cannot tell this process from itself). */
const heldHere = new Set<string>();

export async function lockDataDir(
  dataDir: string,
  options: { command: string; onLost: (error: Error) => void },
): Promise<DataDirLock> {
  const ownerFile = join(dataDir, "tandem.lock.owner.json");
  const lockOptions = {
    lockfilePath: join(dataDir, "tandem.lock"),
    realpath: false,
    stale: staleMs,
    update: updateMs,
    // the lock is a directory: create it private, like everything in the data directory
    fs: { ...fs, mkdir: (path: string, cb: fs.NoParamCallback) => mkdir(path, 0o700, cb) },
    onCompromised: (error: Error) =>
      options.onLost(
        new StoreError(
          "data_dir_in_use",
          `lost the lock on the data directory ${dataDir} (${error.message}): another process took it; stopping`,
        ),
      ),
  };
  const key = resolve(dataDir);
  if (heldHere.has(key)) throw inUse(dataDir, readOwner(ownerFile));
  const before = readOwner(ownerFile);
  if (before && liveness(before) === "alive") throw inUse(dataDir, before);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, lockOptions);
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    const holder = readOwner(ownerFile);
    // The holder died (SIGKILL, power cut) within the last few seconds: its lock is not stale
    // yet. Wait for it to go stale rather than break it, so two restarting processes cannot
    // both break it and both win.
    if (!holder || liveness(holder) !== "dead") throw inUse(dataDir, holder);
    try {
      release = await lockfile.lock(dataDir, {
        ...lockOptions,
        retries: {
          retries: Math.ceil((staleMs + 2 * updateMs) / 250),
          minTimeout: 250,
          maxTimeout: 250,
        },
      });
    } catch (retryError) {
      if ((retryError as { code?: string }).code !== "ELOCKED") throw retryError;
      throw inUse(dataDir, readOwner(ownerFile));
    }
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: options.command,
    procStart: procStartOf(process.pid),
    since: new Date().toISOString(),
  };
  writeFileSync(`${ownerFile}.tmp`, JSON.stringify(owner), { mode: 0o600 });
  renameSync(`${ownerFile}.tmp`, ownerFile);
  heldHere.add(key);
  return {
    async release() {
      heldHere.delete(key);
      // after a lost lock, the file and the lock may be another process's now: leave them
      if (readOwner(ownerFile)?.pid === process.pid) rmSync(ownerFile, { force: true });
      await release().catch((error: { code?: string }) => {
        if (error.code !== "ERELEASED") throw error;
      });
    },
  };
}

function inUse(dataDir: string, owner: LockOwner | undefined): StoreError {
  const who = owner
    ? `process ${owner.pid}${owner.host === hostname() ? "" : ` on ${owner.host}`} (${owner.command})`
    : "another process";
  return new StoreError(
    "data_dir_in_use",
    `the data directory ${dataDir} is in use by ${who}; stop it first, or use a PostgreSQL server for several processes: see docs/operations.md`,
  );
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * Whether the recorded holder still runs. Only its own host can tell; elsewhere (a data
 * directory on a network file system) the lock's freshness decides alone.
 */
function liveness(owner: LockOwner): "alive" | "dead" | "unknown" {
  if (owner.host !== hostname()) return "unknown";
  if (owner.pid === process.pid) return "dead";
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user
    if ((error as { code?: string }).code === "ESRCH") return "dead";
  }
  // a pid reused by another program after the holder died is not the holder
  const start = procStartOf(owner.pid);
  return start !== null && owner.procStart !== null && start !== owner.procStart ? "dead" : "alive";
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null off Linux. */
function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command (field 2) is in parentheses and may hold spaces: count from its end
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
