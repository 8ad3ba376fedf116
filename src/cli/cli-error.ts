/**
 * What a command can fail on that the person running it must fix, each with one line that says
 * what to do (main.ts prints it, without a stack):
 * - hub_unreachable: no hub answers at --api-url
 * - hub_refused: the hub answered with an error (its message is passed on)
 * - cannot_listen: the port to listen on is taken or not allowed, or the host is not ours
 * - partly_done: a run over many items finished, and some failed (each printed with its reason)
 */
export type CliErrorCode = "hub_unreachable" | "hub_refused" | "cannot_listen" | "partly_done";

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Turns a failed listen (EADDRINUSE, EACCES) into what to do; other errors pass through. */
export function listenFailure(error: unknown, what: string, flag: string): unknown {
  const e = error as { code?: string; port?: number; address?: string };
  const where = `port ${e.port ?? "?"} on ${e.address ?? "?"}`;
  if (e.code === "EADDRINUSE")
    return new CliError(
      "cannot_listen",
      `${what}: ${where} is already in use; stop what uses it, or choose another port with ${flag} (0 takes any free port)`,
    );
  if (e.code === "EACCES")
    return new CliError(
      "cannot_listen",
      `${what}: not allowed to listen on ${where}; choose a port above 1023 with ${flag}`,
    );
  if (e.code === "EADDRNOTAVAIL")
    return new CliError(
      "cannot_listen",
      `${what}: this machine has no address ${e.address ?? "?"}; check --host (TANDEM_HOST)`,
    );
  return error;
}
