import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { httpClient, startTandem } from "../setup/processes.ts";

// `tandem assign` as a person runs it, against a running hub (embedded store).

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const tandem = (args: string[], env: Record<string, string>) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "assign", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "", TANDEM_LOG_LEVEL: "warn", ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe("tandem assign, against a running hub", () => {
  it("A3, A7, A8: an associate takes a customer (--to me) and lets go of it; a colleague's is refused in one line; a manager assigns many by email, naming the ones not found; --by-spend of an unknown integration is one line", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-assign-"));
    const hub = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
    try {
      const url = (await hub.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
      const token = (await hub.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
      const admin = httpClient(url, token);
      const user = async (name: string) =>
        (
          await admin<{ user: { id: number }; token: string }>("POST", "/v1/users", {
            name,
            email: `${name.toLowerCase()}@assign.test`,
            role: "associate",
          })
        ).body;
      const ann = await user("Ann");
      const bob = await user("Bob");
      const ids: number[] = [];
      for (const firstName of ["Cleo", "Dora", "Emil"]) {
        const made = await admin<{ id: number }>("POST", "/v1/customers", { firstName });
        ids.push(made.body.id);
      }
      // made by the admin, so the admin's (A2); leave them Unassigned
      await admin("POST", "/v1/assignments", { customerIds: ids, userId: null });
      const as = (who: { token: string } | string) => ({
        TANDEM_API_URL: url,
        TANDEM_TOKEN: typeof who === "string" ? who : who.token,
      });

      const taken = await tandem([String(ids[0]), "--to", "me"], as(ann));
      expect(taken.code, taken.stderr).toBe(0);
      expect(taken.stdout).toBe(`Customer ${ids[0]}: user ${ann.user.id}.\n`);

      const refused = await tandem([String(ids[0]), "--to", "me"], as(bob));
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^tandem: .*assigned to another user.*A7/);
      expect(refused.stderr).not.toMatch(/\n\s+at /);

      const released = await tandem([String(ids[0]), "--to", "unassigned"], as(ann));
      expect(released.stdout).toBe(`Customer ${ids[0]}: Unassigned.\n`);

      const bulk = await tandem(
        [...ids.map(String), "999999", "--to", "bob@assign.test"],
        as(token),
      );
      expect(bulk.code).toBe(1);
      expect(bulk.stdout).toBe(
        `3 assigned to user ${bob.user.id}, 0 had it already, not found: 999999.\n`,
      );
      for (const id of ids)
        expect(
          (await admin<{ assignedUserId: number }>("GET", `/v1/customers/${id}`)).body
            .assignedUserId,
        ).toBe(bob.user.id);

      const nobody = await tandem(["--by-spend", "--integration", "999"], as(token));
      expect(nobody.code).toBe(1);
      expect(nobody.stderr.trim()).toMatch(/^tandem: .*integration 999 does not exist/);
    } finally {
      await hub.stop();
    }
  });
});
