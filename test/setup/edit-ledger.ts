/**
 * The history of edits a property test made on both sides of one linked pair, and the check that
 * none of them was lost (SPEC F11, F12). Every edit carries what its side held at that place just
 * before ("seen"), so "a later edit replaced it" is a fact on record, not an ordering accident.
 *
 * The expectations are the SPEC's, written here again on purpose: the checker must not read the
 * profile in src/domain/policy.ts, or a wrong profile would be checked against itself.
 */

export type Side = "hub" | "pos";
export type ItemKind = "note" | "wish";

/** Where an edit landed: a field path, or a note or wish by its id on the side that made it. */
export type Target =
  { path: string } | { item: ItemKind; hubId: number } | { item: ItemKind; posId: string };

export interface Edit {
  /** the action's position in the run: later edits have larger numbers */
  n: number;
  side: Side;
  target: Target;
  /** the new value; null removes it (a contact or a wish taken off) */
  value: string | null;
  /** what this side held there just before the edit (null: nothing) */
  seen: string | null;
}

/** One hub audit entry, as audit_log keeps it. */
export interface AuditRow {
  field: string;
  old_value: unknown;
  new_value: unknown;
  source: string;
}

export interface ConflictRow {
  field: string;
  hub_value: string | null;
  external_value: string | null;
  resolved_at: Date | null;
}

/** Per SPEC family: do the hub's edits go out, and who wins when both sides changed? */
const spec = {
  name: { hubGoesOut: true, posWinsBoth: false }, // F12
  pref: { hubGoesOut: true, posWinsBoth: false }, // F2
  note: { hubGoesOut: true, posWinsBoth: false }, // F5
  wish: { hubGoesOut: true, posWinsBoth: false }, // F4
  contact: { hubGoesOut: true, posWinsBoth: true }, // F1: the POS overwrites, the hub appends
  acquisition: { hubGoesOut: false, posWinsBoth: true }, // F3
} as const;

function familyOf(path: string): keyof typeof spec {
  if (path === "firstName" || path === "lastName") return "name";
  if (path === "acquisition") return "acquisition";
  const prefix = path.slice(0, path.indexOf("."));
  if (prefix in spec) return prefix as keyof typeof spec;
  throw new Error(`no SPEC family for '${path}'`);
}

export class EditLedger {
  readonly edits: Edit[] = [];
  /** hub item id -> POS item id, per kind, as ever seen (item_keys rows and tandem: refs) */
  private readonly pairs = { note: new Map<number, string>(), wish: new Map<number, string>() };

  record(edit: Edit) {
    this.edits.push(edit);
  }

  pair(kind: ItemKind, hubId: number, posId: string) {
    this.pairs[kind].set(hubId, posId);
  }

  /** The one name of a place on both sides: a paired item is named by its POS id. */
  pathOf(target: Target): string {
    if ("path" in target) return target.path;
    if ("posId" in target) return `${target.item}.${target.posId}`;
    const posId = this.pairs[target.item].get(target.hubId);
    return posId ? `${target.item}.${posId}` : `${target.item}.hub:${target.hubId}`;
  }

  /** An audit field in the same names: notes and wish items are audited under their hub id. */
  auditPath(field: string): string {
    const item = /^(note|wish|collection)\.(\d+)$/.exec(field);
    if (!item) return field;
    const kind = item[1] === "note" ? "note" : "wish";
    return this.pathOf({ item: kind, hubId: Number(item[2]) });
  }

  /**
   * Every reason a check failed, empty when none did. `hub` and `pos` are both sides' final
   * state as field maps in the names of pathOf (absent: no value).
   */
  lostEdits(
    final: { hub: Record<string, string>; pos: Record<string, string> },
    audit: readonly AuditRow[],
    conflicts: readonly ConflictRow[],
  ): string[] {
    const problems: string[] = [];
    const audited = audit.map((a) => ({ ...a, path: this.auditPath(a.field) }));
    const open = conflicts.filter((c) => c.resolved_at === null);
    const at = (side: Side, path: string) =>
      (side === "hub" ? final.hub[path] : final.pos[path]) ?? null;

    for (const edit of this.edits) {
      const path = this.pathOf(edit.target);
      const family = spec[familyOf(path)];
      const other: Side = edit.side === "hub" ? "pos" : "hub";
      const later = this.edits.filter((e) => e.n > edit.n && this.pathOf(e.target) === path);
      const describe = `${edit.side} edit #${edit.n} ${path} = ${JSON.stringify(edit.value)}`;

      // F12: a hub edit is in the audit history (wish items: under the collection's words)
      if (
        edit.side === "hub" &&
        !audited.some(
          (a) =>
            a.path === path &&
            a.source === "hub" &&
            (path.startsWith("wish.")
              ? (a.new_value === null) === (edit.value === null)
              : a.new_value === edit.value),
        )
      )
        problems.push(`${describe}: not in the audit history`);

      // the other side holds it, or held it when a user there edited on top of it
      const arrived =
        at(other, path) === edit.value ||
        later.some((e) => e.side === other && e.seen === edit.value) ||
        (edit.side === "pos" &&
          audited.some((a) => a.path === path && a.source !== "hub" && a.new_value === edit.value));
      const inConflict = open.some(
        (c) =>
          c.field === path && (edit.side === "hub" ? c.hub_value : c.external_value) === edit.value,
      );
      // its own side replaced it, knowingly
      const superseded = later.some((e) => e.side === edit.side && e.seen === edit.value);
      // the SPEC names the POS the winner, and the hub's history shows the POS value replacing it
      const lostToWinner =
        edit.side === "hub" &&
        family.posWinsBoth &&
        audited.some((a) => a.path === path && a.source !== "hub" && a.old_value === edit.value);
      // the SPEC keeps this hub edit in the hub (acquisition after creation)
      const keptInHub = edit.side === "hub" && !family.hubGoesOut && at("hub", path) === edit.value;
      // F3: a hub edit the SPEC keeps in the hub never reaches the POS
      if (edit.side === "hub" && !family.hubGoesOut && arrived)
        problems.push(`${describe}: reached the POS, which the SPEC forbids`);
      if (!(arrived || inConflict || superseded || lostToWinner || keptInHub))
        problems.push(
          `${describe} (seen ${JSON.stringify(edit.seen)}) was lost: hub holds ${JSON.stringify(at("hub", path))}, ` +
            `POS holds ${JSON.stringify(at("pos", path))}, no open conflict, no later edit on top of it`,
        );
    }

    // F12: where both sides may write, they agree, or the difference is an open conflict
    for (const path of new Set([...Object.keys(final.hub), ...Object.keys(final.pos)])) {
      if (familyOf(path) === "acquisition") continue; // F3: a hub edit stays in the hub
      const same = path.startsWith("contact.")
        ? path in final.hub === path in final.pos
        : final.hub[path] === final.pos[path];
      if (!same && !open.some((c) => c.field === path))
        problems.push(
          `${path}: hub ${JSON.stringify(final.hub[path] ?? null)} and POS ${JSON.stringify(final.pos[path] ?? null)} differ without a conflict`,
        );
    }
    return problems;
  }
}
