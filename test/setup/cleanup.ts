const pending: Array<() => Promise<void>> = [];

/** Registers work to undo when the current test ends (a schema to drop, a server to stop). */
export function afterThisTest(cleanup: () => Promise<void>) {
  pending.push(cleanup);
}

/** Runs the registered cleanups, newest first; test/setup/hooks.ts calls it after every test. */
export async function runTestCleanups() {
  for (const cleanup of pending.splice(0).reverse()) await cleanup();
}
