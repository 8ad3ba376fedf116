import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, linkStatuses, type LinkStatus } from "./link-status.ts";

describe("link status machine", () => {
  it("S11: statuses move only along the listed transitions", () => {
    expect(canTransition("unlinked", "synced")).toBe(true);
    expect(canTransition("synced", "conflict")).toBe(true);
    expect(canTransition("conflict", "synced")).toBe(true);
    expect(canTransition("error", "synced")).toBe(true);
    // an excluded customer is only ever released back to unlinked, never silently re-synced
    expect(canTransition("excluded", "synced")).toBe(false);
    expect(() => assertTransition("excluded", "conflict")).toThrow(
      /cannot go from 'excluded' to 'conflict'/,
    );
  });

  it("R8.3: the transition table, whole: every move allowed or refused as listed here", () => {
    // from (row) -> to (column): unlinked, conflict, synced, excluded, error. A changed row of
    // link-status.ts makes this fail: the table is the backstop behind every named transition.
    const expected: Record<LinkStatus, string> = {
      unlinked: "11111",
      conflict: "11111",
      synced: "11111",
      error: "11111",
      // an excluded customer is only released (to unlinked), never synced, conflicted or in error
      excluded: "10010",
    };
    for (const from of linkStatuses) {
      const row = linkStatuses.map((to) => (canTransition(from, to) ? "1" : "0")).join("");
      expect(`${from}: ${row}`).toBe(`${from}: ${expected[from]}`);
      for (const to of linkStatuses)
        if (canTransition(from, to)) expect(() => assertTransition(from, to)).not.toThrow();
        else
          expect(() => assertTransition(from, to, "test")).toThrow(/link test: a link cannot go/);
    }
  });
});
