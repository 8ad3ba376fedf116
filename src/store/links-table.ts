import type { CanonicalCustomer, FieldMap } from "../domain/customer.ts";
import { assertTransition, LinkTransitionError, type LinkStatus } from "../domain/link-status.ts";
import type { Queryable } from "./database.ts";
import type { ItemKind } from "./item-keys-table.ts";

export interface LinkRecord {
  id: number;
  storeId: number;
  integrationId: number;
  clientId: number | null;
  externalId: string | null;
  externalNumber: string | null;
  status: LinkStatus;
  syncEnabled: boolean;
  base: FieldMap;
  pending: Record<string, string | null>;
  external: CanonicalCustomer | null;
  externalVersion: number;
  /** the version of `external`; may be ahead of externalVersion (see migration 0006) */
  snapshotVersion: number;
  lastError: string | null;
}

interface LinkRow {
  id: number;
  store_id: number;
  integration_id: number;
  client_id: number | null;
  external_id: string | null;
  external_number: string | null;
  status: LinkStatus;
  sync_enabled: boolean;
  base: FieldMap;
  pending: Record<string, string | null>;
  external: CanonicalCustomer | null;
  external_version: number;
  snapshot_version: number;
  last_error: string | null;
}

const fromRow = (r: LinkRow): LinkRecord => ({
  id: r.id,
  storeId: r.store_id,
  integrationId: r.integration_id,
  clientId: r.client_id,
  externalId: r.external_id,
  externalNumber: r.external_number,
  status: r.status,
  syncEnabled: r.sync_enabled,
  base: r.base,
  pending: r.pending,
  external: r.external,
  externalVersion: r.external_version,
  snapshotVersion: r.snapshot_version,
  lastError: r.last_error,
});

