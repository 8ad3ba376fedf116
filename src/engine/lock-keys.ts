import type { Queryable } from "../store/database.ts";

/**
 * Serialises the work on one customer across workers for the rest of the transaction. Order is
 * always external record first, then hub client, so two transactions never wait on each other
 * in a circle.
 */
export async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
}

export const externalLockKey = (integrationId: number, externalId: string) =>
  `ext:${integrationId}:${externalId}`;
export const clientLockKey = (clientId: number) => `client:${clientId}`;
