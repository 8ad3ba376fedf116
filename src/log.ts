import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stderr, so stdout stays for what a command prints for people. */
export function createLogger(level: string, name = "tandem"): Logger {
  return pino({ name, level }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: "silent" });
