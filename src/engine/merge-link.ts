import { sameValue, type CanonicalCustomer, type FieldMap } from "../domain/customer.ts";
import { linkQueueKey, type PushChangesJob } from "../domain/job-payloads.ts";
import type { LinkStatus } from "../domain/link-status.ts";
import { decide, type MergeDecision } from "../domain/merge-fields.ts";
import { profileFor } from "../domain/policy.ts";
import { addJob } from "../queue/add-job.ts";
import type { ClientRecord } from "../store/clients-table.ts";
import { closeConflict, openConflictsOf, upsertConflicts } from "../store/conflicts-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { unansweredWrites } from "../queue/unanswered-writes.ts";
import { settleMerge, type LinkRecord } from "../store/links-table.ts";
import { linkView, type ChangeOrigin } from "./link-view.ts";
import { connectorActor } from "../domain/actor-id.ts";
import { isUnpairedHubItem, parseFieldPath } from "../domain/field-path.ts";

export { fieldsFor, type ChangeOrigin } from "./link-view.ts";

/** How far back a lost answer is plausible: a partner keeps idempotency keys about this long. */
const unansweredWindowMs = 24 * 3600 * 1000;

async function unansweredValues(tx: Queryable, linkId: number, now: Date) {
  const since = new Date(now.getTime() - unansweredWindowMs);
  const values: Record<string, Array<string | null>> = {};
  for (const write of await unansweredWrites(tx, linkQueueKey(linkId), since))
    for (const [path, value] of Object.entries(write)) (values[path] ??= []).push(value);
  return values;
}

/**
 * The engine's one merge: compare base, hub and external for a linked pair, then write in the
 * caller's transaction what the decision says: hub rows and their audit, the new base, conflicts,
 * and the outbound job (the outbox). The caller holds the link's row lock.
 */
export async function mergeLink(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  link: LinkRecord,
  hub: ClientRecord,
  external: CanonicalCustomer,
  origin: ChangeOrigin,
): Promise<MergeDecision> {
  const view = await linkView(tx, integration, link, hub, external);
  const { hubFields, externalFields } = view;
  // what both sides agree on: the recorded base, and the hub's own items it has taken back since
  const agreedBase: FieldMap = { ...link.base, ...view.takenBack };
  const input = {
    base: agreedBase,
    hub: hubFields,
    external: externalFields,
    pending: link.pending,
    profile: profileFor(integration.kind),
  };
  let decision = decide(input);
  // Before a conflict is opened: is the external value one the hub itself sent, whose answer was
  // lost? Looked up only then, since conflicts are rare and writes are many.
  if (decision.conflicts.length > 0) {
    const unanswered = await unansweredValues(tx, link.id, now);
    if (decision.conflicts.some((c) => c.path in unanswered))
      decision = decide({ ...input, unanswered });
  }
  // whatever triggered the merge, these values came from the external system
  await view.writeToHub(
    decision.toHub,
    { source: integration.kind, actor: connectorActor(integration.kind) },
    now,
  );

  const base: FieldMap = { ...agreedBase };
  for (const [path, value] of Object.entries(decision.agreed)) {
    if (value === null) delete base[path];
    else base[path] = value;
  }

  await upsertConflicts(tx, link.id, decision.conflicts, now);
  const newHub = { ...hubFields };
  for (const [path, value] of Object.entries(decision.toHub)) {
    if (value === null) delete newHub[path];
    else newHub[path] = value;
  }
  // A conflict whose two sides have come to hold the same value is over.
  let open = await openConflictsOf(tx, link.id);
  for (const conflict of open) {
    const h = newHub[conflict.field];
    if (h === externalFields[conflict.field]) {
      await closeConflict(tx, conflict.id, "system", { converged: h ?? null }, now);
      if (h === undefined) delete base[conflict.field];
      else base[conflict.field] = h;
    }
  }
  open = open.filter((c) => newHub[c.field] !== externalFields[c.field]);

  const pending = { ...link.pending };
  // A hub value on its way out is obsolete once the hub holds another value (the external one
  // won, the user changed it back, or both sides agree): its queued write must not go out.
  for (const path of [...Object.keys(decision.toHub), ...Object.keys(decision.agreed)])
    delete pending[path];
  for (const path of Object.keys(pending)) {
    const now = path in decision.toHub ? decision.toHub[path] : (hubFields[path] ?? null);
    if (!sameValue(path, pending[path] ?? undefined, now ?? undefined)) delete pending[path];
  }
  const job: PushChangesJob = {
    kind: "external.update",
    linkId: link.id,
    set: {},
    add: {},
    actor: origin.actor,
  };
  for (const [path, value] of Object.entries(decision.toExternal)) {
    // new items (contacts, unpaired notes) are added; everything else is set with a precondition
    const field = parseFieldPath(path);
    if (field.family === "contact" || isUnpairedHubItem(field)) {
      if (value !== null) job.add[path] = value;
    } else job.set[path] = value;
    pending[path] = value;
  }
  if (link.externalId && (Object.keys(job.set).length > 0 || Object.keys(job.add).length > 0)) {
    await addJob(tx, { kind: job.kind, payload: job, queueKey: linkQueueKey(link.id), runAt: now });
  }

  const status: LinkStatus =
    open.length > 0 ? "conflict" : link.status === "error" ? "error" : "synced";
  await settleMerge(tx, link, { base, pending, status }, now);
  return decision;
}
