import { sameValue, type FieldMap } from "./customer.ts";
import { ruleFor, type Profile } from "./policy.ts";

export interface FieldConflict {
  path: string;
  base: string | undefined;
  hub: string | undefined;
  external: string | undefined;
}

/** What one three-way merge decided, per field path. `null` means "remove the value". */
export interface MergeDecision {
  /** values the hub must take */
  toHub: Record<string, string | null>;
  /** hub values the external system must take (contacts: to add) */
  toExternal: Record<string, string | null>;
  /** paths whose agreed value is now known (both sides hold it) */
  agreed: Record<string, string | null>;
  conflicts: FieldConflict[];
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
}

/**
 * The three-way merge, pure. For each path: if only one side moved away from the base, the
 * policy says whether the other side follows; if both moved to the same value they agree; if
 * both moved to different values the policy names a winner or the path is a conflict. Nothing
 * is ever overwritten without the base showing that the overwritten side did not change.
 */
export function decide({
  base,
  hub,
  external,
  pending,
  unanswered = {},
  profile,
}: MergeInput): MergeDecision {
  const decision: MergeDecision = { toHub: {}, toExternal: {}, agreed: {}, conflicts: [] };
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
