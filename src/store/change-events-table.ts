import { failingEvent, storeEvents } from "./change-event-views.ts";
import type { Queryable } from "./database.ts";
import { wakeChannels } from "./wake-ups.ts";

export interface NewChangeEvent {
  integrationId: number | null;
  source: "external" | "hub";
  /** identity of the change at its source; the same change delivered twice has the same key */
  eventKey: string;
  kind: string;
  externalId?: string | null;
  clientId?: number | null;
  version?: number | null;
  payload: unknown;
  actor: string;
  receivedAt: Date;
  /** S6: the bulk run (partner_runs) the change is part of */
  runId?: number | null;
  /** the store of a hub change outside a run (an external change is its integration's) */
  storeId?: number | null;
}

export interface ChangeEventRecord {
  id: number;
  integrationId: number | null;
  source: "external" | "hub";
  eventKey: string;
  kind: string;
  externalId: string | null;
  clientId: number | null;
  version: number | null;
  payload: unknown;
  actor: string;
  attempts: number;
  /** the customer link an earlier failure of this event put in the error section (S11) */
  linkId?: number | null;
}

/** F6/S1: the outcome of a sale whose customer does not sync; taken up again when it starts to. */
export const skippedNotSynced = "skipped: customer not synced";

/**
 * Records changes in the inbox, in one statement for any number (for store/inbox.ts, the inbox's
 * API: everything else records through it). A change already recorded (same
 * source, integration and key) is skipped: that is what makes webhook and poll idempotent (S4).
 * Returns how many were new.
 */
export async function insertChangeEvents(
  q: Queryable,
  events: readonly NewChangeEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  // one JSON document for all rows (R8.5): a text[] of payloads costs an escaping pass on each side;
  // the wake-up for the engine (wake-ups.ts) rides in the same statement when any row is new, so
  // a webhook's delivery is one statement and needs no transaction of its own
  const [row] = await q.query<{ n: number }>(
    `with inserted as (
       insert into change_events (store_id, integration_id, source, event_key, kind, external_id,
                                  client_id, version, payload, actor, received_at, run_id, retry_at)
       -- the store of the integration, or of the run (S6, I3), or the one given (a hub change)
       select coalesce((select i.store_id from integrations i where i.id = e.integration_id),
                       (select r.store_id from partner_runs r where r.id = e.run_id), e.store_id),
              e.integration_id, e.source, e.event_key, e.kind, e.external_id, e.client_id, e.version,
              e.payload, e.actor, e.received_at, e.run_id,
              -- T1: a sale of an onboarded integration that batches its sales is held (staged)
              -- until the scheduler lets its batch through (releaseHeldSales)
              case when e.kind in ('sale.poll', 'sale.webhook') and exists (
                     select 1 from integrations i
                     where i.id = e.integration_id and i.assignment_onboarded_at is not null
                       and coalesce(i.options->>'salesTiming', 'batched') = 'batched')
                   then 'infinity'::timestamptz end
       from jsonb_to_recordset($1::jsonb)
            as e(integration_id bigint, source text, event_key text, kind text, external_id text,
                 client_id bigint, version bigint, payload jsonb, actor text, received_at timestamptz,
                 run_id bigint, store_id bigint)
       on conflict (store_id, source, coalesce(integration_id, 0), event_key) do nothing
       returning id)
     select count(*)::int as n,
            (select pg_notify($2, '') where exists (select 1 from inserted)) as woke
     from inserted`,
    [
      JSON.stringify(
        events.map((e) => ({
          integration_id: e.integrationId,
          source: e.source,
          event_key: e.eventKey,
          kind: e.kind,
          external_id: e.externalId ?? null,
          client_id: e.clientId ?? null,
          version: e.version ?? null,
          payload: e.payload,
          actor: e.actor,
          received_at: e.receivedAt,
          run_id: e.runId ?? null,
          store_id: e.storeId ?? null,
        })),
      ),
      wakeChannels.inbox,
    ],
  );
  return row!.n;
}

interface EventRow {
  id: number;
  integration_id: number | null;
  source: "external" | "hub";
  event_key: string;
  kind: string;
  external_id: string | null;
  client_id: number | null;
  version: number | null;
  payload: unknown;
  actor: string;
  attempts: number;
  link_id: number | null;
}

const eventColumns =
  "id, integration_id, source, event_key, kind, external_id, client_id, version, payload, actor, attempts, link_id";

