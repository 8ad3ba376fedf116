import {
  toFieldMap,
  type CanonicalCustomer,
  type FieldMap,
  type NoteItem,
  type WishItem,
} from "../domain/customer.ts";
import { syncedFields } from "../domain/policy.ts";
import { appendAudit, readAudit } from "../store/audit-table.ts";
import { applyFieldChanges, type ClientRecord } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import type { LinkRecord } from "../store/links-table.ts";
import { itemPairs, type PairOnSight } from "./item-pairs.ts";
import { applyNoteChanges } from "./sync-notes.ts";
import { applyWishChanges } from "./sync-wishes.ts";
import { wishListOf } from "../store/collections-table.ts";
import { familyOf } from "../domain/field-path.ts";

/** The fields of a customer that this integration syncs, as a field map. */
export function fieldsFor(
  integration: IntegrationRecord,
  customer: CanonicalCustomer,
  noteKey?: (note: NoteItem) => string,
  wishKey?: (wish: WishItem) => string,
): FieldMap {
  return syncedFields(
    toFieldMap(customer, integration.country, noteKey, wishKey),
    Object.values(integration.options.fieldMap),
  );
}

export interface ChangeOrigin {
  /** "hub" or the integration's kind */
  source: string;
  actor: string;
}

/**
 * Both sides of one link as field maps with the same names for the same things (paired notes
 * and wishes under the external id), and the writer that puts field-path changes into the hub's
 * rows with their audit: notes, wish-list items and plain fields each where they live. The merge
 * and the compare view (S12) both see a link through this one function, so a paired item is one
 * path for both. `onSight: "look"` for a view that must not write (see item-pairs.ts).
 */
export async function linkView(
  tx: Queryable,
  integration: IntegrationRecord,
  link: LinkRecord,
  hub: ClientRecord,
  external: CanonicalCustomer,
  onSight: PairOnSight = "record",
) {
  const wishes = await wishListOf(tx, hub.id, integration.options.wishlistCollection);
  const notes = await itemPairs(
    tx,
    link.id,
    "note",
    hub.customer.notes ?? [],
    external.notes ?? [],
    onSight,
  );
  const wishPairs = await itemPairs(tx, link.id, "wish", wishes, external.wishes ?? [], onSight);
  const hubFields = fieldsFor(
    integration,
    { ...hub.customer, wishes },
    notes.keyOf,
    wishPairs.keyOf,
  );
  const externalFields = fieldsFor(integration, external);
  const takenBack = await wishesTakenBack(tx, hub.id, link, wishPairs.gone, externalFields);

  async function writeToHub(
    changes: Record<string, string | null>,
    origin: ChangeOrigin,
    now: Date,
  ) {
    const byKind = { note: {}, wish: {}, field: {} } as Record<
      "note" | "wish" | "field",
      Record<string, string | null>
    >;
    for (const [path, value] of Object.entries(changes)) {
      const family = familyOf(path);
      const kind = family === "note" || family === "wish" ? family : "field";
      byKind[kind][path] = value;
    }
    const target = { linkId: link.id, clientId: hub.id, ...origin };
    await applyNoteChanges(
      tx,
      { ...target, integrationId: integration.id },
      byKind.note,
      notes.hubIdOf,
      hubFields,
      now,
    );
    await applyWishChanges(
      tx,
      { ...target, integration },
      byKind.wish,
      wishPairs.hubIdOf,
      hubFields,
      now,
    );
    const fields = Object.entries(byKind.field);
    if (fields.length === 0) return;
    await applyFieldChanges(tx, hub.id, byKind.field, integration.country, now);
    await appendAudit(
      tx,
      fields.map(([field, value]) => ({
        clientId: hub.id,
        integrationId: integration.id,
        field,
        oldValue: hubFields[field] ?? null,
        newValue: value,
        ...origin,
        at: now,
      })),
    );
  }

  return { hubFields, externalFields, takenBack, writeToHub };
}

/**
 * F4, F11: wishes Tandem added at the partner (they carry its ref) whose hub item the hub has
 * since taken out, by the audit, before the answer to the addition was recorded. The partner's
 * copy is the hub's own earlier value, so both sides agreed on it: as the base of the merge it
 * makes the removal the hub's change, which goes out, instead of a partner addition that would
 * bring the wish back. Returns path -> value, to be taken as agreed.
 */
async function wishesTakenBack(
  tx: Queryable,
  clientId: number,
  link: LinkRecord,
  gone: ReadonlyArray<{ hubId: number; externalId: string }>,
  externalFields: FieldMap,
): Promise<FieldMap> {
  const agreed: FieldMap = {};
  for (const { hubId, externalId } of gone) {
    const path = `wish.${externalId}`;
    const value = externalFields[path];
    if (value === undefined || path in link.base) continue;
    const history = await readAudit(tx, clientId, { field: `collection.${hubId}` });
    if (history.some((entry) => entry.source === "hub" && entry.newValue === null))
      agreed[path] = value;
  }
  return agreed;
}
