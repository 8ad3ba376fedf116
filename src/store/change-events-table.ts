import type { Queryable } from "./database.ts";

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
}

/**
 * Records changes in the inbox, in one statement for any number. A change already recorded (same
 * source, integration and key) is skipped: that is what makes webhook and poll idempotent (S4).
 * Returns how many were new.
 */
export async function insertChangeEvents(
  q: Queryable,
  events: readonly NewChangeEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await q.query(
    `insert into change_events (integration_id, source, event_key, kind, external_id, client_id, version,
                                payload, actor, received_at)
     select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                          $7::bigint[], $8::jsonb[], $9::text[], $10::timestamptz[])
     on conflict (source, coalesce(integration_id, 0), event_key) do nothing
     returning id`,
    [
      events.map((e) => e.integrationId),
      events.map((e) => e.source),
      events.map((e) => e.eventKey),
      events.map((e) => e.kind),
      events.map((e) => e.externalId ?? null),
      events.map((e) => e.clientId ?? null),
      events.map((e) => e.version ?? null),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.actor),
      events.map((e) => e.receivedAt),
    ],
  );
  return rows.length;
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
}

/**
 * Claims unprocessed events for this transaction. SKIP LOCKED lets several workers claim disjoint
 * batches; the rows stay locked until the caller commits their outcome.
 */
export async function claimChangeEvents(
  q: Queryable,
  limit: number,
  now: Date,
): Promise<ChangeEventRecord[]> {
  const rows = await q.query<EventRow>(
    `select id, integration_id, source, event_key, kind, external_id, client_id, version, payload, actor, attempts
     from change_events
     where processed_at is null and (retry_at is null or retry_at <= $2)
     order by id limit $1 for update skip locked`,
    [limit, now],
  );
  return rows.map((r) => ({
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
  }));
}

export async function markEventProcessed(q: Queryable, id: number, outcome: string, now: Date) {
  await q.query("update change_events set processed_at = $2, outcome = $3 where id = $1", [
    id,
    now,
    outcome,
  ]);
}

/** A failed event waits and is tried again; after `maxAttempts` it is parked with its error, visible. */
export async function markEventFailed(
  q: Queryable,
  id: number,
  error: string,
  retryAt: Date,
  park: boolean,
) {
  await q.query(
    `update change_events set attempts = attempts + 1, last_error = $2, retry_at = $3,
            processed_at = case when $4 then $3 else null end, outcome = case when $4 then 'failed' else null end
     where id = $1`,
    [id, error, retryAt, park],
  );
}

export async function insertHubEvent(
  q: Queryable,
  event: Omit<NewChangeEvent, "source" | "integrationId">,
) {
  const [row] = await q.query<{ id: number }>(
    `insert into change_events (integration_id, source, event_key, kind, client_id, payload, actor, received_at)
     values (null, 'hub', $1, $2, $3, $4, $5, $6) returning id`,
    [
      event.eventKey,
      event.kind,
      event.clientId ?? null,
      JSON.stringify(event.payload),
      event.actor,
      event.receivedAt,
    ],
  );
  return row!.id;
}
