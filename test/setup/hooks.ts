// Runs before every test file (vitest setupFiles), so the hooks hold even when modules are
// shared between files of one worker process (isolate: false).
import { afterAll, afterEach } from "vitest";
import { runTestCleanups } from "./cleanup.ts";
import { killFileProcesses, killTestProcesses } from "./processes.ts";

afterEach(async () => {
  await killTestProcesses();
  await runTestCleanups();
});

afterAll(async () => {
  await killFileProcesses();
});
