import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "simulators/**/*.test.ts",
      "test/**/*.test.ts",
      "web/src/**/*.test.ts",
    ],
    // PGlite takes seconds to compile its WASM: one instance per worker process, reused by
    // every file that worker runs (each test gets a fresh schema, see test/setup/database.ts).
    pool: "forks",
    poolOptions: { forks: { isolate: false } },
    setupFiles: ["test/setup/hooks.ts"],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
