import type { Queryable } from "./database.ts";

export type ItemKind = "note" | "wish";

// R8.3: item_keys is written by its link's owner only (links-table.ts: pairLinkItem, unpairLinkItem).

/** hub item id -> external item id, for one link and kind */
export async function readItemKeys(
  q: Queryable,
  linkId: number,
  kind: ItemKind,
): Promise<Map<number, string>> {
  const rows = await q.query<{ hub_id: number; external_id: string }>(
    "select hub_id, external_id from item_keys where link_id = $1 and kind = $2",
    [linkId, kind],
  );
  return new Map(rows.map((r) => [r.hub_id, r.external_id]));
}
