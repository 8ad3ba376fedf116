import type { ContactKind } from "./normalize.ts";

/**
 * A field path of a customer's field map (domain/customer.ts, `FieldMap`), read. Field maps keep
 * their paths as strings (they are JSON in links.base and in jobs); this is the one place that
 * reads them. Everything that needs to know what a path names asks `parseFieldPath`.
 *
 *  - `firstName`, `lastName`, `acquisition`
 *  - `pref.<name>`
 *  - `contact.<kind>.<normalised value>`
 *  - `note.<key>` / `wish.<key>`: the key is the external item's id once the item is paired,
 *    `hub:<hub id>` for a hub item not yet paired (a new item on its way out)
 */
export type FieldPath =
  | { family: "name"; field: "firstName" | "lastName" }
  | { family: "acquisition" }
  | { family: "preference"; name: string }
  | { family: "contact"; kind: ContactKind; normalized: string }
  | { family: "note" | "wish"; key: ItemKey };

/** How a field map names a note or wish: by the external item's id, or by our own id while unpaired. */
export type ItemKey = { side: "external"; id: string } | { side: "hub"; id: number };

export type FieldFamily = FieldPath["family"];

const contactKinds: readonly string[] = ["email", "phone", "address"];

export class UnknownFieldPath extends Error {
  constructor(readonly path: string) {
    super(`unknown field path '${path}'`);
  }
}

/** Reads a field path; throws UnknownFieldPath for anything that is not one. */
export function parseFieldPath(path: string): FieldPath {
  if (path === "firstName" || path === "lastName") return { family: "name", field: path };
  if (path === "acquisition") return { family: "acquisition" };
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? "" : path.slice(dot + 1);
  if (rest !== "") {
    if (head === "pref") return { family: "preference", name: rest };
    if (head === "note" || head === "wish") return { family: head, key: parseItemKey(rest) };
    if (head === "contact") {
      const kindEnd = rest.indexOf(".");
      const kind = rest.slice(0, kindEnd);
      if (kindEnd > 0 && contactKinds.includes(kind) && kindEnd < rest.length - 1)
        return {
          family: "contact",
          kind: kind as ContactKind,
          normalized: rest.slice(kindEnd + 1),
        };
    }
  }
  throw new UnknownFieldPath(path);
}

function parseItemKey(key: string): ItemKey {
  const hubId = /^hub:(\d+)$/.exec(key)?.[1];
  return hubId === undefined ? { side: "external", id: key } : { side: "hub", id: Number(hubId) };
}

const itemKeyText = (key: ItemKey) => (key.side === "hub" ? `hub:${key.id}` : key.id);

/** Writes a field path back as the string a field map keys it by. */
export function formatFieldPath(path: FieldPath): string {
  switch (path.family) {
    case "name":
      return path.field;
    case "acquisition":
      return "acquisition";
    case "preference":
      return `pref.${path.name}`;
    case "contact":
      return `contact.${path.kind}.${path.normalized}`;
    case "note":
    case "wish":
      return `${path.family}.${itemKeyText(path.key)}`;
  }
}

export const familyOf = (path: string): FieldFamily => parseFieldPath(path).family;

/**
 * The path of a note or wish by its key: `itemPath("note", "n_12")` (the external item's id) or,
 * in the hub's audit, by the hub item's id: `itemPath("wish", 7)`.
 */
export const itemPath = (family: "note" | "wish", key: string | number) => `${family}.${key}`;

/** The external item id a note or wish path names (`note.n_12` -> `n_12`); throws for any other path. */
export function externalItemIdOf(path: string, family: "note" | "wish"): string {
  const parsed = parseFieldPath(path);
  if (parsed.family !== family || parsed.key.side !== "external") throw new UnknownFieldPath(path);
  return parsed.key.id;
}

/** A new item of ours on its way out (an unpaired hub note or wish): added, never set. */
export function isUnpairedHubItem(path: FieldPath): path is {
  family: "note" | "wish";
  key: { side: "hub"; id: number };
} {
  return (path.family === "note" || path.family === "wish") && path.key.side === "hub";
}
