/** S11: the sync status of a customer per integration. */
export const linkStatuses = ["unlinked", "conflict", "synced", "excluded", "error"] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/**
 * The only moves a link's status may make. Every update of a link's status goes through
 * `assertTransition`, so a bug that would, say, quietly un-exclude a customer fails loudly.
 */
const transitions: Record<LinkStatus, readonly LinkStatus[]> = {
  unlinked: ["synced", "conflict", "excluded", "error"],
  synced: ["conflict", "error", "excluded", "unlinked"],
  conflict: ["synced", "error", "excluded", "unlinked"],
  error: ["synced", "conflict", "excluded", "unlinked"],
  excluded: ["unlinked"],
};

export function canTransition(from: LinkStatus, to: LinkStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/**
 * R8.3: a link transition the state machine refuses (a status move it does not list, or a named
 * transition whose precondition does not hold, such as linking a link that has a partner).
 */
export class LinkTransitionError extends Error {
  readonly code = "illegal_transition";
  constructor(
    readonly transition: string,
    message: string,
  ) {
    super(`link ${transition}: ${message}`);
    this.name = "LinkTransitionError";
  }
}

export function assertTransition(from: LinkStatus, to: LinkStatus, transition = "status"): void {
  if (!canTransition(from, to))
    throw new LinkTransitionError(transition, `a link cannot go from '${from}' to '${to}'`);
}
