import { appendAudit } from "../store/audit-table.ts";
import type { Queryable } from "../store/database.ts";

/** A hub change's audit: one entry per field it changed, its old value from `before`. */
export async function auditHubChange(
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