/** `forUpdate` locks the row until the transaction ends: every read-modify-write of a link uses it. */
export async function findLink(
  q: Queryable,
  by:
    | { id: number }
    | { integrationId: number; externalId: string }
    | { integrationId: number; clientId: number },
  forUpdate = false,
): Promise<LinkRecord | undefined> {
  const lock = forUpdate ? " for update" : "";
  let rows: LinkRow[];
  if ("id" in by)
    rows = await q.query<LinkRow>(`select * from links where id = $1${lock}`, [by.id]);
  else if ("externalId" in by)
    rows = await q.query<LinkRow>(
      `select * from links where integration_id = $1 and external_id = $2${lock}`,
      [by.integrationId, by.externalId],
    );
  else
    rows = await q.query<LinkRow>(
      `select * from links where integration_id = $1 and client_id = $2${lock}`,
      [by.integrationId, by.clientId],
    );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function linksOfClient(q: Queryable, clientId: number): Promise<LinkRecord[]> {
  return linksOfClients(q, [clientId]);
}

/** The links of many clients in one query (a list page). */
export async function linksOfClients(
  q: Queryable,
  clientIds: readonly number[],
): Promise<LinkRecord[]> {
  if (clientIds.length === 0) return [];
  const rows = await q.query<LinkRow>(
    "select * from links where client_id = any($1::bigint[]) order by client_id, integration_id",
    [clientIds],
  );
  return rows.map(fromRow);
}

/**
 * R8.3: this module is the one writer of the links table and of item_keys (a link's item pairs):
 * a new link, then only the named transitions below, each checking that the link may make it and
 * refusing with a LinkTransitionError (code illegal_transition) otherwise.
 */
export interface NewLink {
  integrationId: number;
  clientId: number | null;
  externalId: string | null;
  externalNumber?: string | null;
  /** a new link is a recorded external customer or a pending push (unlinked), or a pair (synced) */
  status: "unlinked" | "synced";
  syncEnabled: boolean;
  base?: FieldMap;
  external?: CanonicalCustomer | null;
  externalVersion?: number;
  now: Date;
}

/** What every new link must be: a synced one pairs a hub customer with a partner. */
function checkNewLink(link: NewLink) {
  if (link.status === "synced" && (link.clientId === null || link.externalId === null))
    throw new LinkTransitionError("insert", "a synced link pairs a hub customer with a partner");
}

export async function insertLink(q: Queryable, link: NewLink): Promise<LinkRecord> {
  checkNewLink(link);
  const [row] = await q.query<LinkRow>(
    `insert into links (store_id, integration_id, client_id, external_id, external_number, status,
                        sync_enabled, base, external, external_version, snapshot_version, created_at,
                        updated_at)
     select i.store_id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10
     from integrations i where i.id = $1
     returning *`,
    [
      link.integrationId,
      link.clientId,
      link.externalId,
      link.externalNumber ?? null,
      link.status,
      link.syncEnabled,
      JSON.stringify(link.base ?? {}),
      link.external ? JSON.stringify(link.external) : null,
      link.externalVersion ?? 0,
      link.now,
    ],
  );
  return fromRow(row!);
}

type LinkChanges = {
  [K in keyof LinkColumns]?: LinkColumns[K] | undefined;
};
type LinkColumns = Required<
  Pick<
    LinkRecord,
    | "externalId"
    | "externalNumber"
    | "status"
    | "syncEnabled"
    | "base"
    | "pending"
    | "external"
    | "externalVersion"
    | "snapshotVersion"
    | "lastError"
  >
>;

const columns: Record<keyof LinkChanges, string> = {
  externalId: "external_id",
  externalNumber: "external_number",
  status: "status",
  syncEnabled: "sync_enabled",
  base: "base",
  pending: "pending",
  external: "external",
  externalVersion: "external_version",
  snapshotVersion: "snapshot_version",
  lastError: "last_error",
};
const jsonColumns = new Set(["base", "pending", "external"]);

/**
 * The one write of a link row, private to this module: every caller goes through a named
 * transition below, which checks that the link may make it. A status change must be one
 * link-status.ts allows: a backstop. Today every move the status table refuses (out of
 * `excluded`, other than a release) is refused first by the named transition's own precondition,
 * so this check cannot be reached from them; it is there for a transition added later, and the
 * table itself is tested whole (domain/link-status.test.ts). The caller holds the link's row lock
 * (findLink with forUpdate).
 */
async function writeLink(
  q: Queryable,
  current: LinkRecord,
  transition: string,
  changes: LinkChanges,
  now: Date,
) {
  if (changes.status) assertTransition(current.status, changes.status, transition);
  const sets: string[] = [];
  const params: unknown[] = [current.id, now];
  for (const [key, value] of Object.entries(changes) as [keyof LinkChanges, unknown][]) {
    if (value === undefined) continue;
    params.push(jsonColumns.has(key) && value !== null ? JSON.stringify(value) : value);
    sets.push(`${columns[key]} = $${params.length}`);
  }
  await q.query(
    `update links set ${[...sets, "updated_at = $2"].join(", ")} where id = $1`,
    params,
  );
}

function refuse(transition: string, link: LinkRecord, why: string): never {
  throw new LinkTransitionError(transition, `link ${link.id} ${why}`);
}

/** The partner's state as last seen: the snapshot every merge compares against (F11). */
export interface LinkSnapshot {
  external: CanonicalCustomer;
  externalVersion?: number;
  snapshotVersion: number;
  externalNumber?: string | null;
}

/** S1: a customer set to sync (a user's request, or the hub's own push). Never an excluded one (S9). */
export async function enableLinkSync(q: Queryable, link: LinkRecord, now: Date) {
  if (link.syncEnabled) return;
  if (link.status === "excluded") refuse("enableSync", link, "is excluded");
  await writeLink(q, link, "enableSync", { syncEnabled: true }, now);
}

/**
 * S2: a link without a partner gets one: the external customer its ref or email names, one the
 * hub created (with the agreed base and the partner's state), or one matched by email (no base
 * yet: the first merge compares everything). The link then syncs.
 */
export async function linkToPartner(
  q: Queryable,
  link: LinkRecord,
  partner: {
    externalId: string;
    externalNumber?: string | null;
    base?: FieldMap;
    snapshot?: LinkSnapshot;
    status?: "synced";
    externalVersion?: number;
  },
  now: Date,
): Promise<LinkRecord> {
  if (link.externalId !== null) refuse("linkToPartner", link, "already has a partner");
  if (link.status === "excluded") refuse("linkToPartner", link, "is excluded");
  const changes: LinkChanges = {
    externalId: partner.externalId,
    syncEnabled: true,
    externalNumber: partner.externalNumber,
    base: partner.base,
    status: partner.status,
    externalVersion: partner.externalVersion,
    ...partner.snapshot,
  };
  await writeLink(q, link, "linkToPartner", changes, now);
  return withChanges(link, changes);
}

/**
 * F11: the partner's state as an event or an answer brought it. A snapshot never moves back:
 * the merged version only grows.
 */
export async function recordLinkSnapshot(
  q: Queryable,
  link: LinkRecord,
  snapshot: LinkSnapshot,
  now: Date,
): Promise<LinkRecord> {
  const updated = withSnapshot(link, snapshot);
  await writeLink(q, link, "recordSnapshot", { ...snapshot }, now);
  return updated;
}

/**
 * The link as recordLinkSnapshot would leave it, checked the same way, not written: a merge that
 * follows writes the snapshot with its settlement (settleMerge), in one statement (R8.5).
 */
export function withSnapshot(link: LinkRecord, snapshot: LinkSnapshot): LinkRecord {
  if (link.externalId === null) refuse("recordSnapshot", link, "has no partner");
  if (snapshot.externalVersion !== undefined && snapshot.externalVersion < link.externalVersion)
    refuse(
      "recordSnapshot",
      link,
      `holds version ${link.externalVersion}, newer than ${snapshot.externalVersion}`,
    );
  return withChanges(link, snapshot);
}

/**
 * What a merge settled for a link: the agreed base, the values on their way out, its status; and
 * the partner's state the merge compared against when it is new (`snapshot`, from withSnapshot).
 */
export async function settleMerge(
  q: Queryable,
  link: LinkRecord,
  settled: { base: FieldMap; pending: Record<string, string | null>; status: LinkStatus },
  now: Date,
  snapshot?: LinkSnapshot,
) {
  if (link.status === "excluded") refuse("settleMerge", link, "is excluded");
  if (link.externalId === null && settled.status !== link.status)
    refuse("settleMerge", link, "has no partner");
  await writeLink(q, link, "settleMerge", { ...snapshot, ...settled }, now);
}

/** F12: the base a user's resolution agrees with the partner on (the merge that follows sends it). */
export async function agreeBase(q: Queryable, link: LinkRecord, base: FieldMap, now: Date) {
  if (link.externalId === null) refuse("agreeBase", link, "has no partner");
  await writeLink(q, link, "agreeBase", { base }, now);
}

/**
 * The partner answered a write: the values it took are agreed, those no longer on their way out
 * leave `pending`, the answer is the newest state (when it is newer), the items it created are
 * paired with their hub items, and a link in error whose write went through is synced again.
 */
export async function recordPartnerAnswer(
  q: Queryable,
  link: LinkRecord,
  answer: {
    ok: boolean;
    base: FieldMap;
    pending: Record<string, string | null>;
    snapshot?: LinkSnapshot | undefined;
    pairs: ReadonlyArray<readonly [ItemKind, number, string]>;
  },
  now: Date,
) {
  if (link.externalId === null) refuse("recordPartnerAnswer", link, "has no partner");
  for (const [kind, hubId, externalId] of answer.pairs)
    await pairLinkItem(q, link, kind, hubId, externalId);
  const status = link.status === "error" && answer.ok ? { status: "synced" as const } : {};
  await writeLink(
    q,
    link,
    "recordPartnerAnswer",
    { base: answer.base, pending: answer.pending, ...answer.snapshot, ...status },
    now,
  );
}

/** S11: the link goes to the error section with the reason; its values no longer out (`pending`). */
export async function markLinkError(
  q: Queryable,
  link: LinkRecord,
  error: string,
  now: Date,
  pending?: Record<string, string | null>,
) {
  if (link.status === "excluded") refuse("markError", link, "is excluded");
  await writeLink(q, link, "markError", { status: "error", lastError: error, pending }, now);
}

/** S11: what had put the link in the error section went through; it takes `status` again. */
export async function clearLinkError(
  q: Queryable,
  link: LinkRecord,
  status: "synced" | "conflict" | "unlinked",
  now: Date,
) {
  if (link.status !== "error") refuse("clearError", link, `is ${link.status}, not in error`);
  if (status !== "unlinked" && link.externalId === null)
    refuse("clearError", link, "has no partner");
  await writeLink(q, link, "clearError", { status, lastError: null }, now);
}

/** S9: a customer a user keeps out of this integration; nothing syncs until it is released. */
export async function excludeLink(q: Queryable, link: LinkRecord, now: Date) {
  // values on their way out are dropped with their jobs (apply answers "excluded"): kept as
  // pending, the merge after a lift would take them for sent and never send them
  await writeLink(q, link, "exclude", { status: "excluded", syncEnabled: false, pending: {} }, now);
}

/**
 * S9: an exclusion lifted: the link is unlinked again (the merge that follows links it again when
 * it has its partner). A pair syncs again, as every pair does (linkToPartner); a link without a
 * partner syncs as its integration's mode says.
 */
export async function releaseLink(q: Queryable, link: LinkRecord, now: Date) {
  if (link.status !== "excluded") refuse("release", link, "is not excluded");
  const syncEnabled = link.externalId !== null ? true : undefined;
  await writeLink(q, link, "release", { status: "unlinked", syncEnabled }, now);
}

/** F4, F5: a hub item and the partner's item are one (see engine/item-pairs.ts). */
export async function pairLinkItem(
  q: Queryable,
  link: Pick<LinkRecord, "id">,
  kind: ItemKind,
  hubId: number,
  externalId: string,
) {
  await q.query(
    `insert into item_keys (store_id, link_id, kind, hub_id, external_id)
     select l.store_id, l.id, $2, $3, $4 from links l where l.id = $1
     on conflict do nothing`,
    [link.id, kind, hubId, externalId],
  );
}

/** R8.5: pairLinkItem for many items (of new links) at once, one statement. */
export async function pairLinkItems(
  q: Queryable,
  pairs: ReadonlyArray<{ linkId: number; kind: ItemKind; hubId: number; externalId: string }>,
) {
  if (pairs.length === 0) return;
  await q.query(
    `insert into item_keys (store_id, link_id, kind, hub_id, external_id)
     select l.store_id, p.link_id, p.kind, p.hub_id, p.external_id
     from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) as p(link_id, kind, hub_id, external_id)
     join links l on l.id = p.link_id
     on conflict do nothing`,
    [
      pairs.map((p) => p.linkId),
      pairs.map((p) => p.kind),
      pairs.map((p) => p.hubId),
      pairs.map((p) => p.externalId),
    ],
  );
}

/** F4: a paired hub item is gone; its pair with it. */
export async function unpairLinkItem(
  q: Queryable,
  link: Pick<LinkRecord, "id">,
  kind: ItemKind,
  hubId: number,
) {
  await q.query("delete from item_keys where link_id = $1 and kind = $2 and hub_id = $3", [
    link.id,
    kind,
    hubId,
  ]);
}

/**
 * S1: an external record kept without a hub customer (selected mode) gives way: the integration
 * now syncs all, or its partner was matched by email to a hub client.
 */
export async function dropUnlinkedRecord(q: Queryable, link: LinkRecord) {
  if (link.clientId !== null) refuse("dropUnlinkedRecord", link, "belongs to a hub customer");
  await q.query("delete from links where id = $1", [link.id]);
}

function withChanges(link: LinkRecord, changes: LinkChanges): LinkRecord {
  const defined = Object.entries(changes).filter(([, v]) => v !== undefined);
  return { ...link, ...Object.fromEntries(defined) };
}

/**
 * R8.5: many new links, ids chosen by the caller (store/clients-table.ts reserveIds), one
 * statement. Each is checked as insertLink checks one, all before anything is written.
 */
export async function insertLinksWithIds(
  q: Queryable,
  links: ReadonlyArray<NewLink & { id: number }>,
): Promise<void> {
  if (links.length === 0) return;
  links.forEach(checkNewLink);
  await q.query(
    `insert into links (id, store_id, integration_id, client_id, external_id, external_number, status,
                        sync_enabled, base, external, external_version, snapshot_version, created_at,
                        updated_at)
     overriding system value
     select l.id, i.store_id, l.integration_id, l.client_id, l.external_id, l.external_number,
            l.status, l.sync_enabled, l.base, l.external, l.version, l.version, l.at, l.at
     from jsonb_to_recordset($1::jsonb)
          as l(id bigint, integration_id bigint, client_id bigint, external_id text,
               external_number text, status text, sync_enabled boolean, base jsonb, external jsonb,
               version bigint, at timestamptz)
     join integrations i on i.id = l.integration_id
     order by l.id`,
    [
      JSON.stringify(
        links.map((l) => ({
          id: l.id,
          integration_id: l.integrationId,
          client_id: l.clientId,
          external_id: l.externalId,
          external_number: l.externalNumber ?? null,
          status: l.status,
          sync_enabled: l.syncEnabled,
          base: l.base ?? {},
          external: l.external ?? null,
          version: l.externalVersion ?? 0,
          at: l.now,
        })),
      ),
    ],
  );
}

/** The links of many external records of one integration, one query (without row locks). */
export async function findLinksByExternalIds(
  q: Queryable,
  integrationId: number,
  externalIds: readonly string[],
): Promise<Map<string, LinkRecord>> {
  if (externalIds.length === 0) return new Map();
  const rows = await q.query<LinkRow>(
    "select * from links where integration_id = $1 and external_id = any($2::text[])",
    [integrationId, externalIds],
  );
  return new Map(rows.map((r) => [r.external_id!, fromRow(r)]));
}

/**
 * Whether a link syncs and with which client: what a sale needs of its customer's link; and
 * whether that client is still a prospect (S3: its first purchase makes it active).
 */
export type LinkState = Pick<LinkRecord, "id" | "clientId" | "status" | "syncEnabled"> & {
  prospect: boolean;
};

/** findLinksByExternalIds without the stored values: one query, few columns (R8.5, sales). */
export async function findLinkStatesByExternalIds(
  q: Queryable,
  integrationId: number,
  externalIds: readonly string[],
): Promise<Map<string, LinkState>> {
  if (externalIds.length === 0) return new Map();
  const rows = await q.query<
    Pick<LinkRow, "id" | "client_id" | "status" | "sync_enabled"> & {
      external_id: string;
      prospect: boolean;
    }
  >(
    `select l.id, l.client_id, l.status, l.sync_enabled, l.external_id,
            exists (select 1 from clients c
                    where c.id = l.client_id and c.lifecycle = 'prospect') as prospect
     from links l
     where l.integration_id = $1 and l.external_id = any($2::text[])`,
    [integrationId, [...new Set(externalIds)]],
  );
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        id: r.id,
        clientId: r.client_id,
        status: r.status,
        syncEnabled: r.sync_enabled,
        prospect: r.prospect,
      },
    ]),
  );
}
