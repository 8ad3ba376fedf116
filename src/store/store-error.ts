/**
 * What can stop the store from opening, or make it unusable, in a way the operator must fix:
 * - data_dir_in_use: another process holds the embedded store's data directory
 * - database_unreachable: the PostgreSQL server cannot be reached or refuses us
 * - data_dir_init_failed: a new embedded store could not be created in its data directory
 * - secret_key: the secret key is malformed, or is not the key the credentials were sealed with
 *
 * Each message says what is wrong and what to do, in one line; the CLI prints it as it is.
 */
export type StoreErrorCode =
  "data_dir_in_use" | "data_dir_init_failed" | "database_unreachable" | "secret_key";

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

/** A wrong secret key is not a failure a retry can fix: a worker stops on it. */
export const isSecretKeyError = (error: unknown): error is StoreError =>
  error instanceof StoreError && error.code === "secret_key";
