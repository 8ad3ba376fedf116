import { sameValue, type FieldMap } from "./customer.ts";
import { isUnpairedHubItem, parseFieldPath } from "./field-path.ts";
import type { LinkStatus } from "./link-status.ts";
import { ruleFor, type Profile } from "./policy.ts";

export interface FieldConflict {
  path: string;
  base: string | undefined;
  hub: string | undefined;
  external: string | undefined;
}

/** Hub values to send to the partner: new items are added, everything else is set. */
export interface Sends {
  /** new contacts and hub items the partner does not have yet (notes, wishes): to add */
  add: Record<string, string>;
  /** values that replace the partner's, with the base as the precondition (null: remove) */
  set: Record<string, string | null>;
}

/**
 * What one three-way merge decided, per field path (`null` means "remove the value"), and all
 * the link's state that follows, so the shell (engine/merge-link.ts) only reads and writes.
 */
export interface MergeDecision {
  /** values the hub must take */
  toHub: Record<string, string | null>;
  /** hub values the external system must take (contacts: to add) */
  toExternal: Record<string, string | null>;
  /** paths whose agreed value is now known (both sides hold it) */
  agreed: Record<string, string | null>;
  /** conflicts to open (or to update, when one is open on the path) */
  conflicts: FieldConflict[];
  /** open conflicts whose two sides now hold the same value: closed, with that value */
  converged: Array<{ path: string; value: string | null }>;
  /** the link's new base: what both sides agree on after this merge */
  base: FieldMap;
  /** the hub values on their way out after this merge (the ones sent now among them) */
  pending: Record<string, string | null>;
  /** what goes out to the partner now, split into add and set */
  sends: Sends;
  /** the link's status after this merge (S11) */
  status: LinkStatus;
}

export interface MergeInput {
  /** the last values both sides agreed on */
  base: FieldMap;
  hub: FieldMap;
  external: FieldMap;
  /** hub values already on their way out (an outbound job not yet acknowledged) */
  pending: Record<string, string | null>;
  /**
   * F11: per path, values the hub wrote, or may have written, to the partner without recording
   * the answer (a crash or a race between a write and its bookkeeping). When the external side
   * holds one of them, it is the hub's own earlier value coming back, not an external edit.
   */
  unanswered?: Readonly<Record<string, ReadonlyArray<string | null>>>;
  profile: Profile;
  /** the paths of the link's open conflicts */
  openConflicts?: readonly string[];
  /** the link's status before the merge */
  status?: LinkStatus;
  /**
   * S7: the pair was made by hand just now, with no agreed base: where both sides hold different
   * values the path is a conflict whatever the profile's winner, so neither side is overwritten
   */
  pairedByHand?: boolean;
}

/**
 * The three-way merge, pure. For each path: if only one side moved away from the base, the
 * policy says whether the other side follows; if both moved to the same value they agree; if
 * both moved to different values the policy names a winner or the path is a conflict. Nothing
 * is ever overwritten without the base showing that the overwritten side did not change.
 */
export function decide(input: MergeInput): MergeDecision {
  const fields = decideFields(input);
  return { ...fields, ...settle(input, fields) };
}

type FieldDecision = Pick<MergeDecision, "toHub" | "toExternal" | "agreed" | "conflicts">;

