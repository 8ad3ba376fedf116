/**
 * Characters PostgreSQL's text and jsonb cannot hold: U+0000, and a UTF-16 surrogate without its
 * pair (as JSON writes it, `\ud800`). One such character in a record from an external system
 * would make the whole page of its feed fail to store, again at every poll.
 */
// a high surrogate not followed by a low one, or a low one not preceded by a high one
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = new RegExp(`\\u0000|${loneSurrogate.source}`, "g");

/**
 * Why a string cannot be stored as text, or undefined when it can: the API refuses such input
 * with this reason (R7.9), where a record from an external system is made `storable` instead.
 */
export function badText(text: string): string | undefined {
  if (text.includes("\u0000")) return "contains a null byte (\\u0000), which text cannot hold";
  if (loneSurrogate.test(text))
    return "contains a lone UTF-16 surrogate (e.g. \\ud800), which is not text";
  return undefined;
}

/**
 * A copy of a record from an external system in which every such character, in values and keys,
 * is the replacement character U+FFFD. Deterministic, so the same record always reads the same.
 *
 * @example storable({ firstName: "A\u0000B" }) // { firstName: "A\uFFFDB" }
 */
export function storable<T>(value: T): T {
  // R8.5: most records hold no such character, and their JSON shows it (JSON writes U+0000 and a
  // lone surrogate as escapes, never raw): one look at it spares the copy (a look that cannot
  // tell, such as a literal "\\u0000" in a value, makes the copy)
  const json = JSON.stringify(value) as string | undefined;
  if (json !== undefined && !/\\u0000|\\ud[89a-f]/i.test(json)) return value;
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.replace(unstorable, "\ufffd");
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), clean(v)]));
  return value;
}
