import type { Queryable } from "../store/database.ts";
import type { ItemKind } from "../store/item-keys-table.ts";
import { pairLinkItem } from "../store/links-table.ts";
import { parseItemRef } from "../domain/item-ref.ts";

/**
 * Whether a look at a link's items records the pairs it finds by ref: the merge does (it holds
 * the link's lock and the pairing is a fact from then on); a read-only view (compare) only uses
 * them, so that it names items exactly as the merge will without writing the hub.
 */
export type PairOnSight = "record" | "look";

/**
 * How a link's hub items (notes, wishes) are named in its field maps. A paired item takes the
 * external item's id; an unpaired one is "hub:<id>". An external item that carries our ref for
 * one of this client's items is paired on sight: it is that hub item, written there by Tandem,
 * even when the acknowledgement of that write has not been recorded yet. `recorded`: the link's
 * pairs of this kind as stored (hub item id -> external item id).
 */
export async function itemPairs(
  tx: Queryable,
  linkId: number,
  kind: ItemKind,
  recorded: ReadonlyMap<number, string>,
  hubItems: ReadonlyArray<{ id: string }>,
  externalItems: ReadonlyArray<{ id: string; ref?: string | null | undefined }>,
  onSight: PairOnSight = "record",
) {
  const paired = new Map(recorded);
  const hubIds = new Set(hubItems.map((i) => Number(i.id)));
  const pairedExternal = new Set(paired.values());
  for (const item of externalItems) {
    const hubId = parseItemRef(item.ref);
    if (
      hubId !== undefined &&
      hubIds.has(hubId) &&
      !paired.has(hubId) &&
      !pairedExternal.has(item.id)
    ) {
      if (onSight === "record") await pairLinkItem(tx, { id: linkId }, kind, hubId, item.id);
      paired.set(hubId, item.id);
      pairedExternal.add(item.id);
    }
  }
  // External items that carry our ref for a hub item this client no longer has: Tandem wrote them
  // (its answer may have been lost), and the hub has since taken the item out.
  const gone = externalItems.flatMap((item) => {
    const hubId = parseItemRef(item.ref);
    return hubId !== undefined && !hubIds.has(hubId) && !pairedExternal.has(item.id)
      ? [{ hubId, externalId: item.id }]
      : [];
  });
  return {
    keyOf: (item: { id: string }) => paired.get(Number(item.id)) ?? `hub:${item.id}`,
    hubIdOf: (externalId: string) => [...paired].find(([, ext]) => ext === externalId)?.[0],
    gone,
  };
}
