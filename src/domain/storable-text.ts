/**
 * Characters PostgreSQL's text and jsonb cannot hold: U+0000, and a UTF-16 surrogate without its
 * pair (as JSON writes it, `\ud800`). One such character in a record from an external system
 * would make the whole page of its feed fail to store, again at every poll.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A copy of a record from an external system in which every such character, in values and keys,
 * is the replacement character U+FFFD. Deterministic, so the same record always reads the same.
 *
 * @example storable({ firstName: "A\u0000B" }) // { firstName: "A\uFFFDB" }
 */
export function storable<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.replace(unstorable, "\ufffd");
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), clean(v)]));
  return value;
}
