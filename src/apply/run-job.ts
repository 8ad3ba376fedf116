import { parseOutboundJob, type OutboundJob } from "../domain/job-payloads.ts";
import { InvalidPayloadError } from "../domain/payload-check.ts";
import { ConnectorError, isRetryable } from "../connectors/kit/connector-error.ts";
import type { Connector } from "../connectors/kit/connector.ts";
import type { ClaimedJob } from "../queue/claim-jobs.ts";
import { completeJob } from "../queue/complete-jobs.ts";
import { failJob } from "../queue/fail-jobs.ts";
import { supersedeDeadJobs } from "../queue/supersede-dead-jobs.ts";
import type { Queryable } from "../store/database.ts";
import { isSecretKeyError } from "../store/store-error.ts";
import { readIntegration, type IntegrationRecord } from "../store/integrations-table.ts";
import { findLink, markLinkError as markError } from "../store/links-table.ts";
import { addActivity } from "./add-activity.ts";
import type { ApplyOptions } from "./apply-options.ts";
import { createPartner } from "./create-partner.ts";
import { lostTheJob, type QueueOnlyBookkeeping } from "./finish-in-batch.ts";
import type { JobContext, JobOutcome } from "./job-outcome.ts";
import { pushChanges } from "./push-changes.ts";

/**
 * Runs one claimed outbound job to its end: the partner's answer and the job's "done" commit
 * together; a failure is retried after a backoff or ends the job dead (S11). Bookkeeping that
 * touches only the queue is left in `batch` for the caller to write with others'.
 */
export async function runJob(
  options: ApplyOptions,
  job: ClaimedJob,
  batch: QueueOnlyBookkeeping,
): Promise<void> {
  const { db, clock, workerId } = options;
  const ctx: JobContext = { db, now: () => clock.now(), idempotencyKey: `tandem-job-${job.id}` };
  let payload: OutboundJob | undefined;
  try {
    payload = parseOutboundJob(job.payload);
    const link = await findLink(db, { id: payload.linkId });
    const integration = link ? await readIntegration(db, link.integrationId) : undefined;
    let result: JobOutcome = { outcome: "link gone" };
    if (integration) {
      const connector = await options.resolveConnector(integration);
      result = await runOutbound(ctx, payload, integration, connector);
    }
    if (!result.record) {
      batch.done.push({ id: job.id, result: result.outcome });
      return;
    }
    await db.transaction(async (tx) => {
      await result.record?.(tx);
      // Only the lease holder may finish the job; if the lease ran out and another worker took the
      // job, completeJob refuses, this one's bookkeeping rolls back and the other's (same
      // idempotency key) stands.
      await completeJob(tx, { id: job.id, workerId }, result.outcome, clock.now());
      // R12.3: the link's writes that died before this one was queued are done with
      if (result.outcome === "sent") await supersedeDeadJobs(tx, job.id, clock.now());
    });
  } catch (error) {
    if (lostTheJob(error)) return;
    // This worker cannot open the credentials (wrong secret key): the job is not at fault. Leave
    // it to a worker that can (its lease runs out) and let this one stop (run-worker.ts).
    if (isSecretKeyError(error)) throw error;
    // A connector says what can be retried; anything else (a database hiccup, a deadlock) is
    // retried too, and a real bug ends as a dead job after its attempts, visible.
    // a payload that does not fit its schema will not fit at the next attempt either
    const retryable =
      error instanceof ConnectorError
        ? isRetryable(error.code)
        : !(error instanceof InvalidPayloadError);
    const message = error instanceof Error ? error.message : String(error);
    const attempt = { id: job.id, workerId, attempts: job.attempts, maxAttempts: job.maxAttempts };
    // It runs again after a backoff: nothing but the queue to write, with the batch's others.
    if (retryable && job.attempts < job.maxAttempts) {
      batch.retryLater.push({ ...attempt, error: message, retryable });
      return;
    }
    try {
      await db.transaction(async (tx) => {
        const state = await failJob(tx, attempt, message, retryable, clock.now());
        if (state === "dead" && payload) await markLinkError(tx, payload, message, clock.now());
      });
    } catch (bookkeeping) {
      // Another worker took the job over (this one's lease ran out): it records nothing.
      if (lostTheJob(bookkeeping)) return;
      // The customer's status could not be set: the job's own failure is still recorded, so it
      // waits its backoff (or stays dead, visible) instead of staying claimed until its lease
      // runs out. If even that fails, the lease brings the job back (reclaim-expired-jobs.ts).
      try {
        await db.transaction((tx) => failJob(tx, attempt, message, retryable, clock.now()));
      } catch (again) {
        if (!lostTheJob(again)) throw again;
      }
      throw bookkeeping;
    }
  }
}

function runOutbound(
  ctx: JobContext,
  job: OutboundJob,
  integration: IntegrationRecord,
  connector: Connector,
) {
  switch (job.kind) {
    case "partner.create":
      return createPartner(ctx, job, integration, connector);
    case "external.update":
      return pushChanges(ctx, job, integration, connector);
    case "activity.add":
      return addActivity(ctx, job, integration, connector);
    default: {
      const unknown: never = job;
      throw new Error(`unknown outbound job ${JSON.stringify(unknown)}`);
    }
  }
}

/** S11: an operation that failed for good puts the customer in the error section until retried. */
export async function markLinkError(tx: Queryable, job: OutboundJob, message: string, now: Date) {
  const link = await findLink(tx, { id: job.linkId }, true);
  if (!link || link.status === "excluded") return;
  // Its values are no longer on their way out: the next merge (a retry, or any later change)
  // sends what the hub holds then.
  const pending = { ...link.pending };
  if (job.kind === "external.update")
    for (const [path, value] of Object.entries({ ...job.set, ...job.add }))
      if (pending[path] === value) delete pending[path];
  await markError(tx, link, message, now, pending);
}
