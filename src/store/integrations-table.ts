import { createHash } from "node:crypto";
import {
  integrationOptionsSchema,
  type IntegrationOptions,
} from "../domain/integration-options.ts";
import type { Queryable } from "./database.ts";
import { seal, unseal } from "./secret-box.ts";

/** R8.1: what a connector signs in with, as its manifest's schema says (sealed at rest). */
export type Credentials = Record<string, unknown>;

export interface IntegrationRecord {
  id: number;
  storeId: number;
  kind: string;
  name: string;
  /** the system's address, for kinds reached over http(s) */
  baseUrl: string | null;
  /** R8.1: the connector's own options, as its manifest's schema says */
  connection: Record<string, unknown>;
  /** R8.1: the profile (domain/policy.ts) that decides for this integration's fields */
  profile: string;
  options: IntegrationOptions;
  enabled: boolean;
  /** the store's country (phone numbers) */
  country: string;
  /** the store's currency (ISO 4217): its sales must be in it (T2) */
  currency: string;
  /** A4: when its first sync was in and its customers were assigned by spend (null: not yet) */
  onboardedAt: Date | null;
  /**
   * Changes whenever the credentials are written (a digest of their sealed form, which a fresh
   * nonce makes new on every write), so a process may keep what it built from them (R8.5).
   */
  credentialsTag: string;
}

interface IntegrationRow {
  id: number;
  store_id: number;
  kind: string;
  name: string;
  base_url: string | null;
  connection: Record<string, unknown>;
  profile: string;
  credentials: string;
  options: unknown;
  enabled: boolean;
  country: string;
  currency: string;
  assignment_onboarded_at: Date | null;
}

const select = `select i.*, s.country, s.currency from integrations i join stores s on s.id = i.store_id`;

const fromRow = (r: IntegrationRow): IntegrationRecord => ({
  id: r.id,
  storeId: r.store_id,
  kind: r.kind,
  name: r.name,
  baseUrl: r.base_url,
  connection: r.connection,
  profile: r.profile,
  options: integrationOptionsSchema.parse(r.options),
  enabled: r.enabled,
  country: r.country,
  currency: r.currency,
  onboardedAt: r.assignment_onboarded_at,
  credentialsTag: createHash("sha256").update(r.credentials).digest("base64url").slice(0, 22),
});

export async function readIntegration(
  q: Queryable,
  id: number,
): Promise<IntegrationRecord | undefined> {
  const [row] = await q.query<IntegrationRow>(`${select} where i.id = $1`, [id]);
  return row ? fromRow(row) : undefined;
}

export async function listIntegrations(
  q: Queryable,
  storeId?: number,
): Promise<IntegrationRecord[]> {
  const rows = storeId
    ? await q.query<IntegrationRow>(`${select} where i.store_id = $1 order by i.id`, [storeId])
    : await q.query<IntegrationRow>(`${select} order by i.id`);
  return rows.map(fromRow);
}

export async function readCredentials(q: Queryable, id: number, key: Buffer): Promise<Credentials> {
  const [row] = await q.query<{ credentials: string }>(
    "select credentials from integrations where id = $1",
    [id],
  );
  if (!row) throw new Error(`integration ${id} does not exist`);
  return JSON.parse(unseal(key, row.credentials)) as Credentials;
}

export interface NewIntegration {
  storeId: number;
  kind: string;
  name: string;
  baseUrl: string | null;
  connection?: Record<string, unknown> | undefined;
  profile: string;
  credentials: Credentials;
  options: IntegrationOptions;
  now: Date;
}

export async function insertIntegration(
  q: Queryable,
  key: Buffer,
  i: NewIntegration,
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into integrations (store_id, kind, name, base_url, credentials, options, created_at,
                               updated_at, connection, profile)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) returning id`,
    [
      i.storeId,
      i.kind,
      i.name,
      i.baseUrl,
      seal(key, JSON.stringify(i.credentials)),
      JSON.stringify(i.options),
      i.now,
      JSON.stringify(i.connection ?? {}),
      i.profile,
    ],
  );
  return row!.id;
}

export async function updateIntegration(
  q: Queryable,
  key: Buffer,
  id: number,
  changes: {
    name?: string;
    baseUrl?: string;
    connection?: Record<string, unknown>;
    credentials?: Credentials;
    options?: IntegrationOptions;
    enabled?: boolean;
  },
  now: Date,
) {
  await q.query(
    `update integrations set name = coalesce($2, name), base_url = coalesce($3, base_url),
            credentials = coalesce($4, credentials), options = coalesce($5, options),
            enabled = coalesce($6, enabled), updated_at = $7, connection = coalesce($8, connection)
     where id = $1`,
    [
      id,
      changes.name ?? null,
      changes.baseUrl ?? null,
      changes.credentials ? seal(key, JSON.stringify(changes.credentials)) : null,
      changes.options ? JSON.stringify(changes.options) : null,
      changes.enabled ?? null,
      now,
      changes.connection ? JSON.stringify(changes.connection) : null,
    ],
  );
}

/** T1: what the scheduler needs of each enabled integration to let its sales batches through. */
export interface SalesBatchSchedule {
  integrationId: number;
  timing: "batched" | "realtime";
  times: string[];
  timeZone: string;
  /** the last time its held sales were let through (by a window or a user); null: never */
  releasedAt: Date | null;
}

export async function salesBatchSchedules(
  q: Queryable,
  integrationId?: number,
): Promise<SalesBatchSchedule[]> {
  const rows = await q.query<{
    id: number;
    options: Record<string, unknown>;
    time_zone: string;
    sales_released_at: Date | null;
  }>(
    `select i.id, i.options, s.time_zone, i.sales_released_at
     from integrations i join stores s on s.id = i.store_id
     where i.enabled and ($1::bigint is null or i.id = $1) order by i.id`,
    [integrationId ?? null],
  );
  return rows.map((r) => {
    const options = integrationOptionsSchema.parse(r.options);
    return {
      integrationId: r.id,
      timing: options.salesTiming,
      times: options.salesBatchTimes,
      timeZone: r.time_zone,
      releasedAt: r.sales_released_at,
    };
  });
}

/** T1: notes when the integration's held sales were last let through. */
export async function markSalesReleased(q: Queryable, integrationId: number, at: Date) {
  await q.query("update integrations set sales_released_at = $2 where id = $1", [
    integrationId,
    at,
  ]);
}
