import { UsageError } from "../config.ts";
import { StoreError } from "../store/store-error.ts";
import { CliError } from "./cli-error.ts";

export interface Failure {
  /** what main.ts prints after "tandem: " */
  message: string;
  /** 2: the command line was wrong; 1: anything else */
  exitCode: 1 | 2;
}

/**
 * The one place a command's failure becomes what the person sees: one line that says what to do
 * for everything they can fix, the stack only for what is a bug of ours.
 */
export function explainFailure(error: unknown): Failure {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  )
    return { message: (error as Error).message, exitCode: 2 };
  // every code of these two closed unions is something the operator fixes; the message says how
  if (error instanceof CliError || error instanceof StoreError)
    return { message: error.message, exitCode: 1 };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { message: `unexpected error (please report it): ${message}`, exitCode: 1 };
}
