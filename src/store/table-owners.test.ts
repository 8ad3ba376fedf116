import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Which files write a table with SQL, and which import an owner's private writers. */
function writersOf(table: string) {
  const write = new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+${table}\\b`, "i");
  return sources(src)
    .filter((file) => write.test(readFileSync(file, "utf8")))
    .map((file) => relative(src, file));
}

const importersOf = (name: string) =>
  sources(src)
    .filter((file) => new RegExp(`\\b${name}\\b`).test(readFileSync(file, "utf8")))
    .map((file) => relative(src, file))
    .sort();

describe("one owner per table", () => {
  it("R8.3: links and item_keys are written by store/links-table.ts only; change_events by store/change-events-table.ts, and new events only through store/inbox.ts", () => {
    expect(writersOf("links")).toEqual(["store/links-table.ts"]);
    expect(writersOf("item_keys")).toEqual(["store/links-table.ts"]);
    expect(writersOf("change_events")).toEqual(["store/change-events-table.ts"]);
    expect(importersOf("insertChangeEvents")).toEqual([
      "store/change-events-table.ts",
      "store/inbox.ts",
    ]);
    expect(importersOf("insertHubChangeEvent")).toEqual([
      "store/change-events-table.ts",
      "store/inbox.ts",
    ]);
  });
});
