import type { HubChange } from "../domain/hub-change.ts";
import { linkQueueKey } from "../domain/job-payloads.ts";
import { hasPendingJob } from "../queue/has-pending-job.ts";
import { readClient } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { findLink } from "../store/links-table.ts";
import { createsPartners } from "../domain/policy.ts";
import { EngineError } from "./engine-error.ts";
import { switchedOnIntegration } from "./integration-of.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { refuseExternalNumberInUse } from "./number-in-use.ts";
import { syncClientOut } from "./sync-out.ts";

/**
 * S5/S6: a user has a hub customer's partner created in the other system. The customer is set to
 * sync and its partner.create job is queued with the number chosen: the customer's own (keep),
 * the one typed, or none (next: the system's next free number, or for a system whose numbers the
 * hub chooses, one past the highest the hub knows there). A kept or typed number the hub knows in
 * that system is refused; so is a customer that has a partner, one being created, one excluded
 * (S9), and a prospect where the integration sends prospects at their first purchase (S3).
 * The create itself, with S2's look for the same email first, is the apply stage's job.
 */
export async function requestPartner(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.partnerCreate" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { clientId, integrationId } = change;
  const integration = await switchedOnIntegration(tx, integrationId, "create partners there");
  if (!createsPartners(integration.profile))
    throw new EngineError(
      "conflict",
      `integration ${integrationId} is read only (a ${integration.kind} integration): the hub creates no customers there`,
    );
  await lockKey(tx, clientLockKey(clientId));
  const client = await readClient(tx, clientId);
  if (!client) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  const link = await findLink(tx, { integrationId, clientId }, true);
  if (link?.externalId)
    throw new EngineError(
      "conflict",
      `customer ${clientId} already has a partner in integration ${integrationId} (${link.externalId})`,
    );
  if (link?.status === "excluded")
    throw new EngineError(
      "conflict",
      `customer ${clientId} is excluded from integration ${integrationId} (S9); lift the exclusion first`,
    );
  if (link && (await hasPendingJob(tx, linkQueueKey(link.id), "partner.create")))
    throw new EngineError(
      "conflict",
      `customer ${clientId}'s partner in integration ${integrationId} is being created already`,
    );
  if (integration.options.transferWhen === "active" && client.lifecycle !== "active")
    throw new EngineError(
      "conflict",
      `customer ${clientId} is a prospect, and integration ${integrationId} sends prospects at their first purchase (transferWhen: active); mark it active first`,
    );
  const number =
    change.numberChoice === "keep"
      ? client.customerNumber
      : change.numberChoice === "typed"
        ? change.number
        : undefined;
  if (change.numberChoice === "typed" && !number)
    throw new EngineError(
      "invalid_edit",
      "number: a typed number is needed with numberChoice 'typed'",
    );
  if (number !== undefined) await refuseExternalNumberInUse(tx, integrationId, number);
  await syncClientOut(tx, now, clientId, { requested: true, integrationId, number }, actor);
  return { clientId };
}
