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
  /** why, when a rule made the change or the user's choice is worth saying ("A4: ...") */
  reason?: string | null | undefined;
  at: Date;
}

/**
 * Appends to the audit history (append-only: a trigger refuses updates and deletes), each entry
 * in the store of its client or else its integration.
 */
export async function appendAudit(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await q.query(
    `insert into audit_log (store_id, client_id, integration_id, field, old_value, new_value, source,
                            actor, reason, at)
     select coalesce((select c.store_id from clients c where c.id = a.client_id),
                     (select i.store_id from integrations i where i.id = a.integration_id)),
            a.client_id, a.integration_id, a.field, coalesce(a.old_value, 'null'),
            coalesce(a.new_value, 'null'), a.source, a.actor, a.reason, a.at
     from jsonb_to_recordset($1::jsonb)
          as a(n int, client_id bigint, integration_id bigint, field text, old_value jsonb,
               new_value jsonb, source text, actor text, reason text, at timestamptz)
     order by n`,
    [
      JSON.stringify(
        entries.map((e, n) => ({
          n,
          client_id: e.clientId,
          integration_id: e.integrationId,
          field: e.field,
          old_value: e.oldValue ?? null,
          new_value: e.newValue ?? null,
          source: e.source,
          actor: e.actor,
          reason: e.reason ?? null,
          at: e.at,
        })),
      ),
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
    reason: string | null;
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
    reason: r.reason,
    at: r.at,
  }));
}
