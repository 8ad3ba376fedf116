import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually, httpClient, startTandem, type TandemProcess } from "../setup/processes.ts";

const listening = /Tandem API listening on (http:\/\/\S+)/;

async function startServe(dataDir: string) {
  const serve = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
  const url = (await serve.waitFor(listening))[1]!;
  return { serve, url };
}

/** The process's exit code, or "still running" after timeoutMs. */
function exited(p: TandemProcess, timeoutMs = 20_000): Promise<number | null | "still running"> {
  if (p.child.exitCode !== null) return Promise.resolve(p.child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still running"), timeoutMs);
    p.child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface Customer {
  id: number;
  firstName: string;
}

describe("R7.7: one process per embedded data directory", () => {
  it("R7.7: a second process on the directory stops at once, naming the holder; the first keeps its data; after a SIGKILL a new process starts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-lock-"));
    const first = await startServe(dataDir);
    const token = (await first.serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
    const api = httpClient(first.url, token);
    const ada = await api<Customer>("POST", "/v1/customers", { firstName: "Ada-7a1" });
    expect(ada.status).toBe(201);

    // the second `serve` and a `migrate` on the same directory
    for (const args of [
      ["serve", "--port", "0", "--data-dir", dataDir],
      ["migrate", "--data-dir", dataDir],
    ]) {
      const started = Date.now();
      const second = startTandem(args);
      expect(await exited(second), second.output()).toBe(1);
      expect(second.output()).toContain(
        `tandem: the data directory ${dataDir} is in use by process ${first.serve.child.pid} (tandem serve); stop it first, or use a PostgreSQL server for several processes: see docs/operations.md`,
      );
      expect(second.output()).not.toMatch(/\n\s+at /);
      // "at once": it never opened the store (PGlite alone takes seconds) nor waited on the lock
      expect(Date.now() - started).toBeLessThan(8_000);
    }

    // the first one still works, and nothing of it was lost
    const grace = await api<Customer>("POST", "/v1/customers", { firstName: "Grace-7a2" });
    expect(grace.status).toBe(201);
    expect(grace.body.id).not.toBe(ada.body.id);

    // the holder dies without a chance to release its lock
    await first.serve.stop("SIGKILL");
    const third = await startServe(dataDir);
    const { body } = await httpClient(third.url, token)<{ customers: Customer[] }>(
      "GET",
      "/v1/customers?limit=500",
    );
    expect(body.customers.map((c) => c.firstName).sort()).toEqual(["Ada-7a1", "Grace-7a2"]);

    // a holder whose lock is taken away (deleted by hand here) stops rather than share the store
    rmSync(join(dataDir, "tandem.lock"), { recursive: true });
    expect(await exited(third.serve)).toBe(1);
    expect(third.serve.output()).toMatch(
      /tandem: lost the lock on the data directory .*: another process took it; stopping\n/,
    );
  });
});

/** Every path under dir whose mode lets anyone but its owner in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const mode = stat.mode & 0o777;
    if (stat.isDirectory() ? mode !== 0o700 : (mode & 0o077) !== 0)
      found.push(`${path} ${mode.toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return found;
}

describe("R7.8: the embedded store is its owner's alone", () => {
  it("R7.8: with umask 000, the data directory is 0700 and every file in it 0600 (PGlite's catalog and WAL, secret.key, admin-token, reference-pos.json), and an old world-readable directory is repaired", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-modes-"));
    // what earlier versions left: world-readable directories and files
    chmodSync(dataDir, 0o777);
    mkdirSync(join(dataDir, "old"), { mode: 0o777 });
    chmodSync(join(dataDir, "old"), 0o777);
    writeFileSync(join(dataDir, "old", "leftover"), "x");
    chmodSync(join(dataDir, "old", "leftover"), 0o666);

    // the child inherits the umask; a permissive one must change nothing
    const umask = process.umask(0);
    let demo: TandemProcess;
    try {
      demo = startTandem(["demo", "--port", "0", "--pos-port", "0", "--data-dir", dataDir]);
    } finally {
      process.umask(umask);
    }
    const url = (await demo.waitFor(/Hub API: +(http:\/\/\S+)/))[1]!;
    const token = (await demo.waitFor(/Admin token: +(\S+)/))[1]!;
    const email = "mode-check-8b3@example.com";
    const created = await httpClient(url, token)("POST", "/v1/customers", {
      firstName: "Modes",
      contacts: [{ kind: "email", value: email }],
    });
    expect(created.status).toBe(201);
    // the POS has written its file (its webhook secret included)
    await eventually(
      async () => (readdirSync(dataDir).includes("reference-pos.json") ? true : undefined),
      15_000,
      "reference-pos.json",
    );
    for (const file of ["secret.key", "admin-token", "reference-pos.json", "PG_VERSION", "pg_wal"])
      expect(readdirSync(dataDir)).toContain(file);
    expect(openToOthers(dataDir)).toEqual([]);

    await demo.stop();
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
