import { emailsOf, type ExternalCustomer } from "../domain/customer.ts";
import { parseInboxChange, type InboxChange } from "../domain/inbox-change.ts";
import { parseItemRef } from "../domain/item-ref.ts";
import { normalizeEmail } from "../domain/normalize.ts";
import { flowOf } from "../domain/policy.ts";
import type { SaleRecord } from "../domain/retail-records.ts";
import {
  claimChangeEvents,
  recordBatchOutcomes,
  type ChangeEventRecord,
} from "../store/change-events-table.ts";
import { emailsHeldInStore } from "../store/clients-table.ts";
import type { Db, Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import {
  findLinksByExternalIds,
  findLinkStatesByExternalIds,
  type LinkRecord,
} from "../store/links-table.ts";
import { createClientsInBulk } from "./create-clients-in-bulk.ts";
import { integrationOf, shareIntegrations } from "./integration-of.ts";
import { clearEventError, recordEventFailure, settleRejectedVersions } from "./event-failures.ts";
import {
  clientLockKey,
  externalLockKey,
  inSavepoint,
  noteLocked,
  trackLocks,
} from "./lock-keys.ts";
import { lendLinkPeeks } from "./link-peeks.ts";
import { salesToReopen } from "./process-external-change.ts";
import { recordSalesInBulk } from "./record-sales-in-bulk.ts";
import { saleProblem } from "../domain/sale-checks.ts";

export interface BatchResult {
  /** events claimed */
  claimed: number;
  /** events whose outcome was recorded: processed, or failed and waiting or parked */
  handled: number[];
  /** events left for a later batch: a key they need was held by another transaction */
  deferred: number;
  /** events that went one at a time (step 3), not set-based */
  oneAtATime: number;
}

/**
 * R8.5: the engine's batch. Claims up to `limit` due events and merges them in ONE transaction
 * with everything they write and their outcomes, so a crash keeps all of it or none:
 *
 *  1. locks: the external key of every customer change and of every sale's customer, then the
 *     client key of every customer it concerns, each taken with a try-lock (never waits, so two
 *     batches never deadlock); an event whose keys another transaction holds is left for a later
 *     batch, and so is every later event of the same customer in this batch (per-customer
 *     order). A sale whose customer another batch is creating waits so for it, not with backoff.
 *  2. new customers (no link, no ref, no email the hub or an earlier change of the batch holds,
 *     the integration syncs all): created together, set-based (create-clients-in-bulk.ts).
 *  3. every other change, one after the other in id order as processEvent takes it, each in a
 *     savepoint: a failing one is rolled back alone and its failure recorded (R7.1). One that
 *     would wait on a lock held elsewhere (deadlock victim) is rolled back and left for later.
 *  4. sales of synced customers: products and purchases set-based (record-sales-in-bulk.ts).
 *  5. outcomes, one statement for all, with the sales of customers that now sync reopened and
 *     the lookup of unreadable older versions to settle.
 * A set-based step that fails is rolled back to its savepoint and its events go one at a time
 * (step 3), so one bad record never blocks the batch. `onClaim` learns the claimed ids before any
 * work, so that the caller can go one at a time if the whole transaction fails.
 */
export async function processBatch(
  db: Db,
  now: () => Date,
  processEvent: (tx: Queryable, now: Date, event: ChangeEventRecord) => Promise<string>,
  options: { limit: number; skip?: readonly number[]; onClaim?: (ids: number[]) => void },
): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    trackLocks(tx);
    const at = now();
    const events = await claimChangeEvents(tx, options.limit, at, options.skip ?? []);
    options.onClaim?.(events.map((e) => e.id));
    if (events.length === 0) return { claimed: 0, handled: [], deferred: 0, oneAtATime: 0 };
    const batch = new Batch(tx, at, events, processEvent);
    await batch.run();
    return {
      claimed: events.length,
      handled: batch.handled,
      deferred: batch.deferred,
      oneAtATime: batch.oneAtATime,
    };
  });
}

const isSale = (e: ChangeEventRecord) => e.source === "external" && e.kind.startsWith("sale.");
const isRejected = (e: ChangeEventRecord) => e.kind.endsWith(".rejected");
const isCustomerChange = (e: ChangeEventRecord) =>
  e.source === "external" && !isSale(e) && !e.kind.startsWith("inventory.");

