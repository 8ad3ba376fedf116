import type { AddActivityJob } from "../domain/job-payloads.ts";
import type { Connector } from "../connectors/kit/connector.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { findLink } from "../store/links-table.ts";
import { readMessage } from "../store/messages-table.ts";
import { associateFor } from "./attribute-change.ts";
import type { JobContext, JobOutcome } from "./job-outcome.ts";

/** F7: writes a hub message to the partner's activity, attributed to the sender's associate (F9). */
export async function addActivity(
  ctx: JobContext,
  job: AddActivityJob,
  integration: IntegrationRecord,
  connector: Connector,
): Promise<JobOutcome> {
  const link = await findLink(ctx.db, { id: job.linkId });
  const message = await readMessage(ctx.db, job.messageId);
  if (!link?.externalId || !message) return { outcome: "nothing to write" };
  if (!connector.sink.addActivity)
    return { outcome: `${integration.kind} has no activity to write to` };
  await connector.sink.addActivity(
    link.externalId,
    {
      type: message.channel,
      body: message.body,
      sentAt: message.sentAt.toISOString(),
      ref: `tandem-message:${message.id}`,
    },
    {
      idempotencyKey: ctx.idempotencyKey,
      associateNumber: await associateFor(ctx.db, integration, job.actor),
    },
  );
  return { outcome: "written" };
}
