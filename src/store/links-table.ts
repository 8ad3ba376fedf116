import type { CanonicalCustomer, FieldMap } from "../domain/customer.ts";
import { assertTransition, type LinkStatus } from "../domain/link-status.ts";
import type { Queryable } from "./database.ts";

export interface LinkRecord {
  id: number;
  integrationId: number;
  clientId: number | null;
  externalId: string | null;
  externalNumber: string | null;
  status: LinkStatus;
  syncEnabled: boolean;
  base: FieldMap;
  pending: Record<string, string | null>;
  external: CanonicalCustomer | null;
  externalVersion: number;
  /** the version of `external`; may be ahead of externalVersion (see migration 0006) */
  snapshotVersion: number;
  lastError: string | null;
}

interface LinkRow {
  id: number;
  integration_id: number;
  client_id: number | null;
  external_id: string | null;
  external_number: string | null;
  status: LinkStatus;
  sync_enabled: boolean;
  base: FieldMap;
  pending: Record<string, string | null>;
  external: CanonicalCustomer | null;
  external_version: number;
  snapshot_version: number;
  last_error: string | null;
}

const fromRow = (r: LinkRow): LinkRecord => ({
  id: r.id,
  integrationId: r.integration_id,
  clientId: r.client_id,
  externalId: r.external_id,
  externalNumber: r.external_number,
  status: r.status,
  syncEnabled: r.sync_enabled,
  base: r.base,
  pending: r.pending,
  external: r.external,
  externalVersion: r.external_version,
  snapshotVersion: r.snapshot_version,
  lastError: r.last_error,
});

/** `forUpdate` locks the row until the transaction ends: every read-modify-write of a link uses it. */
export async function findLink(
  q: Queryable,
  by:
    | { id: number }
    | { integrationId: number; externalId: string }
    | { integrationId: number; clientId: number },
  forUpdate = false,
): Promise<LinkRecord | undefined> {
  const lock = forUpdate ? " for update" : "";
  let rows: LinkRow[];
  if ("id" in by)
    rows = await q.query<LinkRow>(`select * from links where id = $1${lock}`, [by.id]);
  else if ("externalId" in by)
    rows = await q.query<LinkRow>(
      `select * from links where integration_id = $1 and external_id = $2${lock}`,
      [by.integrationId, by.externalId],
    );
  else
    rows = await q.query<LinkRow>(
      `select * from links where integration_id = $1 and client_id = $2${lock}`,
      [by.integrationId, by.clientId],
    );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function linksOfClient(q: Queryable, clientId: number): Promise<LinkRecord[]> {
  return linksOfClients(q, [clientId]);
}

/** The links of many clients in one query (a list page). */
export async function linksOfClients(
  q: Queryable,
  clientIds: readonly number[],
): Promise<LinkRecord[]> {
  if (clientIds.length === 0) return [];
  const rows = await q.query<LinkRow>(
    "select * from links where client_id = any($1::bigint[]) order by client_id, integration_id",
    [clientIds],
  );
  return rows.map(fromRow);
}

export interface NewLink {
  integrationId: number;
  clientId: number | null;
  externalId: string | null;
  externalNumber?: string | null;
  status: LinkStatus;
  syncEnabled: boolean;
  base?: FieldMap;
  external?: CanonicalCustomer | null;
  externalVersion?: number;
  now: Date;
}

export async function insertLink(q: Queryable, link: NewLink): Promise<LinkRecord> {
  const [row] = await q.query<LinkRow>(
    `insert into links (integration_id, client_id, external_id, external_number, status, sync_enabled,
                        base, external, external_version, snapshot_version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10) returning *`,
    [
      link.integrationId,
      link.clientId,
      link.externalId,
      link.externalNumber ?? null,
      link.status,
      link.syncEnabled,
      JSON.stringify(link.base ?? {}),
      link.external ? JSON.stringify(link.external) : null,
      link.externalVersion ?? 0,
      link.now,
    ],
  );
  return fromRow(row!);
}

export type LinkChanges = Partial<
  Pick<
    LinkRecord,
    | "clientId"
    | "externalId"
    | "externalNumber"
    | "status"
    | "syncEnabled"
    | "base"
    | "pending"
    | "external"
    | "externalVersion"
    | "snapshotVersion"
    | "lastError"
  >
>;

const columns: Record<keyof LinkChanges, string> = {
  clientId: "client_id",
  externalId: "external_id",
  externalNumber: "external_number",
  status: "status",
  syncEnabled: "sync_enabled",
  base: "base",
  pending: "pending",
  external: "external",
  externalVersion: "external_version",
  snapshotVersion: "snapshot_version",
  lastError: "last_error",
};
const jsonColumns = new Set(["base", "pending", "external"]);

/** Updates a link the caller has locked; a status change must be one link-status.ts allows. */
export async function updateLink(
  q: Queryable,
  current: LinkRecord,
  changes: LinkChanges,
  now: Date,
) {
  if (changes.status) assertTransition(current.status, changes.status);
  const sets: string[] = [];
  const params: unknown[] = [current.id, now];
  for (const [key, value] of Object.entries(changes) as [keyof LinkChanges, unknown][]) {
    if (value === undefined) continue;
    params.push(jsonColumns.has(key) && value !== null ? JSON.stringify(value) : value);
    sets.push(`${columns[key]} = $${params.length}`);
  }
  await q.query(
    `update links set ${[...sets, "updated_at = $2"].join(", ")} where id = $1`,
    params,
  );
}

export async function deleteLink(q: Queryable, id: number) {
  await q.query("delete from links where id = $1", [id]);
}

/** Hub clients of a store with no link to this integration, or an unlinked one (for S2/S8 matching). */
export async function isClientLinkedElsewhere(
  q: Queryable,
  integrationId: number,
  clientId: number,
) {
  const rows = await q.query(
    "select 1 from links where integration_id = $1 and client_id = $2 and external_id is not null",
    [integrationId, clientId],
  );
  return rows.length > 0;
}
