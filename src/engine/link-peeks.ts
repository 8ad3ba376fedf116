import type { Queryable } from "../store/database.ts";
import { findLink, type LinkRecord } from "../store/links-table.ts";

/**
 * The links a batch read under its external keys (before it took their clients' keys), lent to
 * the change of the same customer that runs next in the same transaction: processExternalChange
 * reads its link once without a row lock only to learn which client to lock before the row, and
 * the batch's read tells it the same (R8.5: a round trip per live edit). Only a link that has its
 * client is lent: a link's client and partner never change once set (links-table.ts has no write
 * of client_id, sets external_id only on a link without one, and deletes only links without a
 * client), so that read cannot have gone stale. No link, or a record without a client, may have
 * changed since the batch read it (apply's createPartner pairs a new hub client with an external
 * customer under row locks alone): the change reads again, so a stale read never leads it to take
 * a client's key after the row lock.
 */
const lent = new WeakMap<Queryable, Map<string, LinkRecord>>();

const keyOf = (integrationId: number, externalId: string) => `${integrationId}:${externalId}`;

/** Lends the links `tx`'s batch read (those with a client; see above). */
export function lendLinkPeeks(
  tx: Queryable,
  links: Iterable<{ integrationId: number; externalId: string; link: LinkRecord }>,
): void {
  const map = new Map<string, LinkRecord>();
  for (const { integrationId, externalId, link } of links)
    if (link.clientId !== null) map.set(keyOf(integrationId, externalId), link);
  lent.set(tx, map);
}

/**
 * The client of the customer's link, read without a row lock (null: no link, or no client yet):
 * from the batch's read if it lent the link, else read now.
 */
export async function peekLinkedClient(
  tx: Queryable,
  integrationId: number,
  externalId: string,
): Promise<number | null> {
  const link =
    lent.get(tx)?.get(keyOf(integrationId, externalId)) ??
    (await findLink(tx, { integrationId, externalId }));
  return link?.clientId ?? null;
}
