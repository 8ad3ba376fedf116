import { describe, expect, it } from "vitest";
import type { ExternalCustomer } from "../../domain/customer.ts";
import type { Connector, CustomerOperation } from "./connector.ts";
import { expectationsHold, withReadBeforeWrite } from "./read-before-write.ts";

const ring = { inventoryId: "inv-1", description: "a ring" };
const watch = { inventoryId: null, description: "a watch" };

/** The customer as the system holds it now; each operation below is checked against it. */
const current: ExternalCustomer = {
  id: "c1",
  number: "1",
  version: 7,
  customer: {
    firstName: "Ada",
    lastName: "Lovelace",
    acquisition: "Walk-in",
    contacts: [{ kind: "email", value: "ada@example.com" }],
    preferences: { "Ring size": "6" },
    notes: [{ id: "n1", body: "likes pearls" }],
    wishes: [{ id: "w1", ...ring }],
  },
};

/** Every operation kind that replaces a value: one whose expectation holds, one whose does not. */
const cases: Array<[string, CustomerOperation, CustomerOperation]> = [
  [
    "setName (firstName)",
    { op: "setName", field: "firstName", value: "Augusta", expected: "Ada" },
    { op: "setName", field: "firstName", value: "Augusta", expected: "Adah" },
  ],
  [
    "setName (lastName)",
    { op: "setName", field: "lastName", value: "King", expected: "Lovelace" },
    { op: "setName", field: "lastName", value: "King", expected: null },
  ],
  [
    "setAcquisition",
    { op: "setAcquisition", value: "Web", expected: "Walk-in" },
    { op: "setAcquisition", value: "Web", expected: "Referral" },
  ],
  [
    "setPreference",
    { op: "setPreference", name: "Ring size", value: "7", expected: "6" },
    { op: "setPreference", name: "Ring size", value: "7", expected: "6.5" },
  ],
  [
    "setPreference (a preference the customer does not have: expected null)",
    { op: "setPreference", name: "Metal", value: "gold", expected: null },
    { op: "setPreference", name: "Metal", value: "gold", expected: "silver" },
  ],
  [
    "setNote",
    { op: "setNote", id: "n1", body: "likes pearls and opals", expected: "likes pearls" },
    { op: "setNote", id: "n1", body: "likes pearls and opals", expected: "likes opals" },
  ],
  [
    "setWish",
    { op: "setWish", id: "w1", wish: watch, expected: ring },
    { op: "setWish", id: "w1", wish: watch, expected: watch },
  ],
  [
    "setWish (the stock item changed, the description did not)",
    { op: "setWish", id: "w1", wish: watch, expected: ring },
    { op: "setWish", id: "w1", wish: watch, expected: { ...ring, inventoryId: "inv-2" } },
  ],
  [
    "removeWish",
    { op: "removeWish", id: "w1", expected: ring },
    { op: "removeWish", id: "w1", expected: watch },
  ],
  [
    "removeWish (a wish already gone: expected null)",
    { op: "removeWish", id: "w9", expected: null },
    { op: "removeWish", id: "w9", expected: ring },
  ],
];

describe("R8.1: the kit's expectation check (read-before-write)", () => {
  it.each(cases)(
    "R8.1: %s: holds when `expected` is what the customer holds, not otherwise",
    (_, holds, stale) => {
      expect(expectationsHold([holds], current)).toBe(true);
      expect(expectationsHold([stale], current)).toBe(false);
      // one stale operation refuses the whole write
      expect(expectationsHold([holds, stale], current)).toBe(false);
    },
  );

  it("R8.1: additions replace nothing: they always hold", () => {
    const additions: CustomerOperation[] = [
      { op: "addContact", contact: { kind: "phone", value: "+15550100" } },
      { op: "addNote", ref: "tandem:1", body: "hi" },
      { op: "addWish", ref: "tandem:2", wish: watch },
    ];
    expect(expectationsHold(additions, current)).toBe(true);
    expect(expectationsHold([], current)).toBe(true);
  });

  it("R8.1: withReadBeforeWrite refuses a stale write with the current state and writes nothing; a fresh one is written", async () => {
    const writes: CustomerOperation[][] = [];
    const connector = withReadBeforeWrite({
      source: { getCustomer: async (id: string) => (id === "c1" ? current : null) },
      sink: {
        updateCustomer: async (_id: string, operations: readonly CustomerOperation[]) => {
          writes.push([...operations]);
          return { ok: true as const, customer: current };
        },
      },
    } as unknown as Connector);
    const [, holds, stale] = cases.find(([name]) => name === "setPreference")!;
    const refused = await connector.sink.updateCustomer("c1", [stale], { idempotencyKey: "k1" });
    expect(refused).toEqual({ ok: false, reason: "precondition_failed", customer: current });
    expect(writes).toEqual([]);
    expect((await connector.sink.updateCustomer("c1", [holds], { idempotencyKey: "k2" })).ok).toBe(
      true,
    );
    expect(writes).toEqual([[holds]]);
    await expect(
      connector.sink.updateCustomer("gone", [holds], { idempotencyKey: "k3" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
