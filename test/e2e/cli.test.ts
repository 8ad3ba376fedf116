import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function tandem(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the tandem command", () => {
  it("every command explains itself with --help, options from the one option table", async () => {
    for (const command of ["serve", "worker", "migrate", "pos-sim", "demo", "customers"]) {
      const { code, stdout } = await tandem([command, "--help"]);
      expect(code, command).toBe(0);
      expect(stdout).toContain(`Usage: tandem ${command}`);
      expect(stdout).toMatch(/--[a-z-]+ +[A-Z_]+ /);
    }
  });

  it("says what is wrong with bad options, and exits 2", async () => {
    const unknown = await tandem(["serve", "--prot", "1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--prot/);
    const badPort = await tandem(["serve", "--port", "nope"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--port \(or PORT\)/);
    const worker = await tandem(["worker"]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/DATABASE_URL.*required/);
  });
});
