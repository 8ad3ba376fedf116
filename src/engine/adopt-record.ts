import type { HubChange } from "../domain/hub-change.ts";
import { emailsOf } from "../domain/customer.ts";
import { reopenSkippedSalesOf } from "../store/change-events-table.ts";
import type { Queryable } from "../store/database.ts";
import { dropUnlinkedRecord } from "../store/links-table.ts";
import { EngineError } from "./engine-error.ts";
import { switchedOnIntegration } from "./integration-of.ts";
import { externalLockKey, lockKey } from "./lock-keys.ts";
import { refuseNumberInUse } from "./number-in-use.ts";
import { pairClient } from "./pair-client.ts";
import { createClientFrom, unlinkedClientWithSameEmail } from "./process-external-change.ts";
import { unlinkedRecord } from "./unlinked-record.ts";

/**
 * S5/S6/S10: a user makes a hub customer of a customer of the other system that the hub recorded
 * without one (selected mode, a file's row). Never a duplicate (S2): a hub customer with the same
 * email and no partner there becomes its partner, as a pair made by hand (S7: differing values
 * are conflicts). Otherwise a new hub customer, synced with the record, numbered as chosen: the
 * record's number (keep; the next free one when it has none), the store's next free number, or
 * the one typed. A kept or typed number a hub customer has is refused, as is a record that has a
 * hub customer, is excluded (S9), or is not known.
 */
export async function adoptRecord(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "record.partnerCreate" }>,
  actor: string,
): Promise<{ clientId: number }> {
  const { integrationId, externalId } = change;
  const integration = await switchedOnIntegration(
    tx,
    integrationId,
    "create hub customers from it",
  );
  await lockKey(tx, externalLockKey(integrationId, externalId));
  const record = await unlinkedRecord(tx, integrationId, externalId);
  const customer = record.external;
  if (!customer)
    throw new EngineError(
      "conflict",
      `externalId: the hub holds no copy of customer ${externalId} yet; it is created when one arrives`,
    );
  const sameEmail = await unlinkedClientWithSameEmail(tx, integration, emailsOf(customer));
  if (sameEmail !== undefined)
    return pairClient(
      tx,
      now,
      { kind: "client.pair", clientId: sameEmail, integrationId, externalId },
      actor,
    );
  const number =
    change.numberChoice === "keep"
      ? (record.externalNumber ?? null)
      : change.numberChoice === "typed"
        ? change.number
        : null;
  if (change.numberChoice === "typed" && !number)
    throw new EngineError(
      "invalid_edit",
      "number: a typed number is needed with numberChoice 'typed'",
    );
  if (number) await refuseNumberInUse(tx, integration.storeId, number);
  await dropUnlinkedRecord(tx, record);
  const clientId = await createClientFrom(
    tx,
    now,
    integration,
    { id: externalId, number: record.externalNumber, version: record.externalVersion, customer },
    number,
  );
  // F6/S1: the sales skipped while the record had no hub customer come in now that it has one
  await reopenSkippedSalesOf(tx, integrationId, [externalId]);
  return { clientId };
}
