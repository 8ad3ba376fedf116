import { describe, expect, it } from "vitest";
import { posProfile, posRecordFlows, ruleFor, syncedFields } from "./policy.ts";

describe("the POS profile as data", () => {
  it("F1-F10: every data rule of the POS profile is a line of its two tables", () => {
    const rules = new Set(
      [...Object.values(posProfile), ...Object.values(posRecordFlows)].map((r) => r.rule),
    );
    for (const id of ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"])
      expect(rules, id).toContain(id);
  });

  it("F1, F3, F5: the directions the spec names", () => {
    expect(ruleFor(posProfile, "contact.email.a@b.c")).toMatchObject({
      inbound: "overwrite",
      outbound: "append",
    });
    expect(ruleFor(posProfile, "acquisition")).toMatchObject({
      outbound: "createOnly",
      onBothChanged: "externalWins",
    });
    expect(ruleFor(posProfile, "note.n_1")).toMatchObject({
      inbound: "append",
      outbound: "append",
    });
    expect(posRecordFlows.sale.direction).toBe("inbound");
    expect(posRecordFlows.message.direction).toBe("outbound");
    expect(posRecordFlows.assignedAssociate.direction).toBe("none");
  });

  it("F2: only mapped preferences are in scope", () => {
    expect(
      syncedFields({ "pref.Ring size": "6", "pref.Colour": "blue", firstName: "Ada" }, [
        "Ring size",
      ]),
    ).toEqual({
      "pref.Ring size": "6",
      firstName: "Ada",
    });
  });
});
