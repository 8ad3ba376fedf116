import { describe, expect, it } from "vitest";
import type { FieldMap } from "./customer.ts";
import { decide } from "./merge-fields.ts";
import {
  createsPartners,
  flowOf,
  posProfile,
  profileFor,
  profiles,
  ruleFor,
  syncedFields,
} from "./policy.ts";

// Each rule of the POS profile is checked by what the merge does with it, not by its spelling in
// the table: a line of the table changed (an "append" made "overwrite", a "conflict" made a
// winner) turns one of these red.

/**
 * One field, as the base (last agreed), the hub and the POS hold it: a side not named still
 * holds the base; `null` is "no value" (never had it, or removed). What does the POS profile
 * decide?
 */
function merge(
  path: string,
  values: { base?: string | null; hub?: string | null; pos?: string | null },
) {
  const base = values.base ?? null;
  const at = (v: string | null): FieldMap => (v === null ? {} : { [path]: v });
  // the per-path decisions; what follows from them for the link (base, pending, sends, status)
  // is proved in merge-fields.test.ts
  const { toHub, toExternal, agreed, conflicts } = decide({
    base: at(base),
    hub: at(values.hub === undefined ? base : values.hub),
    external: at(values.pos === undefined ? base : values.pos),
    pending: {},
    profile: posProfile,
  });
  return { toHub, toExternal, agreed, conflicts };
}

const nothing = { toHub: {}, toExternal: {}, agreed: {}, conflicts: [] };

