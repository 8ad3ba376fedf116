/**
 * F11: how far back a lost answer is plausible (a partner keeps idempotency keys about this
 * long). The merge looks this far back for the hub's own writes coming back; the pruning never
 * removes a write younger than this (R12.7).
 */
export const unansweredWindowMs = 24 * 3600 * 1000;
