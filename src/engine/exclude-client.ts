import type { HubChange } from "../domain/hub-change.ts";
import { readClient } from "../store/clients-table.ts";
import { reopenSkippedSalesOf } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import {
  dropUnlinkedRecord,
  excludeLink,
  findLink,
  insertLink,
  releaseLink,
} from "../store/links-table.ts";
import { EngineError } from "./engine-error.ts";
import { integrationOf } from "./integration-of.ts";
import { clientLockKey, externalLockKey, lockKey } from "./lock-keys.ts";
import { processExternalChange } from "./process-external-change.ts";
import { syncClientOut } from "./sync-out.ts";

/**
 * S9: a user excludes a hub customer from one integration, or lifts the exclusion. Excluded, the
 * customer is never created, matched or updated in the other system (every path checks the link's
 * status: sync-out, apply's jobs, the engine's merges and email matches); a customer without a
 * link there gets one, excluded, so that no later push creates its partner. Lifted, the link is
 * unlinked again and the customer is sent on as if just edited: with a partner it merges (and
 * syncs, or opens conflicts); without one it goes out as the integration's options say (S1-S3).
 * Either is a no-op when the customer already is so.
 */
export async function excludeClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.exclude" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId, integrationId, excluded } = change;
  if (!(await integrationOf(tx, integrationId)))
    throw new EngineError("not_found", `integration ${integrationId} does not exist`);
  await lockKey(tx, clientLockKey(clientId));
  if (!(await readClient(tx, clientId)))
    throw new EngineError("not_found", `customer ${clientId} does not exist`);
  const link = await findLink(tx, { integrationId, clientId }, true);
  if (excluded) {
    if (link?.status === "excluded") return { clientId };
    const own =
      link ??
      (await insertLink(tx, {
        integrationId,
        clientId,
        externalId: null,
        status: "unlinked",
        syncEnabled: false,
        now,
      }));
    await excludeLink(tx, own, now);
    return { clientId };
  }
  if (link?.status !== "excluded") return { clientId };
  await releaseLink(tx, link, now);
  await syncClientOut(tx, now, clientId, { integrationId }, actor);
  return { clientId };
}

/**
 * S9 on the other side: a user excludes a customer of the other system, one the hub recorded, or
 * lifts that. A record paired with a hub customer is excluded (or lifted) as that customer is
 * (excludeClient). A record without one is marked excluded: never matched, created in the hub or
 * paired (its later changes are recorded, not merged). Lifted, the hub forgets the record and
 * takes its last copy as new, as if it had just arrived: matched by email or created in the hub
 * when the integration syncs all customers, recorded unlinked again when it syncs selected ones.
 */
export async function excludeRecord(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "record.exclude" }>,
  actor: string,
): Promise<{ clientId: number | null }> {
  const { integrationId, externalId, excluded } = change;
  if (!(await integrationOf(tx, integrationId)))
    throw new EngineError("not_found", `integration ${integrationId} does not exist`);
  await lockKey(tx, externalLockKey(integrationId, externalId));
  const record = await findLink(tx, { integrationId, externalId });
  if (!record)
    throw new EngineError(
      "not_found",
      `externalId: the hub has no record of customer ${externalId} of integration ${integrationId}`,
    );
  if (record.clientId !== null)
    return excludeClient(
      tx,
      now,
      { kind: "client.exclude", clientId: record.clientId, integrationId, excluded },
      actor,
    );
  const locked = await findLink(tx, { id: record.id }, true);
  if (!locked || locked.clientId !== null)
    throw new EngineError(
      "conflict",
      `externalId: customer ${externalId} was paired or changed meanwhile; try again`,
    );
  if (excluded) {
    if (locked.status !== "excluded") await excludeLink(tx, locked, now);
    return { clientId: null };
  }
  if (locked.status !== "excluded") return { clientId: null };
  await dropUnlinkedRecord(tx, locked);
  if (locked.external) {
    const outcome = await processExternalChange(tx, now, integrationId, {
      id: externalId,
      number: locked.externalNumber,
      version: locked.externalVersion,
      customer: locked.external,
    });
    // F6/S1: as after any change that makes a customer sync
    if (outcome === "created" || outcome === "merged")
      await reopenSkippedSalesOf(tx, integrationId, [externalId]);
  }
  const after = await findLink(tx, { integrationId, externalId });
  return { clientId: after?.clientId ?? null };
}
