import { linkQueueKey, type CreatePartnerJob } from "../domain/job-payloads.ts";
import { addLinkJob } from "../queue/add-job.ts";
import { hasPendingJob } from "../queue/has-pending-job.ts";
import { readClient, type ClientRecord } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { listIntegrations, type IntegrationRecord } from "../store/integrations-table.ts";
import { enableLinkSync, findLink, insertLink } from "../store/links-table.ts";
import { createsPartners } from "../domain/policy.ts";
import { EngineError } from "./engine-error.ts";
import { mergeLink } from "./merge-link.ts";

/** Why a hub client goes out to its integrations. */
export interface SyncTrigger {
  /** S1: a user (or the hub) asked for this customer to sync: it does, even in selected mode */
  requested?: boolean;
  /** S3: the client was just created in the hub */
  created?: boolean;
  /** S5: the customer number a user chose for the partner to be created */
  number?: string | undefined;
  /** only this integration (a sync request, a catch-up) */
  integrationId?: number;
}

/**
 * After a hub change: every enabled integration of the client's store (or the one named) sees the
 * client through the same merge an external change takes, or gets its partner created (S2, S3).
 * The caller holds the client's lock.
 */
export async function syncClientOut(
  tx: Queryable,
  now: Date,
  clientId: number,
  trigger: SyncTrigger,
  actor: string,
): Promise<void> {
  const client = await readClient(tx, clientId);
  if (!client) throw new EngineError("not_found", `customer ${clientId} does not exist`);
  for (const integration of await listIntegrations(tx, client.storeId)) {
    if (!integration.enabled) continue;
    if (trigger.integrationId !== undefined && trigger.integrationId !== integration.id) continue;
    await syncOut(tx, now, integration, client, trigger, actor);
  }
}

/** Sends a hub client's change to one integration: merge with its partner, or create the partner (S2, S3). */
async function syncOut(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  client: ClientRecord,
  trigger: SyncTrigger,
  actor: string,
) {
  let link = await findLink(tx, { integrationId: integration.id, clientId: client.id }, true);
  if (link?.status === "excluded") return;
  const { syncMode, pushNewCustomers, transferWhen } = integration.options;
  if (link?.externalId) {
    if (syncMode === "selected" && !link.syncEnabled && !trigger.requested) return;
    await enableLinkSync(tx, link, now);
    const external = link.external ?? {
      firstName: null,
      lastName: null,
      acquisition: null,
      contacts: [],
      preferences: {},
    };
    await mergeLink(tx, now, integration, { ...link, syncEnabled: true }, client, external, {
      source: "hub",
      actor,
    });
    return;
  }
  // I3: a read-only system (a customer file) gets no partners from the hub
  if (!createsPartners(integration.profile)) return;
  const wanted =
    link?.syncEnabled ||
    trigger.requested ||
    (pushNewCustomers && (trigger.created || syncMode === "all"));
  if (!wanted) return;
  if (!link)
    link = await insertLink(tx, {
      integrationId: integration.id,
      clientId: client.id,
      externalId: null,
      status: "unlinked",
      syncEnabled: true,
      now,
    });
  else await enableLinkSync(tx, link, now);
  // S3: with transferWhen "active", a prospect waits until its first purchase or a user marks it active.
  if (transferWhen === "active" && client.lifecycle !== "active") return;
  if (await hasPendingJob(tx, linkQueueKey(link.id), "partner.create")) return;
  const job: CreatePartnerJob = {
    kind: "partner.create",
    linkId: link.id,
    actor,
    ...(trigger.requested && trigger.number ? { number: trigger.number } : {}),
  };
  await addLinkJob(tx, link, job, now);
}
