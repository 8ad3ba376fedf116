import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { contactPath } from "./customer.ts";
import { decide, type MergeInput } from "./merge-fields.ts";
import { posProfile } from "./policy.ts";

const merge = (input: Partial<MergeInput>) =>
  decide({ base: {}, hub: {}, external: {}, pending: {}, profile: posProfile, ...input });

describe("three-way merge with the POS profile", () => {
  it("takes the side that changed when only one did", () => {
    const base = { firstName: "Ada" };
    expect(merge({ base, hub: { firstName: "Ada" }, external: { firstName: "Adah" } })).toEqual({
      toHub: { firstName: "Adah" },
      toExternal: {},
      agreed: { firstName: "Adah" },
      conflicts: [],
      converged: [],
      base: { firstName: "Adah" },
      pending: {},
      sends: { add: {}, set: {} },
      status: "synced",
    });
    expect(
      merge({ base, hub: { firstName: "Adela" }, external: { firstName: "Ada" } }).toExternal,
    ).toEqual({ firstName: "Adela" });
  });

  it("F12: both sides changed a name differently -> conflict, nothing overwritten", () => {
    const d = merge({
      base: { lastName: "Lovelace" },
      hub: { lastName: "King" },
      external: { lastName: "Byron" },
    });
    expect(d.conflicts).toEqual([
      { path: "lastName", base: "Lovelace", hub: "King", external: "Byron" },
    ]);
    expect(d.toHub).toEqual({});
    expect(d.toExternal).toEqual({});
  });

  it("F12: both sides changed to the same value -> agreed, nothing sent", () => {
    const d = merge({
      base: { lastName: "A" },
      hub: { lastName: "B" },
      external: { lastName: "B" },
    });
    expect(d).toEqual({
      toHub: {},
      toExternal: {},
      agreed: { lastName: "B" },
      conflicts: [],
      converged: [],
      base: { lastName: "B" },
      pending: {},
      sends: { add: {}, set: {} },
      status: "synced",
    });
  });

  it("F1: a hub contact edit is appended at the POS; the old POS value is not removed", () => {
    const old = contactPath("email", "ada@old.com");
    const neu = contactPath("email", "ada@new.com");
    const d = merge({
      base: { [old]: "ada@old.com" },
      hub: { [neu]: "ada@new.com" },
      external: { [old]: "ada@old.com" },
    });
    expect(d.toExternal).toEqual({ [neu]: "ada@new.com" });
    expect(d.toHub).toEqual({});
  });

  it("F1: a POS contact edit overwrites the hub's value", () => {
    const old = contactPath("phone", "+1 212 555 0101");
    const neu = contactPath("phone", "+1 212 555 0199");
    const d = merge({
      base: { [old]: "+1 212 555 0101" },
      hub: { [old]: "(212) 555-0101" },
      external: { [neu]: "+1 212 555 0199" },
    });
    expect(d.toHub).toEqual({ [old]: null, [neu]: "+1 212 555 0199" });
    expect(d.toExternal).toEqual({});
  });

  it("F3: acquisition changed in the hub is not sent; changed at the POS it wins", () => {
    expect(
      merge({
        base: { acquisition: "Walk-in" },
        hub: { acquisition: "Web" },
        external: { acquisition: "Walk-in" },
      }).toExternal,
    ).toEqual({});
    const both = merge({
      base: { acquisition: "Walk-in" },
      hub: { acquisition: "Web" },
      external: { acquisition: "Referral" },
    });
    expect(both.toHub).toEqual({ acquisition: "Referral" });
    expect(both.conflicts).toEqual([]);
  });

  it("F11: a value already on its way out is not sent again", () => {
    const d = merge({
      base: { firstName: "A" },
      hub: { firstName: "B" },
      external: { firstName: "A" },
      pending: { firstName: "B" },
    });
    expect(d.toExternal).toEqual({});
  });

  it("F11: the echo of a write the hub made changes nothing", () => {
    // after the apply stage recorded the new base, the POS reports the value the hub wrote
    const d = merge({
      base: { firstName: "B" },
      hub: { firstName: "B" },
      external: { firstName: "B" },
    });
    expect(d).toEqual({
      toHub: {},
      toExternal: {},
      agreed: {},
      conflicts: [],
      converged: [],
      base: { firstName: "B" },
      pending: {},
      sends: { add: {}, set: {} },
      status: "synced",
    });
  });

  it("F11: the partner holding a hub value whose answer was lost agrees on it; the hub's newer value goes out", () => {
    const input = {
      base: { lastName: "Lovelace" },
      hub: { lastName: "King-Noel" },
      external: { lastName: "King" },
      pending: { lastName: "King-Noel" },
    };
    expect(merge({ ...input, unanswered: { lastName: ["King"] } })).toEqual({
      toHub: {},
      toExternal: { lastName: "King-Noel" },
      agreed: { lastName: "King" },
      conflicts: [],
      converged: [],
      base: { lastName: "King" },
      pending: { lastName: "King-Noel" },
      sends: { add: {}, set: { lastName: "King-Noel" } },
      status: "synced",
    });
    // a value the hub never sent is an external edit: still a conflict
    expect(merge({ ...input, unanswered: { lastName: ["Byron"] } }).conflicts).toHaveLength(1);
  });

  it("F12: every path that differs is applied, agreed, sent or in conflict (property)", () => {
    const value = fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined });
    const paths = ["firstName", "lastName", "acquisition", "pref.size"] as const;
    const side = fc.record(
      Object.fromEntries(paths.map((p) => [p, value])) as Record<
        (typeof paths)[number],
        typeof value
      >,
    );
    const clean = (m: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
    fc.assert(
      fc.property(side, side, side, (b, h, e) => {
        const [base, hub, external] = [clean(b), clean(h), clean(e)];
        const d = merge({ base, hub, external });
        for (const p of paths) {
          if (hub[p] === external[p]) continue;
          const handled =
            p in d.toHub ||
            p in d.toExternal ||
            d.conflicts.some((c) => c.path === p) ||
            // F3: acquisition edited only in the hub stays in the hub by design
            (p === "acquisition" && external[p] === base[p]);
          expect(handled, `path ${p} base=${base[p]} hub=${hub[p]} ext=${external[p]}`).toBe(true);
        }
      }),
    );
  });
});