/**
 * Claims unprocessed events for this transaction. SKIP LOCKED lets several workers claim disjoint
 * batches; the rows stay locked until the caller commits their outcome. `skip` names events this
 * process holds back (their failure could not be recorded, see engine/run-engine.ts).
 */
export async function claimChangeEvents(
  q: Queryable,
  limit: number,
  now: Date,
  skip: readonly number[] = [],
): Promise<ChangeEventRecord[]> {
  const rows = await q.query<EventRow>(
    `select ${eventColumns} from change_events
     where processed_at is null and (retry_at is null or retry_at <= $2) and id <> all($3::bigint[])
     order by id limit $1 for update skip locked`,
    [limit, now, skip],
  );
  return rows.map(fromEventRow);
}

/**
 * R8.5: refreshes the planner's statistics of the inbox; returns its row estimate. The claim above
 * is fast (a few ms) on an index scan in id order, which the planner picks only when it knows
 * how many events wait: an inbox that grew from nearly empty (onboarding) looks tiny to it, and
 * it sorts every unprocessed event instead (tens of ms a batch), until autovacuum analyzes the
 * table, a minute or more later (never on the embedded store). Capture calls this as the inbox
 * grows.
 */
export async function analyzeInbox(q: Queryable): Promise<number> {
  await q.query("analyze change_events");
  const [row] = await q.query<{ n: number }>(
    "select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'change_events'::regclass",
  );
  return Number(row?.n ?? 0);
}

/** Claims one unprocessed event now, due or not (a user's retry); none if a worker holds it. */
export async function claimChangeEvent(
  q: Queryable,
  id: number,
): Promise<ChangeEventRecord | undefined> {
  const rows = await q.query<EventRow>(
    `select ${eventColumns} from change_events
     where id = $1 and processed_at is null for update skip locked`,
    [id],
  );
  return rows[0] && fromEventRow(rows[0]);
}

function fromEventRow(r: EventRow): ChangeEventRecord {
  return {
    id: r.id,
    integrationId: r.integration_id,
    source: r.source,
    eventKey: r.event_key,
    kind: r.kind,
    externalId: r.external_id,
    clientId: r.client_id,
    version: r.version,
    payload: r.payload,
    actor: r.actor,
    attempts: r.attempts,
    linkId: r.link_id,
  };
}

export async function markEventProcessed(q: Queryable, id: number, outcome: string, now: Date) {
  await q.query("update change_events set processed_at = $2, outcome = $3 where id = $1", [
    id,
    now,
    outcome,
  ]);
}

export interface EventFailure {
  /** what failed, readable: it is shown to users as the customer's sync error */
  error: string;
  /** when to try again; ignored once parked */
  retryAt: Date;
  /** set when the event has used its attempts: it is parked, visible, and tried only on request */
  parkedAt: Date | null;
  /** the customer link this failure put in the error section, if any */
  linkId: number | null;
}

/**
 * A failed event waits and is tried again; after its attempts it is parked with its error,
 * visible. Every parameter has one use and one type: PostgreSQL refuses a parameter it would
 * have to read as two types (42P08), which once made this very update fail and the engine claim
 * the same event again forever.
 */
export async function markEventFailed(q: Queryable, id: number, failure: EventFailure) {
  const parked = failure.parkedAt !== null;
  await q.query(
    `update change_events set attempts = attempts + 1, last_error = $2, retry_at = $3,
            processed_at = $4, outcome = $5, link_id = coalesce($6, link_id)
     where id = $1`,
    [
      id,
      failure.error,
      parked ? null : failure.retryAt,
      failure.parkedAt,
      parked ? "failed" : null,
      failure.linkId,
    ],
  );
}

