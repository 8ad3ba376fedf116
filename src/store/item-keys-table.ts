export type ItemKind = "note" | "wish";

// R8.3: item_keys is written by its link's owner only (links-table.ts: pairLinkItem, unpairLinkItem).
// R8.5: a link's pairs are read with the rest of its view, in one statement (link-view-reads.ts).
