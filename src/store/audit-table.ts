import type { Queryable } from "./database.ts";

export interface AuditEntry {
  clientId: number | null;
  integrationId: number | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** the system the change came from: "hub" or an integration kind such as "pos" */
  source: string;
  /** "user:<id>", "connector:<kind>" or "system" */
  actor: string;
  at: Date;
}

/** Appends to the audit history (append-only: a trigger refuses updates and deletes). */
export async function appendAudit(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await q.query(
    `insert into audit_log (client_id, integration_id, field, old_value, new_value, source, actor, at)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::jsonb[], $5::jsonb[], $6::text[],
                          $7::text[], $8::timestamptz[])`,
    [
      entries.map((e) => e.clientId),
      entries.map((e) => e.integrationId),
      entries.map((e) => e.field),
      entries.map((e) => JSON.stringify(e.oldValue ?? null)),
      entries.map((e) => JSON.stringify(e.newValue ?? null)),
      entries.map((e) => e.source),
      entries.map((e) => e.actor),
      entries.map((e) => e.at),
    ],
  );
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export async function readAudit(
  q: Queryable,
  clientId: number,
  options: { field?: string | undefined; limit?: number } = {},
): Promise<AuditRecord[]> {
  const rows = await q.query<{
    id: number;
    client_id: number | null;
    integration_id: number | null;
    field: string;
    old_value: unknown;
    new_value: unknown;
    source: string;
    actor: string;
    at: Date;
  }>(
    `select * from audit_log where client_id = $1 and ($2::text is null or field = $2 or field like $2 || '.%')
     order by id limit $3`,
    [clientId, options.field ?? null, options.limit ?? 1000],
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    integrationId: r.integration_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    source: r.source,
    actor: r.actor,
    at: r.at,
  }));
}
