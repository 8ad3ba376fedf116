/**
 * A number for each name spelling of one matching run ("john" -> 17), so that the matcher's
 * comparisons of two names are remembered in arrays indexed by number instead of maps keyed by
 * text: an import compares hundreds of thousands of name pairs, most of them more than once.
 */
export class NameIds {
  private readonly ids = new Map<string, number>();

  of(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.ids.size));
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}
