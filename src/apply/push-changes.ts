import { parseWishValue, type ExternalCustomer } from "../domain/customer.ts";
import { itemPath, parseFieldPath, type ItemKey } from "../domain/field-path.ts";
import { itemRef } from "../domain/item-ref.ts";
import type { PushChangesJob } from "../domain/job-payloads.ts";
import type { Connector, CustomerOperation } from "../connectors/kit/connector.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { findLink, recordPartnerAnswer } from "../store/links-table.ts";
import { associateFor } from "./attribute-change.ts";
import type { JobContext, JobOutcome } from "./job-outcome.ts";
import { recordExternalCustomers, recordHubChange } from "../store/inbox.ts";

/**
 * Sends hub changes to the partner. Each value is sent with the base it replaces as the
 * expectation, read now (not when the job was queued), because earlier jobs of this link may
 * have moved the base since. If the external system holds something else, it has changed on
 * its side and nothing is overwritten: its current state goes to the engine, which opens a
 * conflict (F12).
 */
export async function pushChanges(
  ctx: JobContext,
  job: PushChangesJob,
  integration: IntegrationRecord,
  connector: Connector,
): Promise<JobOutcome> {
  const link = await findLink(ctx.db, { id: job.linkId });
  if (!link?.externalId) return { outcome: "link has no partner" };
  if (link.status === "excluded") return { outcome: "excluded" };
  // Only what is still the hub's intent goes out: a value the engine has since taken back (the
  // external system's value won, or both sides came to agree) is no longer pending, and sending
  // it would overwrite a newer external value.
  const current = (values: Record<string, string | null>) =>
    Object.fromEntries(
      Object.entries(values).filter(
        ([path, value]) => path in link.pending && link.pending[path] === value,
      ),
    );
  const set = current(job.set);
  const add = current(job.add) as Record<string, string>;
  if (Object.keys(set).length + Object.keys(add).length === 0)
    return { outcome: "superseded before sending" };
  const result = await connector.sink.updateCustomer(
    link.externalId,
    operationsOf(set, add, link.base),
    {
      idempotencyKey: ctx.idempotencyKey,
      associateNumber: await associateFor(ctx.db, integration, job.actor),
    },
  );
  const sent = { ...set, ...add };
  const pairs: Array<["note" | "wish", number, string]> = [];
  /** A new item's agreed value is recorded under the id the external system gave it. */
  const keyAfterAdd = (
    kind: "note" | "wish",
    key: Extract<ItemKey, { side: "hub" }>,
    customer: ExternalCustomer,
  ) => {
    const items = kind === "note" ? customer.customer.notes : customer.customer.wishes;
    const item = items?.find((i) => i.ref === itemRef(key.id));
    if (item) pairs.push([kind, key.id, item.id]);
    return item ? itemPath(kind, item.id) : undefined;
  };
  const record = async (tx: Queryable) => {
    const current = await findLink(tx, { id: link.id }, true);
    if (!current) return;
    const base = { ...current.base };
    const pending = { ...current.pending };
    for (const [path, value] of Object.entries(sent)) {
      if (pending[path] === value) delete pending[path];
      if (!result.ok) continue;
      const field = parseFieldPath(path);
      const key =
        (field.family === "note" || field.family === "wish") && field.key.side === "hub"
          ? keyAfterAdd(field.family, field.key, result.customer)
          : path;
      if (key === undefined) continue;
      if (value === null) delete base[key];
      else base[key] = value;
    }
    // The answer is the partner as it now stands: merges made before its change event is
    // processed compare against it rather than an older copy.
    const newer = result.customer.version > current.snapshotVersion;
    const snapshot = newer
      ? { external: result.customer.customer, snapshotVersion: result.customer.version }
      : undefined;
    await recordPartnerAnswer(
      tx,
      current,
      { ok: result.ok, base, pending, snapshot, pairs },
      ctx.now(),
    );
    await recordExternalCustomers(
      tx,
      integration.id,
      [result.customer],
      { answer: "updated" },
      ctx.now(),
    );
    // The engine must look at this pair again, even when the system's current state is one it has
    // already seen (the snapshot above is then a duplicate): when the write was refused (none of
    // the values went out), and when the answer is older than the state the link last merged (the
    // first answer replayed to a retried job, or the write's echo came first). That newer state
    // was merged without the base and the item pairs this answer records: a wish Tandem added and
    // POS staff removed since would otherwise stay in the hub.
    if ((!result.ok || !newer) && current.clientId !== null) {
      const change = {
        kind: "client.sync" as const,
        clientId: current.clientId,
        integrationId: integration.id,
      };
      await recordHubChange(
        tx,
        change,
        {
          storeId: integration.storeId,
          eventKey: `remerge:${ctx.idempotencyKey}`,
          actor: "system",
        },
        ctx.now(),
      );
    }
  };
  return { outcome: result.ok ? "sent" : "superseded: the external system changed first", record };
}

/**
 * R8.1: the hub's values as typed operations, each replacing value with the base it replaces as
 * its expectation. Field paths are read here, once (FieldPath); no connector parses them.
 */
export function operationsOf(
  set: Record<string, string | null>,
  add: Record<string, string>,
  base: Record<string, string>,
): CustomerOperation[] {
  const operations: CustomerOperation[] = [];
  for (const [path, value] of Object.entries(set)) {
    const field = parseFieldPath(path);
    const expected = base[path] ?? null;
    switch (field.family) {
      case "name":
        operations.push({ op: "setName", field: field.field, value, expected });
        break;
      case "acquisition":
        operations.push({ op: "setAcquisition", value, expected });
        break;
      case "preference":
        operations.push({ op: "setPreference", name: field.name, value, expected });
        break;
      case "note":
        // F5: a note is never removed at the other side (its removal is not sent)
        if (field.key.side === "external" && value !== null)
          operations.push({ op: "setNote", id: field.key.id, body: value, expected });
        break;
      case "wish": {
        if (field.key.side !== "external") break;
        const prior = expected === null ? null : parseWishValue(expected);
        operations.push(
          value === null
            ? { op: "removeWish", id: field.key.id, expected: prior }
            : { op: "setWish", id: field.key.id, wish: parseWishValue(value), expected: prior },
        );
        break;
      }
      case "contact":
        // F1: a contact is only ever added (its path is its identity)
        break;
    }
  }
  for (const [path, value] of Object.entries(add)) {
    const field = parseFieldPath(path);
    if (field.family === "contact")
      operations.push({ op: "addContact", contact: { kind: field.kind, value } });
    else if (field.family === "note" && field.key.side === "hub")
      operations.push({ op: "addNote", ref: itemRef(field.key.id), body: value });
    else if (field.family === "wish" && field.key.side === "hub")
      operations.push({ op: "addWish", ref: itemRef(field.key.id), wish: parseWishValue(value) });
  }
  return operations;
}
