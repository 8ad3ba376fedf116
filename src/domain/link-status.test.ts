import { describe, expect, it } from "vitest";
import { assertTransition, canTransition } from "./link-status.ts";

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
});
