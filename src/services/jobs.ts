import { outboundJobOf } from "../domain/job-payloads.ts";
import { closeDeadJob } from "../queue/close-dead-job.ts";
import { isJobStateError, type JobState } from "../queue/job-state-machine.ts";
import { listJobs } from "../queue/list-store-jobs.ts";
import { findLink } from "../store/links-table.ts";
import * as engine from "../engine/entries.ts";
import { applyHubChangeIn } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** Jobs of the store's integrations in one state (dead ones are what a user retries). */
export async function storeJobs(ctx: ServiceContext, actor: Actor, state: JobState) {
  return listJobs(ctx.db, actor.storeId, state);
}

/**
 * Retries a dead outbound job. Its stored values may be stale by now, so the customer is synced
 * again instead: the engine merges with what both sides hold now and queues fresh work; the dead
 * job is closed as retried.
 */
export async function retryDeadJob(ctx: ServiceContext, actor: Actor, jobId: number) {
  const [job] = (await listJobs(ctx.db, actor.storeId, "dead")).filter((j) => j.id === jobId);
  if (!job) throw new ServiceError("not_found", `there is no dead job ${jobId}`);
  const payload = outboundJobOf(job.payload);
  if (!payload)
    throw new ServiceError("conflict", `job ${jobId}: its payload is not a job Tandem can retry`);
  const link = await findLink(ctx.db, { id: payload.linkId });
  const clientId = link?.clientId;
  if (!link || !clientId)
    throw new ServiceError("conflict", `job ${jobId}: its customer link is gone; nothing to retry`);
  // closing the dead job and syncing its customer are one transaction: a sync that fails (or a
  // crash) leaves the job dead, for another retry
  return ctx.db.transaction(async (tx) => {
    try {
      await closeDeadJob(tx, jobId, ctx.clock.now());
    } catch (error) {
      // another retry of the same job closed it first: that one syncs the customer
      if (isJobStateError(error)) throw new ServiceError("conflict", error.message);
      throw error;
    }
    return applyHubChangeIn(
      ctx,
      tx,
      actor,
      { kind: "client.sync", clientId, integrationId: link.integrationId },
      engine.syncClient,
    );
  });
}