function decideFields({
  base,
  hub,
  external,
  pending,
  unanswered = {},
  profile,
  pairedByHand = false,
}: MergeInput): FieldDecision {
  const decision: FieldDecision = { toHub: {}, toExternal: {}, agreed: {}, conflicts: [] };
  const paths = new Set([...Object.keys(base), ...Object.keys(hub), ...Object.keys(external)]);
  for (const path of paths) {
    const b = base[path];
    const h = hub[path];
    const e = external[path];
    const hubChanged = !sameValue(path, h, b);
    const externalChanged = !sameValue(path, e, b);
    if (!hubChanged && !externalChanged) continue;
    const rule = ruleFor(profile, path);

    if (hubChanged && externalChanged) {
      if (sameValue(path, h, e)) {
        decision.agreed[path] = h ?? null;
      } else if (pairedByHand) {
        decision.conflicts.push({ path, base: b, hub: h, external: e });
      } else if (rule.onBothChanged === "externalWins") {
        decision.toHub[path] = e ?? null;
        decision.agreed[path] = e ?? null;
      } else if (rule.onBothChanged === "hubWins") {
        if (rule.outbound === "overwrite") decision.toExternal[path] = h ?? null;
      } else if (unanswered[path]?.some((v) => sameValue(path, v ?? undefined, e))) {
        // The partner holds an earlier hub value: both sides agree on that one, and only the hub
        // has moved on since. Its newer value goes out (again, if a queued write already has it).
        decision.agreed[path] = e ?? null;
        if (rule.outbound === "overwrite") decision.toExternal[path] = h ?? null;
        else if (rule.outbound === "append" && h !== undefined) decision.toExternal[path] = h;
      } else {
        decision.conflicts.push({ path, base: b, hub: h, external: e });
      }
      continue;
    }

    if (externalChanged) {
      // Only the external system moved.
      if (rule.inbound === "overwrite" || rule.inbound === "append") {
        if (rule.inbound === "append" && e === undefined) continue;
        decision.toHub[path] = e ?? null;
        decision.agreed[path] = e ?? null;
      }
      continue;
    }

    // Only the hub moved. A value already on its way out is not sent twice.
    const inFlight = Object.hasOwn(pending, path) && sameValue(path, pending[path] ?? undefined, h);
    if (inFlight) continue;
    if (rule.outbound === "overwrite") decision.toExternal[path] = h ?? null;
    else if (rule.outbound === "append" && h !== undefined) decision.toExternal[path] = h;
    // append never removes; createOnly and ignore keep the hub's value in the hub.
  }
  return decision;
}

/**
 * What follows from the field decisions for the link: the base takes the agreed values; an open
 * conflict whose sides have come to hold the same value is over (its value agreed); a hub value
 * on its way out is obsolete once the hub holds another one (the external value won, the user
 * changed it back, or both sides agree), so its queued write must not go out; the values to send
 * are split into add (new contacts, unpaired hub items) and set; the status is conflict while a
 * conflict is open, error stays error (cleared by its own bookkeeping), otherwise synced.
 */
function settle(
  { base: agreedBase, hub, external, pending: wasPending, openConflicts = [], status }: MergeInput,
  decision: FieldDecision,
): Pick<MergeDecision, "converged" | "base" | "pending" | "sends" | "status"> {
  const base: FieldMap = { ...agreedBase };
  for (const [path, value] of Object.entries(decision.agreed)) {
    if (value === null) delete base[path];
    else base[path] = value;
  }
  const newHub: FieldMap = { ...hub };
  for (const [path, value] of Object.entries(decision.toHub)) {
    if (value === null) delete newHub[path];
    else newHub[path] = value;
  }
  const converged: MergeDecision["converged"] = [];
  const stillOpen = new Set(decision.conflicts.map((c) => c.path));
  for (const path of openConflicts) {
    const h = newHub[path];
    if (h === external[path] && !stillOpen.has(path)) {
      converged.push({ path, value: h ?? null });
      if (h === undefined) delete base[path];
      else base[path] = h;
    } else stillOpen.add(path);
  }

  const pending = { ...wasPending };
  for (const path of [...Object.keys(decision.toHub), ...Object.keys(decision.agreed)])
    delete pending[path];
  for (const path of Object.keys(pending)) {
    const now = path in decision.toHub ? decision.toHub[path] : (hub[path] ?? null);
    if (!sameValue(path, pending[path] ?? undefined, now ?? undefined)) delete pending[path];
  }
  const sends: Sends = { add: {}, set: {} };
  for (const [path, value] of Object.entries(decision.toExternal)) {
    const field = parseFieldPath(path);
    if (field.family === "contact" || isUnpairedHubItem(field)) {
      if (value !== null) sends.add[path] = value;
    } else sends.set[path] = value;
    pending[path] = value;
  }
  return {
    converged,
    base,
    pending,
    sends,
    status: stillOpen.size > 0 ? "conflict" : status === "error" ? "error" : "synced",
  };
}
