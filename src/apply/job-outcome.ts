import type { Db, Queryable } from "../store/database.ts";

/**
 * What an outbound job did, and the bookkeeping to commit with its "done" mark: the link, the new
 * base and the external system's answer, all in one transaction.
 */
export interface JobOutcome {
  outcome: string;
  record?: (tx: Queryable) => Promise<void>;
}

export interface JobContext {
  db: Db;
  now: () => Date;
  /** the idempotency key of every write this job makes */
  idempotencyKey: string;
}
