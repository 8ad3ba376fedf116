// What the benchmark ran on, for the result file: a figure means little without its machine.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

export async function describeMachine(adminUrl: string) {
  let postgres: string | null = null;
  try {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    postgres = (await client.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0]!.v;
    await client.end();
  } catch {
    postgres = null;
  }
  const pkg = (name: string) =>
    (
      JSON.parse(
        readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8"),
      ) as { version: string }
    ).version;
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? "unknown",
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    pglite: pkg("@electric-sql/pglite"),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit: git("rev-parse", "HEAD"),
    dirty: (git("status", "--porcelain", "--untracked-files=no") ?? "") !== "",
  };
}
