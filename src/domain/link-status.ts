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

export function assertTransition(from: LinkStatus, to: LinkStatus): void {
  if (!canTransition(from, to)) throw new Error(`a link cannot go from '${from}' to '${to}'`);
}
