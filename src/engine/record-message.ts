import type { HubChange } from "../domain/hub-change.ts";
import type { AddActivityJob } from "../domain/job-payloads.ts";
import { addLinkJob } from "../queue/add-job.ts";
import type { Queryable } from "../store/database.ts";
import { flowOf } from "../domain/policy.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { linksOfClient } from "../store/links-table.ts";
import { insertMessage } from "../store/messages-table.ts";
import { parseActorId } from "../domain/actor-id.ts";
import { readClient } from "../store/clients-table.ts";
import { EngineError } from "./engine-error.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";

/**
 * F7: an email or text sent from the hub is recorded, and written to the activity of the
 * customer's partner in every integration that has one. One way: nothing comes back.
 */
export async function recordMessage(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "message.sent" }>,
  actor: string,
): Promise<{ clientId: number }> {
  await lockKey(tx, clientLockKey(change.clientId));
  if (!(await readClient(tx, change.clientId)))
    throw new EngineError("not_found", `customer ${change.clientId} does not exist`);
  const who = parseActorId(actor);
  const messageId = await insertMessage(tx, {
    clientId: change.clientId,
    channel: change.channel,
    body: change.body,
    sentBy: who.type === "user" ? who.userId : null,
    sentAt: now,
  });
  for (const link of await linksOfClient(tx, change.clientId)) {
    if (!link.externalId || link.status === "excluded") continue;
    const integration = await readIntegration(tx, link.integrationId);
    if (!integration || flowOf(integration.profile, "message").direction !== "outbound") continue;
    const job: AddActivityJob = { kind: "activity.add", linkId: link.id, messageId, actor };
    await addLinkJob(tx, link, job, now);
  }
  return { clientId: change.clientId };
}
