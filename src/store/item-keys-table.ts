import type { Queryable } from "./database.ts";

export type ItemKind = "note" | "wish";

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

export async function pairItem(
  q: Queryable,
  linkId: number,
  kind: ItemKind,
  hubId: number,
  externalId: string,
) {
  await q.query(
    `insert into item_keys (link_id, kind, hub_id, external_id) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [linkId, kind, hubId, externalId],
  );
}

export async function unpairItem(q: Queryable, linkId: number, kind: ItemKind, hubId: number) {
  await q.query("delete from item_keys where link_id = $1 and kind = $2 and hub_id = $3", [
    linkId,
    kind,
    hubId,
  ]);
}