/** R8.4: the event's payload checked as its kind; undefined when it does not fit (step 3 fails it). */
function inboxChangeOf(e: ChangeEventRecord): InboxChange | undefined {
  try {
    return parseInboxChange(e);
  } catch {
    return undefined;
  }
}

/** PostgreSQL's "deadlock detected" and "lock not available": the work waits for a later batch. */
const isLockBusy = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ["40P01", "55P03"].includes(String((error as { code?: unknown }).code));

class Batch {
  readonly handled: number[] = [];
  deferred = 0;
  oneAtATime = 0;
  private readonly outcomes: Array<{ event: ChangeEventRecord; outcome: string }> = [];
  private readonly integrations = new Map<number, IntegrationRecord | undefined>();
  /** event id -> the advisory keys it needs */
  private readonly keys = new Map<number, string[]>();
  /** keys this batch could not take, or whose event had to wait: their events wait too */
  private readonly blocked = new Set<string>();
  /** external key -> the link it had when the batch took its lock */
  private readonly links = new Map<string, LinkRecord>();
  /** customers that sync after their change: their skipped sales are due again */
  private readonly reopenSalesOf: Array<{ integrationId: number; customerId: string }> = [];

  constructor(
    private readonly tx: Queryable,
    private readonly now: Date,
    private readonly events: readonly ChangeEventRecord[],
    private readonly processEvent: (
      tx: Queryable,
      now: Date,
      event: ChangeEventRecord,
    ) => Promise<string>,
  ) {}

  async run() {
    // read once here and shared with the changes the batch runs (integration-of.ts)
    shareIntegrations(this.tx, this.integrations);
    for (const e of this.events)
      if (e.integrationId !== null) await integrationOf(this.tx, e.integrationId);
    await this.lock();
    const ready = this.events.filter((e) => this.keysOf(e).every((k) => !this.blocked.has(k)));
    this.deferred += this.events.length - ready.length;

    const created = await this.createNewCustomers(ready);
    await this.oneByOne(ready.filter((e) => !created.has(e.id) && !isSale(e)));
    await this.recordSales(ready.filter(isSale));

    await this.finish();
  }

  private integrationOf(e: ChangeEventRecord) {
    return e.integrationId === null ? undefined : this.integrations.get(e.integrationId);
  }

  private keysOf(e: ChangeEventRecord): string[] {
    return this.keys.get(e.id) ?? [];
  }

  /** Step 1: external keys first, then client keys, each all at once with try-locks. */
  private async lock() {
    const ext = new Map<number, string>();
    for (const e of this.events) {
      if (isCustomerChange(e) && e.integrationId !== null && e.externalId !== null)
        ext.set(e.id, externalLockKey(e.integrationId, e.externalId));
      const clientId = (e.payload as { clientId?: unknown } | null)?.clientId;
      if (e.source === "hub" && typeof clientId === "number")
        this.keys.set(e.id, [clientLockKey(clientId)]);
    }
    for (const [id, key] of ext) this.keys.set(id, [key]);
    // a sale takes its customer's external key too: one whose customer is being merged by
    // another batch right now waits for a later batch instead of for its customer (step 4)
    const saleKeys: string[] = [];
    for (const e of this.events) {
      const customerId = (e.payload as { customerId?: unknown } | null)?.customerId;
      if (!isSale(e) || e.integrationId === null || typeof customerId !== "string") continue;
      const key = externalLockKey(e.integrationId, customerId);
      this.keys.set(e.id, [key]);
      saleKeys.push(key);
    }
    await this.tryLocks([...new Set([...ext.values(), ...saleKeys])]);

    const byIntegration = new Map<number, string[]>();
    for (const e of this.events) {
      const key = ext.get(e.id);
      if (key === undefined || this.blocked.has(key)) continue;
      const ids = byIntegration.get(e.integrationId!) ?? [];
      ids.push(e.externalId!);
      byIntegration.set(e.integrationId!, ids);
    }
    const peeks: Array<{ integrationId: number; externalId: string; link: LinkRecord }> = [];
    for (const [integrationId, ids] of byIntegration)
      for (const [externalId, link] of await findLinksByExternalIds(this.tx, integrationId, ids)) {
        this.links.set(externalLockKey(integrationId, externalId), link);
        peeks.push({ integrationId, externalId, link });
      }
    // read under the external keys, as processExternalChange's own first look would be
    lendLinkPeeks(this.tx, peeks);
    for (const e of this.events) {
      const link = this.links.get(ext.get(e.id) ?? "");
      if (link?.clientId != null) this.keys.get(e.id)!.push(clientLockKey(link.clientId));
    }
    const clientKeys = [...this.keys.values()].flat().filter((k) => k.startsWith("client:"));
    await this.tryLocks([...new Set(clientKeys)]);
  }

