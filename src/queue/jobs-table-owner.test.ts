import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** SQL that names the jobs table: the table after a keyword that reads or writes it. */
const namesJobsTable = /\b(from|join|into|update|table)\s+jobs\b/i;

describe("R8.3 one owner for the jobs table", () => {
  it("R8.3: no source file outside src/queue/ (and the migrations) names the jobs table in SQL", () => {
    const offenders = sourceFiles(join(root, "src"))
      .map((path) => relative(root, path))
      .filter((path) => !path.startsWith("src/queue/"))
      .filter((path) => namesJobsTable.test(readFileSync(join(root, path), "utf8")));
    // Call src/queue/ instead (one operation per file, its state changes through
    // job-state-machine.ts). Tests may read the table to check what happened.
    expect(offenders).toEqual([]);
  });

  it("R8.3: the check sees SQL written across lines and in any case", () => {
    expect(namesJobsTable.test("select 1\n  FROM   jobs j where")).toBe(true);
    expect(namesJobsTable.test("update jobs set state = 'done'")).toBe(true);
    expect(namesJobsTable.test("// outbound jobs run at once; the jobs of a link")).toBe(false);
  });
});
