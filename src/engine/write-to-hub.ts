import { familyOf } from "../domain/field-path.ts";
import { appendAudit } from "../store/audit-table.ts";
import { applyFieldChanges } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import type { LinkView } from "./link-view.ts";
import { applyNoteChanges } from "./sync-notes.ts";
import { applyWishChanges } from "./sync-wishes.ts";

export interface ChangeOrigin {
  /** "hub" or the integration's kind */
  source: string;
  actor: string;
}

/**
 * Puts field-path changes decided on a link's view into the hub's rows with their audit: notes,
 * wish-list items and plain fields each where they live. The caller holds the link's lock.
 */
export async function writeToHub(
  tx: Queryable,
  target: { integration: IntegrationRecord; linkId: number; clientId: number },
  view: LinkView,
  changes: Record<string, string | null>,
  origin: ChangeOrigin,
  now: Date,
) {
  const { integration, linkId, clientId } = target;
  const byKind = { note: {}, wish: {}, field: {} } as Record<
    "note" | "wish" | "field",
    Record<string, string | null>
  >;
  for (const [path, value] of Object.entries(changes)) {
    const family = familyOf(path);
    const kind = family === "note" || family === "wish" ? family : "field";
    byKind[kind][path] = value;
  }
  const where = { linkId, clientId, ...origin };
  await applyNoteChanges(
    tx,
    { ...where, integrationId: integration.id },
    byKind.note,
    view.hubIdOf.note,
    view.hubFields,
    now,
  );
  await applyWishChanges(
    tx,
    { ...where, integration },
    byKind.wish,
    view.hubIdOf.wish,
    view.hubFields,
    now,
  );
  const fields = Object.entries(byKind.field);
  if (fields.length === 0) return;
  await applyFieldChanges(tx, clientId, byKind.field, integration.country, now);
  await appendAudit(
    tx,
    fields.map(([field, value]) => ({
      clientId,
      integrationId: integration.id,
      field,
      oldValue: view.hubFields[field] ?? null,
      newValue: value,
      ...origin,
      at: now,
    })),
  );
}
