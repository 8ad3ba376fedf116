import type { Queryable } from "../store/database.ts";
import { findLink, type LinkRecord } from "../store/links-table.ts";
import { EngineError } from "./engine-error.ts";

/**
 * S5, S7: a customer of the other system that the hub recorded without a hub customer, its link
 * row locked (the caller holds its external key: the engine's order). Refused: one the hub has
 * not recorded, one that has a hub customer, one excluded (S9).
 */
export async function unlinkedRecord(
  tx: Queryable,
  integrationId: number,
  externalId: string,
): Promise<LinkRecord> {
  const record = await findLink(tx, { integrationId, externalId }, true);
  if (!record)
    throw new EngineError(
      "not_found",
      `externalId: the hub has no record of customer ${externalId} of integration ${integrationId}`,
    );
  if (record.clientId !== null)
    throw new EngineError(
      "conflict",
      `externalId: customer ${externalId} already has a hub customer (${record.clientId})`,
    );
  if (record.status === "excluded")
    throw new EngineError(
      "conflict",
      `externalId: customer ${externalId} is excluded from syncing (S9); lift the exclusion first`,
    );
  return record;
}
