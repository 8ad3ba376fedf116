import { toFieldMap } from "../domain/customer.ts";
import type { HubChange } from "../domain/hub-change.ts";
import { applyEdit, diffFields, type CustomerEdit } from "../domain/customer-patch.ts";
import { linkQueueKey, type CreatePartnerJob } from "../domain/job-payloads.ts";
import { addJob } from "../queue/add-job.ts";
import { hasPendingJob } from "../queue/has-pending-job.ts";
import { appendAudit } from "../store/audit-table.ts";
import type { ChangeEventRecord } from "../store/change-events-table.ts";
import {
  applyFieldChanges,
  insertClient,
  readClient,
  setLifecycle,
  type ClientRecord,
} from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import { listIntegrations, type IntegrationRecord } from "../store/integrations-table.ts";
import { enableLinkSync, findLink, insertLink } from "../store/links-table.ts";
import { insertNote, readNotes, updateNote } from "../store/notes-table.ts";
import { readStore } from "../store/stores-table.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { mergeLink } from "./merge-link.ts";
import { editCollection } from "./edit-collection.ts";
import { recordMessage } from "./record-message.ts";
import { resolveConflicts } from "./resolve-conflicts.ts";
import { parseActorId } from "../domain/actor-id.ts";

/**
 * A change made in the hub: write the client and its audit, then let every integration's link
 * see it through the same merge an external change takes. Returns the client's id.
 */
export async function processHubChange(
  tx: Queryable,
  now: Date,
  event: ChangeEventRecord,
): Promise<number> {
  const change = event.payload as HubChange;
  if (change.kind === "conflict.resolve") {
    await resolveConflicts(tx, now, change, event.actor);
    return change.clientId;
  }
  if (change.kind === "message.sent") {
    await lockKey(tx, clientLockKey(change.clientId));
    await recordMessage(tx, now, change, event.actor);
    return change.clientId;
  }
  let clientId: number;
  if (change.kind === "collection.add" || change.kind === "collection.remove") {
    await lockKey(tx, clientLockKey(change.clientId));
    await editCollection(tx, now, change, event.actor);
  }
  if (change.kind === "client.created") {
    clientId = await insertClient(tx, { ...change, now });
    await lockKey(tx, clientLockKey(clientId));
    await audit(
      tx,
      clientId,
      diffFields({}, toFieldMap(change.customer, change.country)),
      event.actor,
      now,
    );
  } else {
    clientId = change.clientId;
    await lockKey(tx, clientLockKey(clientId));
    const before = await readClient(tx, clientId);
    if (!before) throw new Error(`client ${clientId} does not exist`);
    if (change.kind === "client.updated") {
      const country = (await readStore(tx, before.storeId))?.country ?? "US";
      const after = applyEdit(before.customer, change.edit, country);
      const changes = diffFields(toFieldMap(before.customer, country), toFieldMap(after, country));
      if (Object.keys(changes).length > 0) {
        await applyFieldChanges(tx, clientId, changes, country, now);
        await audit(tx, clientId, changes, event.actor, now, toFieldMap(before.customer, country));
      }
      await editNotes(tx, clientId, change.edit, event.actor, now);
      if (change.lifecycle && change.lifecycle !== before.lifecycle) {
        await setLifecycle(tx, clientId, change.lifecycle);
        await audit(tx, clientId, { lifecycle: change.lifecycle }, event.actor, now, {
          lifecycle: before.lifecycle,
        });
      }
    }
  }
  const client = await readClient(tx, clientId);
  if (!client) throw new Error(`client ${clientId} vanished`);
  for (const integration of await listIntegrations(tx, client.storeId)) {
    if (!integration.enabled) continue;
    if (
      (change.kind === "client.sync" || change.kind === "client.resync") &&
      change.integrationId !== integration.id
    )
      continue;
    await syncOut(tx, now, integration, client, change, event.actor);
  }
  return clientId;
}

async function audit(
  tx: Queryable,
  clientId: number,
  changes: Record<string, string | null>,
  actor: string,
  now: Date,
  before: Record<string, string> = {},
) {
  await appendAudit(
    tx,
    Object.entries(changes).map(([field, value]) => ({
      clientId,
      integrationId: null,
      field,
      oldValue: before[field] ?? null,
      newValue: value,
      source: "hub",
      actor,
      at: now,
    })),
  );
}

/** Sends a hub client's change to one integration: merge with its partner, or create the partner (S2, S3). */
async function syncOut(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  client: ClientRecord,
  change: HubChange,
  actor: string,
) {
  let link = await findLink(tx, { integrationId: integration.id, clientId: client.id }, true);
  if (link?.status === "excluded") return;
  const { syncMode, pushNewCustomers, transferWhen } = integration.options;
  if (link?.externalId) {
    if (syncMode === "selected" && !link.syncEnabled && change.kind !== "client.sync") return;
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
  const wanted =
    link?.syncEnabled ||
    change.kind === "client.sync" ||
    (pushNewCustomers && (change.kind === "client.created" || syncMode === "all"));
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
    ...(change.kind === "client.sync" && change.number ? { number: change.number } : {}),
  };
  await addJob(tx, { kind: job.kind, payload: job, queueKey: linkQueueKey(link.id), runAt: now });
}

/** F5: notes added or edited in the hub, each audited under its hub id. */
async function editNotes(
  tx: Queryable,
  clientId: number,
  edit: CustomerEdit,
  actor: string,
  now: Date,
) {
  const changes: Record<string, string | null> = {};
  const before: Record<string, string> = {};
  for (const body of edit.addNotes ?? []) {
    const who = parseActorId(actor);
    const id = await insertNote(tx, clientId, body, who.type === "user" ? who.userId : null, now);
    changes[`note.${id}`] = body;
  }
  if (edit.editNotes && Object.keys(edit.editNotes).length > 0) {
    const current = new Map((await readNotes(tx, [clientId])).map((n) => [String(n.id), n.body]));
    for (const [id, body] of Object.entries(edit.editNotes)) {
      const old = current.get(id);
      if (old === undefined)
        throw new Error(`editNotes.${id}: customer ${clientId} has no such note`);
      if (old === body) continue;
      await updateNote(tx, clientId, Number(id), body, now);
      changes[`note.${id}`] = body;
      before[`note.${id}`] = old;
    }
  }
  await audit(tx, clientId, changes, actor, now, before);
}
