/**
 * Resolves on SIGINT or SIGTERM, so a command can shut down cleanly; rejects when `fatal`
 * reports an error the process cannot go on with (it shuts down the same way, then exits 1).
 */
export function untilSignal(fatal?: Promise<Error>): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (signal: string) => resolve(signal);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    void fatal?.then(reject);
  });
}

/** A promise a part of the process resolves when it has to stop (worker, data directory lock). */
export function fatalSignal(): { promise: Promise<Error>; report: (error: Error) => void } {
  let report: (error: Error) => void = () => undefined;
  const promise = new Promise<Error>((resolve) => (report = resolve));
  return { promise, report };
}
