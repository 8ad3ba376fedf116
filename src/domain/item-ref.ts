/**
 * The ref Tandem leaves on what it writes to an external system (a customer, a note, a wish):
 * `tandem:<hub id>`. It lets Tandem recognise its own record later, even when the answer to the
 * write was lost. `itemRef` writes one and `parseItemRef` is the one place that reads one.
 */
export type ItemRef = `tandem:${number}`;

export const itemRef = (hubId: number | string): ItemRef => `tandem:${Number(hubId)}`;

/** The hub id a ref names, or undefined when the ref is absent or not one of ours. */
export function parseItemRef(ref: string | null | undefined): number | undefined {
  const id = /^tandem:([1-9]\d*)$/.exec(ref ?? "")?.[1];
  return id === undefined ? undefined : Number(id);
}
