/** Resolves on SIGINT or SIGTERM, so a command can shut down cleanly. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => resolve(signal);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
