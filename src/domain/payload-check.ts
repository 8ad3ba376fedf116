import type { z } from "zod";

/**
 * A payload a stage stored for another (an inbox event, a job) that does not fit its schema:
 * written by an older version, by hand, or by a bug. It fails like any failing record, with the
 * reason by field path and never a value (values are customer data).
 */
export class InvalidPayloadError extends Error {
  readonly code = "invalid_payload";
  constructor(message: string) {
    super(message);
    this.name = "InvalidPayloadError";
  }
}

/** The payload as its schema reads it, or an InvalidPayloadError naming `what` and the paths. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`);
  throw new InvalidPayloadError(`the ${what} payload is not valid: ${issues.join("; ")}`);
}