  private async tryLocks(keys: string[]) {
    if (keys.length === 0) return;
    const rows = await this.tx.query<{ key: string; ok: boolean }>(
      `select key, pg_try_advisory_xact_lock(hashtextextended(key, 0)) as ok
       from (select key from unnest($1::text[]) as key order by key) as k`,
      [keys],
    );
    for (const row of rows) if (!row.ok) this.blocked.add(row.key);
    noteLocked(
      this.tx,
      rows.filter((row) => row.ok).map((row) => row.key),
    );
  }

  /** Step 2: returns the ids of the events it handled. */
  private async createNewCustomers(ready: readonly ChangeEventRecord[]): Promise<Set<number>> {
    const counts = new Map<string, number>();
    for (const e of this.events)
      if (isCustomerChange(e))
        for (const key of this.keysOf(e).slice(0, 1)) counts.set(key, (counts.get(key) ?? 0) + 1);
    const seenEmails = new Set<string>();
    const candidates = new Map<
      number,
      Array<{ event: ChangeEventRecord; external: ExternalCustomer; emails: string[] }>
    >();
    let afterHubChange = false;
    for (const e of ready) {
      if (e.source === "hub") afterHubChange = true;
      if (!isCustomerChange(e) || isRejected(e)) continue;
      const integration = this.integrationOf(e);
      const change = inboxChangeOf(e);
      if (!integration || change?.type !== "customer") continue;
      const external = change.customer;
      const emails = emailsOf(external.customer).map(
        (email) => `${integration.storeId}:${normalizeEmail(email)}`,
      );
      const plain =
        !afterHubChange &&
        integration.options.syncMode === "all" &&
        counts.get(this.keysOf(e)[0]!) === 1 &&
        !this.links.has(this.keysOf(e)[0]!) &&
        parseItemRef(external.ref) === undefined &&
        [...(external.customer.notes ?? []), ...(external.customer.wishes ?? [])].every(
          (item) => parseItemRef(item.ref) === undefined,
        ) &&
        emails.every((email) => !seenEmails.has(email));
      for (const email of emails) seenEmails.add(email);
      if (!plain) continue;
      const list = candidates.get(integration.id) ?? [];
      list.push({ event: e, external, emails: emails.map((m) => m.slice(m.indexOf(":") + 1)) });
      candidates.set(integration.id, list);
    }
    const created = new Set<number>();
    if (candidates.size === 0) return created;
    try {
      await inSavepoint(this.tx, "engine_bulk", async () => {
        for (const [integrationId, list] of candidates) {
          const integration = this.integrations.get(integrationId)!;
          // S2: a customer whose email a hub client holds is matched, not created (step 3)
          const held = await emailsHeldInStore(
            this.tx,
            integration.storeId,
            list.flatMap((c) => c.emails),
          );
          const fresh = list.filter((c) => c.emails.every((email) => !held.has(email)));
          await createClientsInBulk(
            this.tx,
            this.now,
            integration,
            fresh.map((c) => c.external),
          );
          for (const { event } of fresh) created.add(event.id);
        }
      });
    } catch {
      // one of them is not what it seemed: every one goes its own way (step 3)
      return new Set();
    }
    for (const e of ready) if (created.has(e.id)) this.done(e, "created");
    return created;
  }

