import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs on stderr, so stdout stays for what a command prints for people.
 *
 * Logs never carry customer data, secrets, SQL parameters or token hashes (issue 7, R7.9): every
 * error logged under `err` goes through `redactError`, and the keys that hold secrets are censored
 * wherever a caller puts them.
 */
export function createLogger(
  level: string,
  name = "tandem",
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      name,
      level,
      serializers: { err: redactError, error: redactError },
      redact: { paths: secretKeys.flatMap((k) => [k, `*.${k}`]), censor: "[redacted]" },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: "silent" });

const secretKeys = [
  "params",
  "parameters",
  "token",
  "token_hash",
  "tokenHash",
  "apiKey",
  "webhookSecret",
  "secret",
  "password",
  "credentials",
  "authorization",
  "body",
];

/** What of an error may be logged: its kind, code and place, and a message without values. */
export interface RedactedError {
  type: string;
  message: string;
  code?: string;
  /** PostgreSQL's place of the failure: table, column, constraint, routine (never a value) */
  where?: Record<string, string>;
  /** the stack's frames, without its first line (which repeats the raw message) */
  stack?: string;
  cause?: RedactedError;
}

// PostgreSQL errors (pg and PGlite alike) name the object that failed in these fields; the other
// fields (`detail`, `where`, `internalQuery`, and PGlite's `params` and `query`) can hold values.
const placeFields = ["schema", "table", "column", "dataType", "constraint", "routine"] as const;

/**
 * The one error serializer of our logs. A database error's `detail` ("Key (email)=(ada@x.io)
 * already exists"), PGlite's `params` and a connector error's `body` are dropped; quoted text in
 * the message is replaced unless it is the name of the table, column or constraint that failed.
 *
 * @example
 * redactError(pgError) // { type: "DatabaseError", code: "23505", message: 'duplicate key value
 *                      //   violates unique constraint "users_email_key"', where: {...} }
 */
export function redactError(error: unknown, depth = 0): RedactedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(not an Error)" };
  const record = error as unknown as Record<string, unknown>;
  const where: Record<string, string> = {};
  for (const field of placeFields) {
    const value = record[field];
    if (typeof value === "string" && value !== "") where[field] = value;
  }
  const code = record["code"];
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: redactMessage(error.message, Object.values(where)),
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    ...(Object.keys(where).length > 0 ? { where } : {}),
    ...(frames ? { stack: frames } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: redactError(cause, depth + 1) } : {}),
  };
}

/**
 * A message without the values it may quote: quoted text (except the given names of database
 * objects), email addresses and long tokens (API tokens, hashes, keys) become `…`.
 */
export function redactMessage(message: string, names: readonly string[] = []): string {
  return message
    .replace(/"([^"]*)"|'([^']*)'/g, (quoted, double: string | undefined, single: string) => {
      const inner = double ?? single;
      return names.includes(inner) ? quoted : double === undefined ? "'…'" : '"…"';
    })
    .replace(/[^\s@"'()<>,;:]+@[^\s@"'()<>,;:]+/g, "…@…")
    .replace(/[A-Za-z0-9+/_=-]{24,}/g, "…")
    .slice(0, 500);
}
