import { toFieldMap } from "../domain/customer.ts";
import { diffFields } from "../domain/customer-patch.ts";
import type { HubChange } from "../domain/hub-change.ts";
import { appendAudit } from "../store/audit-table.ts";
import { insertClient } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { auditHubChange } from "./hub-audit.ts";
import { refuseNumberInUse, refuseNumberTakenMeanwhile } from "./number-in-use.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { syncClientOut } from "./sync-out.ts";

/**
 * A customer created in the hub: the client and its audit (A2: its assignment to the user who
 * created it, too), then its integrations (S2, S3).
 */
export async function createClient(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "client.created" }>,
  actor: string,
): Promise<{ clientId: number }> {
  if (change.customerNumber !== undefined)
    await refuseNumberInUse(tx, change.storeId, change.customerNumber);
  const clientId = await insertClient(tx, { ...change, now });
  // S5: a typed number is kept or refused, never swapped: another create may have taken it between
  // the check above and the insert, which then gave this customer the next free number instead
  if (change.customerNumber !== undefined)
    await refuseNumberTakenMeanwhile(tx, change.storeId, change.customerNumber, clientId);
  await lockKey(tx, clientLockKey(clientId));
  const fields = diffFields({}, toFieldMap(change.customer, change.country));
  await auditHubChange(tx, clientId, fields, actor, now);
  if (change.assignedUserId !== null)
    await appendAudit(tx, [
      {
        clientId,
        integrationId: null,
        field: "assignedUserId",
        oldValue: null,
        newValue: change.assignedUserId,
        source: "hub",
        actor,
        reason: "A2: created by this user",
        at: now,
      },
    ]);
  await syncClientOut(tx, now, clientId, { created: true }, actor);
  return { clientId };
}
