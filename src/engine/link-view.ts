import { itemPath } from "../domain/field-path.ts";
import {
  toFieldMap,
  type CanonicalCustomer,
  type FieldMap,
  type NoteItem,
  type WishItem,
} from "../domain/customer.ts";
import { syncedFields } from "../domain/policy.ts";
import { readAudit } from "../store/audit-table.ts";
import type { ClientRecord } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import type { LinkRecord } from "../store/links-table.ts";
import { itemPairs, type PairOnSight } from "./item-pairs.ts";
import { readLinkViewReads } from "../store/link-view-reads.ts";
import type { OpenConflict } from "../store/conflicts-table.ts";

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

/**
 * Both sides of one link as field maps with the same names for the same things (paired notes
 * and wishes under the external id). The merge and the compare view (S12) both see a link
 * through this one function, so a paired item is one path for both. It reads only, except that
 * with `onSight: "record"` (the merge, holding the link's lock) it records the item pairs it
 * finds by ref; `"look"` for a view that must not write (see item-pairs.ts). Writing changes
 * into the hub is write-to-hub.ts.
 */
export interface LinkView {
  hubFields: FieldMap;
  externalFields: FieldMap;
  /** the hub's own items it has taken back since the partner's copy was made (agreed) */
  takenBack: FieldMap;
  /** the hub id of the item paired with an external note or wish */
  hubIdOf: Record<"note" | "wish", (externalId: string) => number | undefined>;
  /** the link's open conflicts by field, read with the rest (R8.5) */
  openConflicts: OpenConflict[];
}

export async function linkView(
  tx: Queryable,
  integration: IntegrationRecord,
  link: LinkRecord,
  hub: ClientRecord,
  external: CanonicalCustomer,
  onSight: PairOnSight = "record",
): Promise<LinkView> {
  const reads = await readLinkViewReads(tx, link, hub.id, integration.options.wishlistCollection);
  const { wishes, itemKeys } = reads;
  const notes = await itemPairs(
    tx,
    link.id,
    "note",
    itemKeys.note,
    hub.customer.notes ?? [],
    external.notes ?? [],
    onSight,
  );
  const wishPairs = await itemPairs(
    tx,
    link.id,
    "wish",
    itemKeys.wish,
    wishes,
    external.wishes ?? [],
    onSight,
  );
  const hubFields = fieldsFor(
    integration,
    { ...hub.customer, wishes },
    notes.keyOf,
    wishPairs.keyOf,
  );
  const externalFields = fieldsFor(integration, external);
  const takenBack = await wishesTakenBack(tx, hub.id, link, wishPairs.gone, externalFields);
  return {
    hubFields,
    externalFields,
    takenBack,
    hubIdOf: { note: notes.hubIdOf, wish: wishPairs.hubIdOf },
    openConflicts: reads.openConflicts,
  };
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
    const path = itemPath("wish", externalId);
    const value = externalFields[path];
    if (value === undefined || path in link.base) continue;
    const history = await readAudit(tx, clientId, { field: `collection.${hubId}` });
    if (history.some((entry) => entry.source === "hub" && entry.newValue === null))
      agreed[path] = value;
  }
  return agreed;
}
