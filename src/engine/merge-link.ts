import type { CanonicalCustomer, FieldMap } from "../domain/customer.ts";
import { linkQueueKey, type PushChangesJob } from "../domain/job-payloads.ts";
import { decide, type MergeDecision, type MergeInput } from "../domain/merge-fields.ts";
import { profileFor } from "../domain/policy.ts";
import { addLinkJob } from "../queue/add-job.ts";
import type { ClientRecord } from "../store/clients-table.ts";
import { closeConflict, upsertConflicts } from "../store/conflicts-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { unansweredWrites } from "../queue/unanswered-writes.ts";
import {
  settleMerge,
  withSnapshot,
  type LinkRecord,
  type LinkSnapshot,
} from "../store/links-table.ts";
import { linkView } from "./link-view.ts";
import { writeToHub, type ChangeOrigin } from "./write-to-hub.ts";
import { connectorActor, parseActorId } from "../domain/actor-id.ts";
import { unansweredWindowMs } from "../domain/unanswered-window.ts";
import { earlierWriteActors } from "../queue/earlier-write-actors.ts";

export { fieldsFor } from "./link-view.ts";
export type { ChangeOrigin } from "./write-to-hub.ts";

async function unansweredValues(tx: Queryable, linkId: number, now: Date) {
  const since = new Date(now.getTime() - unansweredWindowMs);
  const values: Record<string, Array<string | null>> = {};
  for (const write of await unansweredWrites(tx, linkQueueKey(linkId), since))
    for (const [path, value] of Object.entries(write)) (values[path] ??= []).push(value);
  return values;
}

/**
 * The engine's one merge: read both sides of a linked pair, let decide() (pure) settle
 * everything, then write in the caller's transaction what it says: hub rows and their audit,
 * conflicts opened and closed, the outbound job (the outbox), and the link's new base, pending
 * values and status, with `snapshot`, the partner's state this merge brings, when it brings one;
 * `pairedByHand` for the first merge of a pair a user made (S7).
 * The caller holds the link's row lock.
 */
export async function mergeLink(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  stored: LinkRecord,
  hub: ClientRecord,
  external: CanonicalCustomer,
  origin: ChangeOrigin,
  options: { snapshot?: LinkSnapshot; pairedByHand?: boolean } = {},
): Promise<MergeDecision> {
  const { snapshot, pairedByHand } = options;
  const link = snapshot ? withSnapshot(stored, snapshot) : stored;
  // the open conflicts come with the view, in the same statement (R8.5)
  const view = await linkView(tx, integration, link, hub, external);
  const open = view.openConflicts;
  // what both sides agree on: the recorded base, and the hub's own items it has taken back since
  const agreedBase: FieldMap = { ...link.base, ...view.takenBack };
  const input: MergeInput = {
    base: agreedBase,
    hub: view.hubFields,
    external: view.externalFields,
    pending: link.pending,
    profile: profileFor(integration.profile),
    openConflicts: open.map((c) => c.field),
    status: link.status,
    ...(pairedByHand ? { pairedByHand } : {}),
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
  await writeToHub(
    tx,
    { integration, linkId: link.id, clientId: hub.id },
    view,
    decision.toHub,
    { source: integration.kind, actor: connectorActor(integration.kind) },
    now,
  );
  await upsertConflicts(tx, link.id, decision.conflicts, now);
  for (const { path, value } of decision.converged) {
    const conflict = open.find((c) => c.field === path)!;
    await closeConflict(tx, conflict.id, "system", { converged: value }, now);
  }
  const { add, set } = decision.sends;
  if (link.externalId && (Object.keys(set).length > 0 || Object.keys(add).length > 0))
    for (const job of await writesByActor(tx, link.id, set, add, origin.actor))
      await addLinkJob(tx, link, job, now);
  const { base, pending, status } = decision;
  await settleMerge(tx, link, { base, pending, status }, now, snapshot);
  return decision;
}

/**
 * R12.5, F9: the hub's values to send, as one write per actor. A merge a user's change set off
 * sends as that user. One a partner's change (or the system) set off may send again values a user
 * made whose first write died or was refused: each goes as the user its earlier write named, so
 * the POS attributes it to that user's associate, not the default one.
 */
async function writesByActor(
  tx: Queryable,
  linkId: number,
  set: Record<string, string | null>,
  add: Record<string, string>,
  actor: string,
): Promise<PushChangesJob[]> {
  if (parseActorId(actor).type === "user")
    return [{ kind: "external.update", linkId, set, add, actor }];
  const earlier = await earlierWriteActors(tx, linkQueueKey(linkId), { ...set, ...add });
  const jobs = new Map<string, PushChangesJob>();
  const jobOf = (path: string) => {
    const by = earlier[path] ?? actor;
    if (!jobs.has(by))
      jobs.set(by, { kind: "external.update", linkId, set: {}, add: {}, actor: by });
    return jobs.get(by)!;
  };
  for (const [path, value] of Object.entries(set)) jobOf(path).set[path] = value;
  for (const [path, value] of Object.entries(add)) jobOf(path).add[path] = value;
  return [...jobs.values()];
}
