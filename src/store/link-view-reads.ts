import type { WishItem } from "../domain/customer.ts";
import {
  collectionItemOf,
  collectionItemsSql,
  wishItemOf,
  type CollectionItemRow,
} from "./collections-table.ts";
import { openConflictOf, type ConflictRow, type OpenConflict } from "./conflicts-table.ts";
import type { Queryable } from "./database.ts";
import type { ItemKind } from "./item-keys-table.ts";

/** What a link's view (engine/link-view.ts) reads besides the client and the partner's copy. */
export interface LinkViewReads {
  /** per kind, hub item id -> external item id */
  itemKeys: Record<ItemKind, Map<number, string>>;
  /** F4: the hub side of the wish list, as collections-table.ts wishListOf reads it */
  wishes: WishItem[];
  /** the link's open conflicts by field, as conflicts-table.ts openConflictsOf reads them */
  openConflicts: OpenConflict[];
}

/**
 * R8.5: a link's item pairs (notes and wishes), its client's wish list and its open conflicts in
 * one statement: every merge needs all of them, and they were four round trips. The caller holds
 * the link's lock (or only looks), so reading them in one snapshot changes nothing they show.
 */
export async function readLinkViewReads(
  q: Queryable,
  link: { id: number },
  clientId: number,
  wishlistCollection: string,
): Promise<LinkViewReads> {
  const [row] = await q.query<{
    item_keys: Array<{ kind: ItemKind; hub_id: number; external_id: string }>;
    wishes: CollectionItemRow[];
    open_conflicts: Array<Omit<ConflictRow, "opened_at"> & { opened_at: string }>;
  }>(
    // collectionItemsSql takes the client as $1 and the collection's name as $2
    `select
       coalesce((select json_agg(w order by w.id) from (${collectionItemsSql}) w), '[]') as wishes,
       coalesce((select json_agg(json_build_object(
                   'kind', k.kind, 'hub_id', k.hub_id, 'external_id', k.external_id))
                 from item_keys k where k.link_id = $3 and k.kind in ('note', 'wish')), '[]') as item_keys,
       coalesce((select json_agg(f order by f.field)
                 from conflicts f where f.link_id = $3 and f.resolved_at is null), '[]') as open_conflicts`,
    [clientId, wishlistCollection, link.id],
  );
  const itemKeys: Record<ItemKind, Map<number, string>> = { note: new Map(), wish: new Map() };
  for (const key of row!.item_keys) itemKeys[key.kind].set(key.hub_id, key.external_id);
  return {
    itemKeys,
    wishes: row!.wishes.map((w) => wishItemOf(collectionItemOf(w))),
    openConflicts: row!.open_conflicts.map((c) =>
      openConflictOf({ ...c, opened_at: new Date(c.opened_at) }),
    ),
  };
}
