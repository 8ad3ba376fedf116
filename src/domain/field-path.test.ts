import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseActorId, userActor, connectorActor, systemActor } from "./actor-id.ts";
import {
  externalItemIdOf,
  formatFieldPath,
  itemPath,
  parseFieldPath,
  UnknownFieldPath,
  type FieldPath,
} from "./field-path.ts";
import { itemRef, parseItemRef } from "./item-ref.ts";

const text = fc.string({ minLength: 1 });
const fieldPath: fc.Arbitrary<FieldPath> = fc.oneof(
  fc.constantFrom<FieldPath>(
    { family: "name", field: "firstName" },
    { family: "name", field: "lastName" },
    { family: "acquisition" },
  ),
  text.map((name) => ({ family: "preference" as const, name })),
  fc
    .record({ kind: fc.constantFrom("email", "phone", "address"), normalized: text })
    .map(({ kind, normalized }) => ({ family: "contact" as const, kind, normalized })),
  fc.record({
    family: fc.constantFrom("note" as const, "wish" as const),
    key: fc.oneof(
      fc.nat().map((id) => ({ side: "hub" as const, id })),
      text.filter((id) => !/^hub:\d+$/.test(id)).map((id) => ({ side: "external" as const, id })),
    ),
  }),
);

describe("field paths, item refs and actor ids have one parser each (issue 8)", () => {
  it("a field path reads back as what was written", () => {
    fc.assert(
      fc.property(fieldPath, (path) => {
        expect(parseFieldPath(formatFieldPath(path))).toEqual(path);
      }),
    );
  });

  it("reads each family", () => {
    expect(parseFieldPath("contact.email.ada@example.com")).toEqual({
      family: "contact",
      kind: "email",
      normalized: "ada@example.com",
    });
    expect(parseFieldPath("note.hub:12")).toEqual({ family: "note", key: { side: "hub", id: 12 } });
    expect(parseFieldPath("wish.w_7")).toEqual({
      family: "wish",
      key: { side: "external", id: "w_7" },
    });
    expect(parseFieldPath("pref.size.shoe")).toEqual({ family: "preference", name: "size.shoe" });
  });

  it.each(["", "middleName", "pref.", "contact.fax.123", "contact.email.", "note.", "pref"])(
    "refuses '%s'",
    (path) => {
      expect(() => parseFieldPath(path)).toThrow(UnknownFieldPath);
    },
  );

  it("R8.3: an item path is built and read back in one place", () => {
    expect(itemPath("note", "n_12")).toBe("note.n_12");
    expect(itemPath("wish", 7)).toBe("wish.7");
    expect(externalItemIdOf(itemPath("note", "n.1:x"), "note")).toBe("n.1:x");
    expect(externalItemIdOf("wish.w_3", "wish")).toBe("w_3");
    for (const [path, family] of [
      ["wish.w_3", "note"],
      ["note.hub:5", "note"],
      ["pref.note", "note"],
      ["note.", "note"],
    ] as const)
      expect(() => externalItemIdOf(path, family)).toThrow(UnknownFieldPath);
  });

  it("an item ref names a hub id; anything else is not ours", () => {
    expect(parseItemRef(itemRef(42))).toBe(42);
    for (const other of [null, undefined, "", "tandem:", "tandem:0", "tandem:x1", "other:3"])
      expect(parseItemRef(other)).toBeUndefined();
  });

  it("an actor id reads back as who acted", () => {
    expect(parseActorId(userActor(7))).toEqual({ type: "user", userId: 7 });
    expect(parseActorId(connectorActor("pos"))).toEqual({ type: "connector", name: "pos" });
    expect(parseActorId(systemActor)).toEqual({ type: "system" });
    expect(parseActorId("user:abc")).toEqual({ type: "system" });
  });
});
