import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { StoreError } from "./store-error.ts";

/**
 * The embedded store's PostgreSQL settings, kept in its postgresql.auto.conf (ALTER SYSTEM, so
 * initdb's postgresql.conf, with its time zone and locale, stays as PGlite wrote it).
 * shared_buffers: PostgreSQL's page cache lives in the WebAssembly heap, which never shrinks; the
 * default 128 MB is memory the embedded hub would keep. 16 MB keeps a whole process under the
 * issue 8 limit of 512 MB during an onboarding (the OS's page cache still holds the files).
 */
const embeddedSettings = { shared_buffers: "16MB" } as const;

/**
 * Writes the settings a store does not have yet. They take effect at the next start: a new store
 * gets them in the child before the hub opens it; a store made by an older version, from its
 * second start on the new one.
 */
export async function keepEmbeddedSettings(lite: Pick<PGlite, "query" | "exec">): Promise<void> {
  for (const [name, value] of Object.entries(embeddedSettings)) {
    const { rows } = await lite.query<{ value: string }>("select current_setting($1) as value", [
      name,
    ]);
    if (rows[0]?.value !== value) await lite.exec(`alter system set ${name} = '${value}'`);
  }
}

const childScript = fileURLToPath(new URL("./init-data-dir-child.ts", import.meta.url));
const initTimeoutMs = 300_000;

/**
 * Makes a new embedded store's data directory (PostgreSQL's initdb) in a child process, if it
 * has none yet.
 *
 * Why a child: initdb runs in PGlite's WebAssembly heap, which grows to ~800 MB for it and never
 * gives the memory back; done in the hub's own process, a hub on a new data directory stayed at
 * ~900 MB for its life (measured: 872 MB after create, 369 MB when the same directory is opened
 * again). The child ends, and its memory with it. The parent holds the data directory's lock
 * throughout; the child only writes the files PGlite would have written.
 */
export async function initDataDirIfNew(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, "PG_VERSION"))) return;
  // tsx's loader, resolved from here (not from the working directory), so the child runs the
  // same TypeScript sources as this process; createRequire because vitest has no import.meta.resolve
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", tsx, childScript, dataDir],
      { timeout: initTimeoutMs, maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const lines = stderr.trim().split("\n");
        const why = lines.find((line) => /error/i.test(line))?.trim() ?? error.message;
        reject(
          new StoreError(
            "data_dir_init_failed",
            `cannot create the embedded store in ${dataDir}: ${why}; check that the directory is writable and the disk has room`,
          ),
        );
      },
    );
  });
}
