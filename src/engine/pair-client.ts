import type { HubChange } from "../domain/hub-change.ts";
import { linkQueueKey } from "../domain/job-payloads.ts";
import { hasPendingJob } from "../queue/has-pending-job.ts";
import { reopenSkippedSalesOf } from "../store/change-events-table.ts";
import { readClient } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import {
  dropUnlinkedRecord,
  findLink,
  insertLink,
  linkToPartner,
  type LinkSnapshot,
} from "../store/links-table.ts";
import { EngineError } from "./engine-error.ts";
import { integrationOf } from "./integration-of.ts";
import { clientLockKey, externalLockKey, lockKey } from "./lock-keys.ts";
import { mergeLink } from "./merge-link.ts";
import { unlinkedRecord } from "./unlinked-record.ts";

/**
 * S7: a user pairs a hub customer with a customer of the other system that the hub recorded
 * without a hub customer (selected mode, or a file's row). The record gives way to the pair, which
 * starts from no agreed base: values only one side holds are filled in on the other, values both
 * hold alike are agreed, and values that differ are conflicts for a user to resolve (F12), whatever
 * the profile's winner, so neither side is overwritten. Refused: a customer or record that has a
 * partner already, or is excluded (S9), or a record the hub has not recorded.
 */
export async function pairClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.pair" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId, integrationId, externalId } = change;
  const integration = await integrationOf(tx, integrationId);
  if (!integration)
    throw new EngineError("not_found", `integration ${integrationId} does not exist`);
  // the engine's lock order: the external key, the client, then the link rows
  await lockKey(tx, externalLockKey(integrationId, externalId));
  await lockKey(tx, clientLockKey(clientId));
  const record = await unlinkedRecord(tx, integrationId, externalId);
  const client = await readClient(tx, clientId);
  if (!client) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  const own = await findLink(tx, { integrationId, clientId }, true);
  if (own?.externalId)
    throw new EngineError(
      "conflict",
      `customer ${clientId} already has a partner in integration ${integrationId} (${own.externalId})`,
    );
  // a partner being created for it (a queued or running partner.create) would be a second one
  if (own && (await hasPendingJob(tx, linkQueueKey(own.id), "partner.create")))
    throw new EngineError(
      "conflict",
      `customer ${clientId}'s partner in integration ${integrationId} is being created; pair it once that is done, or resolve the two then`,
    );
  if (own?.status === "excluded")
    throw new EngineError(
      "conflict",
      `customer ${clientId} is excluded from integration ${integrationId} (S9); lift the exclusion first`,
    );
  const external = record.external ?? {
    firstName: null,
    lastName: null,
    acquisition: null,
    contacts: [],
    preferences: {},
  };
  const snapshot: LinkSnapshot = {
    external,
    externalVersion: record.externalVersion,
    snapshotVersion: record.snapshotVersion,
    externalNumber: record.externalNumber,
  };
  await dropUnlinkedRecord(tx, record);
  const paired = own
    ? await linkToPartner(tx, own, { externalId, externalNumber: record.externalNumber }, now)
    : await insertLink(tx, {
        integrationId,
        clientId,
        externalId,
        externalNumber: record.externalNumber,
        status: "unlinked",
        syncEnabled: true,
        now,
      });
  await mergeLink(
    tx,
    now,
    integration,
    paired,
    client,
    external,
    { source: "hub", actor },
    { snapshot, pairedByHand: true },
  );
  // F6/S1: the sales skipped while the record had no hub customer come in now that it has one
  await reopenSkippedSalesOf(tx, integrationId, [externalId]);
  return { clientId };
}