  /** Step 3. */
  private async oneByOne(events: readonly ChangeEventRecord[]) {
    this.oneAtATime += events.length;
    for (const event of events) {
      const keys = this.keysOf(event);
      if (keys.some((k) => this.blocked.has(k))) {
        this.deferred += 1;
        continue;
      }
      let outcome: string;
      try {
        outcome = await inSavepoint(this.tx, "engine_event", () =>
          this.processEvent(this.tx, this.now, event),
        );
      } catch (error) {
        if (isLockBusy(error)) {
          for (const key of keys) this.blocked.add(key);
          this.deferred += 1;
          continue;
        }
        await recordEventFailure(this.tx, this.now, event, error);
        this.handled.push(event.id);
        continue;
      }
      this.done(event, outcome);
      const reopen = salesToReopen(event, outcome);
      if (reopen) this.reopenSalesOf.push(reopen);
    }
  }

  /** Step 4. */
  private async recordSales(sales: readonly ChangeEventRecord[]) {
    const bulk = new Map<number, Array<{ event: ChangeEventRecord; sale: SaleRecord }>>();
    const rest: ChangeEventRecord[] = [];
    const seen = new Set<string>();
    for (const event of sales) {
      if (this.keysOf(event).some((k) => this.blocked.has(k))) {
        this.deferred += 1;
        continue;
      }
      const integration = this.integrationOf(event);
      const change = inboxChangeOf(event);
      const sale = change?.type === "sale" ? change.sale : undefined;
      const key = `${event.integrationId}:${sale?.id}`;
      if (
        !sale ||
        !integration ||
        flowOf(integration.profile, "sale").direction !== "inbound" ||
        seen.has(key) ||
        // T2: one held back goes one at a time, where processSale says why
        saleProblem(sale, integration.currency) !== undefined
      ) {
        rest.push(event);
        continue;
      }
      seen.add(key);
      const list = bulk.get(integration.id) ?? [];
      list.push({ event, sale });
      bulk.set(integration.id, list);
    }
    const recorded: Array<{ event: ChangeEventRecord; outcome: string }> = [];
    if (bulk.size > 0) {
      try {
        await inSavepoint(this.tx, "engine_bulk", async () => {
          for (const [integrationId, list] of bulk) {
            const integration = this.integrations.get(integrationId)!;
            const links = await findLinkStatesByExternalIds(
              this.tx,
              integrationId,
              list.map((s) => s.sale.customerId),
            );
            // a customer that is unknown, not synced or excluded: processSale says what happens;
            // so it does for a prospect, which its first purchase makes active (S3, rare)
            const synced = list.flatMap(({ event, sale }) => {
              const link = links.get(sale.customerId);
              const ok =
                link &&
                link.status !== "excluded" &&
                link.clientId !== null &&
                !link.prospect &&
                (integration.options.syncMode === "all" || link.syncEnabled);
              if (!ok) rest.push(event);
              return ok ? [{ event, sale, clientId: link.clientId! }] : [];
            });
            const outcomes = await recordSalesInBulk(this.tx, this.now, integration, synced);
            for (const { event, sale } of synced)
              recorded.push({ event, outcome: outcomes.get(sale.id)! });
          }
        });
      } catch {
        recorded.length = 0;
        rest.push(...[...bulk.values()].flat().map((s) => s.event));
      }
    }
    for (const { event, outcome } of recorded) this.done(event, outcome);
    await this.oneByOne([...new Set(rest)].sort((a, b) => a.id - b.id));
  }

  private done(event: ChangeEventRecord, outcome: string) {
    this.outcomes.push({ event, outcome });
    this.handled.push(event.id);
  }

  /**
   * Step 5: the outcomes, the reopened sales and the lookup in one statement, then what is rare:
   * a customer that had an error leaves the error section; older unreadable versions of a record
   * that went through are settled (R7.1), as runClaimed does it for one event.
   */
  private async finish() {
    const external = this.outcomes
      .map(({ event }) => event)
      .filter((e) => e.source === "external" && !isRejected(e) && e.externalId !== null);
    const pending = await recordBatchOutcomes(
      this.tx,
      this.outcomes.map(({ event, outcome }) => ({ id: event.id, outcome })),
      this.now,
      {
        reopenSalesOf: this.reopenSalesOf,
        rejectedOf: external.map((e) => ({
          integrationId: e.integrationId!,
          externalId: e.externalId!,
        })),
      },
    );
    for (const { event } of this.outcomes)
      if (event.linkId != null) await clearEventError(this.tx, this.now, event);
    for (const event of external)
      if (pending.has(`${event.integrationId}:${event.externalId}`))
        await settleRejectedVersions(this.tx, this.now, event);
  }
}