describe("the POS profile, rule by rule, through the three-way merge", () => {
  it("F1: a POS contact change overwrites the hub (removals too); a hub contact is appended at the POS and a hub removal never reaches it", () => {
    const path = "contact.email.ada@example.com";
    const value = "Ada@Example.com";
    expect(merge(path, { pos: value }).toHub).toEqual({ [path]: value });
    expect(merge(path, { base: value, pos: null }).toHub).toEqual({ [path]: null });
    expect(merge(path, { hub: value }).toExternal).toEqual({ [path]: value });
    expect(merge(path, { hub: value }).toHub).toEqual({});
    expect(merge(path, { base: value, hub: null })).toEqual(nothing);
    // both sides came to hold the same contact: agreed, nothing sent
    expect(merge(path, { hub: value, pos: "ada@example.com" })).toMatchObject({
      toHub: {},
      toExternal: {},
      conflicts: [],
    });
    expect(ruleFor(posProfile, path).rule).toBe("F1");
  });

  it("F2: a mapped preference flows both ways, removals included; edits on both sides are a conflict; unmapped preferences are out of scope", () => {
    const path = "pref.Ring size";
    expect(merge(path, { base: "6", pos: "7" }).toHub).toEqual({ [path]: "7" });
    expect(merge(path, { base: "6", hub: "7" }).toExternal).toEqual({ [path]: "7" });
    expect(merge(path, { base: "6", pos: null }).toHub).toEqual({ [path]: null });
    expect(merge(path, { base: "6", hub: null }).toExternal).toEqual({ [path]: null });
    const both = merge(path, { base: "6", hub: "7", pos: "8" });
    expect(both.conflicts).toEqual([{ path, base: "6", hub: "7", external: "8" }]);
    expect(both.toHub).toEqual({});
    expect(both.toExternal).toEqual({});
    expect(
      syncedFields({ "pref.Ring size": "6", "pref.Colour": "blue", firstName: "Ada" }, [
        "Ring size",
      ]),
    ).toEqual({ "pref.Ring size": "6", firstName: "Ada" });
  });

  it("F3: acquisition comes in from the POS, never goes out after creation, and the POS wins without a conflict", () => {
    const path = "acquisition";
    expect(merge(path, { base: "Walk-in", pos: "Referral" }).toHub).toEqual({
      [path]: "Referral",
    });
    expect(merge(path, { base: "Walk-in", hub: "Event" })).toEqual(nothing);
    const both = merge(path, { base: "Walk-in", hub: "Event", pos: "Referral" });
    expect(both.conflicts).toEqual([]);
    expect(both.toHub).toEqual({ [path]: "Referral" });
    expect(both.toExternal).toEqual({});
  });

  it("F4: the wish list mirrors the collection: additions, edits and removals both ways; edits on both sides are a conflict", () => {
    const path = "wish.w_1";
    expect(merge(path, { pos: "inv_1|Ring" }).toHub).toEqual({ [path]: "inv_1|Ring" });
    expect(merge(path, { hub: "inv_1|Ring" }).toExternal).toEqual({ [path]: "inv_1|Ring" });
    expect(merge(path, { base: "inv_1|Ring", pos: null }).toHub).toEqual({ [path]: null });
    expect(merge(path, { base: "inv_1|Ring", hub: null }).toExternal).toEqual({
      [path]: null,
    });
    expect(merge(path, { base: "a", hub: "b", pos: "c" }).conflicts).toHaveLength(1);
    expect(ruleFor(posProfile, path).rule).toBe("F4");
  });

  it("F5: notes and their edits flow both ways; a note deleted on one side stays on the other; edits on both sides are a conflict", () => {
    const path = "note.n_1";
    expect(merge(path, { pos: "Called about the ring" }).toHub).toEqual({
      [path]: "Called about the ring",
    });
    expect(merge(path, { hub: "Called about the ring" }).toExternal).toEqual({
      [path]: "Called about the ring",
    });
    expect(merge(path, { base: "v1", pos: "v2" }).toHub).toEqual({ [path]: "v2" });
    expect(merge(path, { base: "v1", hub: "v2" }).toExternal).toEqual({ [path]: "v2" });
    // deleted at the POS: the hub keeps it; deleted in the hub: the POS keeps it
    expect(merge(path, { base: "v1", pos: null })).toEqual(nothing);
    expect(merge(path, { base: "v1", hub: null })).toEqual(nothing);
    expect(merge(path, { base: "v1", hub: "v2", pos: "v3" }).conflicts).toHaveLength(1);
  });

  it("F12: names flow both ways and edits on both sides are a conflict, never an overwrite", () => {
    for (const path of ["firstName", "lastName"]) {
      expect(merge(path, { base: "Ada", pos: "Adah" }).toHub).toEqual({ [path]: "Adah" });
      expect(merge(path, { base: "Ada", hub: "Augusta" }).toExternal).toEqual({
        [path]: "Augusta",
      });
      const both = merge(path, { base: "Ada", hub: "Augusta", pos: "Adah" });
      expect(both.conflicts).toEqual([{ path, base: "Ada", hub: "Augusta", external: "Adah" }]);
      expect(both.toHub).toEqual({});
      expect(both.toExternal).toEqual({});
      // both made the same edit: agreed, nothing sent either way
      expect(merge(path, { base: "Ada", hub: "Adah", pos: "Adah" })).toEqual({
        ...nothing,
        agreed: { [path]: "Adah" },
      });
    }
  });

  it("F6-F10: sales and inventory come in only, hub messages go out only, associates and the assigned associate are never synced", () => {
    expect(flowOf("pos", "sale")).toMatchObject({ direction: "inbound", rule: "F6" });
    expect(flowOf("pos", "message")).toMatchObject({ direction: "outbound", rule: "F7" });
    expect(flowOf("pos", "inventory")).toMatchObject({ direction: "inbound", rule: "F8" });
    expect(flowOf("pos", "associate")).toMatchObject({ direction: "none", rule: "F9" });
    expect(flowOf("pos", "assignedAssociate")).toMatchObject({ direction: "none", rule: "F10" });
  });

  it("R8.1: profiles are found by name: the POS's is F1-F10; the customers profile syncs customer fields only; an unknown name is an error", () => {
    expect(profileFor("pos")).toBe(posProfile);
    const customers = profileFor("customers");
    for (const family of ["name", "preference", "contact", "acquisition"] as const)
      expect(customers[family]).toEqual(posProfile[family]);
    // notes and wishes of a customers-only system are neither taken nor sent
    const hubNote = decide({
      base: {},
      hub: { "note.hub:1": "hi" },
      external: { "note.n1": "there" },
      pending: {},
      profile: customers,
    });
    expect(hubNote.toHub).toEqual({});
    expect(hubNote.toExternal).toEqual({});
    for (const record of [
      "sale",
      "message",
      "inventory",
      "associate",
      "assignedAssociate",
    ] as const)
      expect(flowOf("customers", record).direction).toBe("none");
    expect(Object.keys(profiles).sort()).toEqual(["customers", "file", "pos"]);
    // I3: the file profile takes the file's rows in and sends nothing out, nor creates partners
    for (const rule of Object.values(profileFor("file"))) expect(rule.outbound).toBe("ignore");
    expect(createsPartners("file")).toBe(false);
    expect(createsPartners("pos")).toBe(true);
    expect(() => profileFor("erp")).toThrow(/unknown profile 'erp'/);
  });
});
