import type { Queryable } from "../store/database.ts";
import { findLink, type LinkRecord } from "../store/links-table.ts";

/**
 * The links a batch read under its external keys (before it took their clients' keys), lent to
 * the change of the same customer that runs next in the same transaction: processExternalChange
 * reads its link once without a row lock only to learn which client to lock before the row, and
 * the batch's read tells it the same (R8.5: a round trip per live edit). Each is lent once; a
 * second change of the same customer reads again, since the first may have changed the link.
 */
const lent = new WeakMap<Queryable, Map<string, LinkRecord | null>>();

const keyOf = (integrationId: number, externalId: string) => `${integrationId}:${externalId}`;

/** Lends the links `tx`'s batch read: `null` for a customer it looked for and found no link of. */
export function lendLinkPeeks(
  tx: Queryable,
  links: Iterable<{ integrationId: number; externalId: string; link: LinkRecord | null }>,
): void {
  const map = new Map<string, LinkRecord | null>();
  for (const { integrationId, externalId, link } of links)
    map.set(keyOf(integrationId, externalId), link);
  lent.set(tx, map);
}

/** The customer's link without a row lock: the batch's read if it lent one, else read now. */
export async function peekLink(
  tx: Queryable,
  integrationId: number,
  externalId: string,
): Promise<LinkRecord | undefined> {
  const map = lent.get(tx);
  const key = keyOf(integrationId, externalId);
  if (map?.has(key)) {
    const link = map.get(key)!;
    map.delete(key);
    return link ?? undefined;
  }
  return findLink(tx, { integrationId, externalId });
}