/** How many events other than `exceptId` are failing for this customer link (waiting or parked). */
export async function countFailingEventsOfLink(
  q: Queryable,
  linkId: number,
  exceptId: number,
): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from change_events
     where link_id = $1 and id <> $2 and last_error is not null
       and (processed_at is null or outcome = 'failed')`,
    [linkId, exceptId],
  );
  return Number(row?.n ?? 0);
}

/**
 * R7.1: a version of an external record went through: the failing versions of it before that one
 * which its connector could not read (`<kind>.rejected`; one whose version was unreadable counts
 * as before when it was captured before) are done, superseded. Returns them (with
 * the customer link their failure marked, if any).
 */
export async function supersedeRejectedEvents(
  q: Queryable,
  event: ChangeEventRecord,
  now: Date,
): Promise<ChangeEventRecord[]> {
  if (event.integrationId === null || event.externalId === null || event.version === null)
    return [];
  const rejectedKind = `${event.kind.split(".")[0]}.rejected`;
  const rows = await q.query<EventRow>(
    `update change_events set processed_at = $5, outcome = $6, retry_at = null
     where integration_id = $1 and external_id = $3 and kind = $2
       and (version < $4 or (version is null and id < $7))
       and kind like '%.rejected' and (processed_at is null or outcome = 'failed')
     returning ${eventColumns}`,
    [
      event.integrationId,
      rejectedKind,
      event.externalId,
      event.version,
      now,
      `superseded by version ${event.version}`,
      event.id,
    ],
  );
  return rows.map(fromEventRow);
}

/**
 * A user retries a failing event: it gets a fresh set of attempts and is due at once. Only a
 * failing event of the store is reopened; returns false otherwise.
 */
export async function reopenFailingEvent(
  q: Queryable,
  storeId: number,
  id: number,
): Promise<boolean> {
  const rows = await q.query(
    `update change_events set attempts = 0, retry_at = null, processed_at = null, outcome = null
     where id = (select e.id ${storeEvents} and e.id = $2 and ${failingEvent})
     returning id`,
    [storeId, id],
  );
  return rows.length === 1;
}

/**
 * One hub change event of a store (see inbox.ts); its id, or undefined when its key is already
 * recorded.
 */
export async function insertHubChangeEvent(
  q: Queryable,
  storeId: number,
  event: Omit<NewChangeEvent, "source" | "integrationId" | "externalId" | "version">,
): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `insert into change_events (store_id, integration_id, source, event_key, kind, client_id, payload,
                                actor, received_at)
     values ($7, null, 'hub', $1, $2, $3, $4, $5, $6)
     on conflict (store_id, source, coalesce(integration_id, 0), event_key) do nothing
     returning id`,
    [
      event.eventKey,
      event.kind,
      event.clientId ?? null,
      JSON.stringify(event.payload),
      event.actor,
      event.receivedAt,
      storeId,
    ],
  );
  return row?.id;
}

/**
 * R8.5: a batch's outcomes in one statement, with what they start: the sales skipped while a
 * customer did not sync are due again (`reopenSalesOf`: the customers that now sync, F6/S1), and
 * the records of `rejectedOf` (integration, external id) that still have unreadable versions
 * waiting are returned, as "integration:external id", for the caller to settle (R7.1). One round
 * trip where it took three (a live edit is a batch of one).
 */
export async function recordBatchOutcomes(
  q: Queryable,
  outcomes: ReadonlyArray<{ id: number; outcome: string }>,
  now: Date,
  also: {
    reopenSalesOf: ReadonlyArray<{ integrationId: number; customerId: string }>;
    rejectedOf: ReadonlyArray<{ integrationId: number; externalId: string }>;
  },
): Promise<Set<string>> {
  const { reopenSalesOf: reopen, rejectedOf: rejected } = also;
  if (outcomes.length === 0 && reopen.length === 0 && rejected.length === 0) return new Set();
  // The sub-statements touch different events (claimed ones; processed skipped sales), and the
  // lookup reads rejected records neither of them changes.
  const rows = await q.query<{ integration_id: number; external_id: string }>(
    `with marked as (
       update change_events e set processed_at = $3, outcome = o.outcome
       from unnest($1::bigint[], $2::text[]) as o(id, outcome) where e.id = o.id
       returning e.id
     ), reopened as (
       update change_events e set processed_at = null, outcome = null, retry_at = null
       from unnest($4::bigint[], $5::text[]) as r(integration_id, customer_id)
       where e.integration_id = r.integration_id and (e.payload ->> 'customerId') = r.customer_id
         and e.outcome = '${skippedNotSynced}'
       returning e.id
     )
     select distinct integration_id, external_id from change_events
     where kind like '%.rejected' and (processed_at is null or outcome = 'failed')
       and integration_id = any($6::bigint[]) and external_id = any($7::text[])`,
    [
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.outcome),
      now,
      reopen.map((r) => r.integrationId),
      reopen.map((r) => r.customerId),
      [...new Set(rejected.map((r) => r.integrationId))],
      rejected.map((r) => r.externalId),
    ],
  );
  return new Set(rows.map((r) => `${r.integration_id}:${r.external_id}`));
}

/**
 * F6/S1: customers of one integration now sync; their sales skipped while they did not are taken
 * up again (the engine claims them next, in their order). Returns how many.
 */
export async function reopenSkippedSalesOf(
  q: Queryable,
  integrationId: number,
  customerExternalIds: readonly string[],
): Promise<number> {
  if (customerExternalIds.length === 0) return 0;
  const rows = await q.query(
    `update change_events set processed_at = null, outcome = null, retry_at = null
     where integration_id = $1 and (payload ->> 'customerId') = any($2::text[])
       and outcome = '${skippedNotSynced}'
     returning id`,
    [integrationId, customerExternalIds],
  );
  return rows.length;
}

/**
 * T1: lets an integration's held sales through to the engine (due now): its batch window came, a
 * user ran the batch now, or the integration takes sales as they come (T6). Returns how many.
 */
export async function releaseHeldSales(q: Queryable, integrationId: number): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `with released as (
       update change_events set retry_at = null
       where integration_id = $1 and processed_at is null and retry_at = 'infinity'
       returning id)
     select count(*)::int as n, (select pg_notify($2, '') where exists (select 1 from released))
     from released`,
    [integrationId, wakeChannels.inbox],
  );
  return rows[0]?.n ?? 0;
}

/** T1: how many sales of the integration wait for its next batch, and since when. */
export async function heldSales(
  q: Queryable,
  integrationId: number,
): Promise<{ count: number; oldestReceivedAt: Date | null; total: string | null }> {
  const [row] = await q.query<{ count: number; oldest: Date | null; total: string | null }>(
    `select count(*)::int as count, min(received_at) as oldest,
            sum((payload->>'total')::numeric(14, 2))::numeric(14, 2)::text as total
     from change_events
     where integration_id = $1 and processed_at is null and retry_at = 'infinity'`,
    [integrationId],
  );
  return {
    count: row?.count ?? 0,
    oldestReceivedAt: row?.oldest ?? null,
    total: row?.total ?? null,
  };
}

/**
 * R12.7: one step of pruning the inbox. Looks at up to `limit` events in id order after `afterId`
 * and deletes those processed before `cutoff` and no longer needed. Kept, however old:
 * - events not processed: waiting, failing, or sales held for their batch (T1);
 * - events parked as failed (listed until a user retries them, R7.1);
 * - sales skipped while their customer did not sync (taken up again when it does, F6);
 * - the changes of a partner run or file import (the run's progress and report count them, S6).
 * A pruned event's key no longer recognises its redelivery (or an unchanged row of a file read
 * again) as a duplicate: it is recorded again and the engine finds it stale by its version.
 * Chosen over keeping each record's newest event, whose lookup needed two more indexes on the
 * inbox that doubled the live path's latency (W2). Events are read by primary key, a chunk at a
 * time; the pass ends at the first chunk received after the cutoff (ids follow arrival), so it
 * reads the old part of the inbox and one chunk more. Returns the last id looked at (the next
 * step's `afterId`; null when the pass is over) and how many went.
 */
export async function pruneInboxStep(
  q: Queryable,
  cutoff: Date,
  afterId: number,
  limit: number,
): Promise<{ last: number | null; pruned: number }> {
  const [row] = await q.query<{
    last: number | null;
    looked: number;
    oldest: Date | null;
    n: number;
  }>(
    `with looked as (
       select id, store_id, run_id, outcome, processed_at, received_at from change_events
       where id > $1 order by id limit $3
     ), doomed as (
       select l.id, l.store_id from looked l
       where l.processed_at < $2 and l.run_id is null
         and coalesce(l.outcome, '') not in ('failed', $4)
     ), deleted as (
       delete from change_events e using doomed d
       where e.id = d.id and e.store_id = d.store_id returning 1
     )
     select (select max(id) from looked) as last, (select count(*)::int from looked) as looked,
            (select min(received_at) from looked) as oldest,
            (select count(*)::int from deleted) as n`,
    [afterId, cutoff, limit, skippedNotSynced],
  );
  const over =
    !row || row.looked < limit || row.oldest === null || row.oldest.getTime() >= cutoff.getTime();
  return { last: over ? null : row.last, pruned: row?.n ?? 0 };
}