describe("R8.4: decide() settles the link, so the shell only reads and writes", () => {
  it("S11: a conflict makes the link's status conflict and keeps its base; an error stays an error", () => {
    const input = { base: { lastName: "L" }, hub: { lastName: "K" }, external: { lastName: "B" } };
    const d = merge(input);
    expect(d).toMatchObject({ base: { lastName: "L" }, status: "conflict", converged: [] });
    expect(d.sends).toEqual({ add: {}, set: {} });
    expect(merge({ ...input, status: "error" }).status).toBe("conflict");
    expect(
      merge({
        base: { firstName: "A" },
        hub: { firstName: "A" },
        external: { firstName: "A" },
        status: "error",
      }).status,
    ).toBe("error");
    expect(merge({ status: "unlinked" }).status).toBe("synced");
  });

  it("F12: an open conflict whose two sides came to hold the same value is closed with it, and that value is agreed", () => {
    const d = merge({
      base: { lastName: "L", firstName: "A" },
      hub: { lastName: "K", firstName: "A" },
      external: { lastName: "K" },
      openConflicts: ["lastName", "firstName"],
    });
    // firstName: only the external side moved (it removed it): the hub follows, the sides agree
    expect(d.converged).toEqual([
      { path: "lastName", value: "K" },
      { path: "firstName", value: null },
    ]);
    expect(d.base).toEqual({ lastName: "K" });
    expect(d.status).toBe("synced");
    // one still apart stays open, and so does the link's conflict status
    const apart = merge({
      base: { lastName: "L", firstName: "A" },
      hub: { lastName: "K", firstName: "B" },
      external: { lastName: "K", firstName: "C" },
      openConflicts: ["lastName", "firstName"],
    });
    expect(apart.converged).toEqual([{ path: "lastName", value: "K" }]);
    expect(apart.status).toBe("conflict");
  });

  it("F1, F4, F5: new contacts and unpaired hub items are added, every other value is set with a precondition, and all are pending", () => {
    const email = contactPath("email", "ada@new.com");
    const d = merge({
      base: { firstName: "A", lastName: "L" },
      hub: { firstName: "B", [email]: "ada@new.com", "note.hub:12": "Called" },
      external: { firstName: "A", lastName: "L" },
    });
    expect(d.sends).toEqual({
      add: { [email]: "ada@new.com", "note.hub:12": "Called" },
      set: { firstName: "B", lastName: null },
    });
    expect(d.pending).toEqual({
      firstName: "B",
      lastName: null,
      [email]: "ada@new.com",
      "note.hub:12": "Called",
    });
  });

  it("F11: a hub value on its way out is dropped from pending once the hub holds another (taken back, or the external value won)", () => {
    const changedBack = merge({
      base: { firstName: "A" },
      hub: { firstName: "A" },
      external: { firstName: "A" },
      pending: { firstName: "B" },
    });
    expect(changedBack.pending).toEqual({});
    const externalWon = merge({
      base: { firstName: "A", lastName: "L" },
      hub: { firstName: "A", lastName: "L" },
      external: { firstName: "C", lastName: "L" },
      pending: { firstName: "B", lastName: "L" },
    });
    expect(externalWon.toHub).toEqual({ firstName: "C" });
    expect(externalWon.pending).toEqual({ lastName: "L" });
  });
});
