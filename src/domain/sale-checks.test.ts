import { describe, expect, it } from "vitest";
import type { SaleRecord } from "./retail-records.ts";
import { saleProblem } from "./sale-checks.ts";

const sale = (fields: Partial<SaleRecord> = {}): SaleRecord => ({
  id: "s1",
  version: 1,
  customerId: "c1",
  associateNumber: "7",
  occurredAt: "2026-11-30T15:00:00.000Z",
  currency: "USD",
  total: 120.1,
  lines: [
    {
      kind: "item",
      inventoryId: "i1",
      sku: null,
      description: "Ring",
      category: null,
      vendor: null,
      quantity: 1,
      amount: 100.05,
    },
  ],
  serviceJobs: [{ id: "j1", type: "repair", description: "Sizing", amount: 20.05 }],
  ...fields,
});

describe("sale checks (T2)", () => {
  it("T2: a sale whose lines add up to its total, in the store's currency, is fine, dated ahead of the hub's clock too; a return (negative) too", () => {
    expect(saleProblem(sale(), "USD")).toBeUndefined();
    expect(saleProblem(sale({ occurredAt: "2031-01-01T00:00:00Z" }), "USD")).toBeUndefined();
    expect(
      saleProblem(
        sale({
          total: -100.05,
          lines: [{ ...sale().lines[0]!, amount: -100.05 }],
          serviceJobs: [],
        }),
        "USD",
      ),
    ).toBeUndefined();
  });

  it.each([
    [{ lines: [], serviceJobs: [] }, "it has no lines (no items and no service jobs)"],
    [{ total: 125 }, "the total 125.00 is not the sum of its lines, 120.10"],
    [{ currency: "usd" }, "its currency 'usd' is not a currency code (ISO 4217, like USD)"],
    [{ currency: "XYZ" }, "its currency 'XYZ' is not a currency code (ISO 4217, like USD)"],
    [{ currency: "DKK" }, "its currency DKK is not the store's (USD)"],
    [{ occurredAt: "yesterday" }, "its date 'yesterday' is not a date"],
    [{ occurredAt: "1999-12-31T23:00:00Z" }, "it is dated 1999-12-31T23:00:00Z, before 2000"],
  ] as const)("T2: %j is held back: %s", (fields, reason) => {
    expect(saleProblem(sale(fields as Partial<SaleRecord>), "USD")).toBe(reason);
  });
});
