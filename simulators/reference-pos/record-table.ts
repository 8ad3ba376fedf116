/** Seeded records a table can build on demand (see scale-seed.ts): index <-> id, and the record. */
export interface SeededRange<T> {
  count: number;
  /** version of index 0; index i has version firstVersion + i until it is changed */
  firstVersion: number;
  idAt(i: number): string;
  indexOf(id: string): number | undefined;
  make(i: number): T;
}

/**
 * One kind of record of the reference POS (customers, sales, inventory): the records written or
 * changed since the store was seeded, in a map, over seeded records built on demand. Reading is
 * O(1) by id and O(page) by version: `touched` appends each new version to a version-ordered log
 * (versions only grow, so appending keeps it sorted and a binary search finds a cursor), and a
 * feed page merges that log with the seeded versions. An entry of the log whose record has moved
 * on to a newer version is stale and skipped.
 */
export class RecordTable<T extends { id: string; version: number }> {
  private readonly written = new Map<string, T>();
  private readonly logVersions: number[] = [];
  private readonly logIds: string[] = [];
  private seeded: SeededRange<T> | undefined;

  seed(range: SeededRange<T>) {
    this.seeded = range;
  }

  /** The record to change: a seeded one is kept from now on. */
  get(id: string): T | undefined {
    const hit = this.written.get(id);
    if (hit || !this.seeded) return hit;
    const i = this.seeded.indexOf(id);
    if (i === undefined) return undefined;
    const made = this.seeded.make(i);
    this.written.set(id, made);
    return made;
  }

  /** The record to read (not kept). */
  peek(id: string): T | undefined {
    const hit = this.written.get(id);
    if (hit || !this.seeded) return hit;
    const i = this.seeded.indexOf(id);
    return i === undefined ? undefined : this.seeded.make(i);
  }

  has(id: string): boolean {
    return this.written.has(id) || this.seeded?.indexOf(id) !== undefined;
  }

  set(id: string, record: T) {
    this.written.set(id, record);
  }

  get size(): number {
    let extra = 0;
    if (this.seeded)
      for (const id of this.written.keys()) if (this.seeded.indexOf(id) === undefined) extra++;
    return (this.seeded?.count ?? 0) + (this.seeded ? extra : this.written.size);
  }

  /** Every record: the seeded ones in index order, then the others (O(store): staff views, saving). */
  *values(): IterableIterator<T> {
    const seeded = this.seeded;
    if (seeded) for (let i = 0; i < seeded.count; i++) yield this.peek(seeded.idAt(i))!;
    for (const [id, record] of this.written) if (seeded?.indexOf(id) === undefined) yield record;
  }

  /** The records written or changed since seeding (what a save keeps). */
  writtenValues(): T[] {
    return [...this.written.values()];
  }

  /** Records `record`'s new version in the version log (call after each version change). */
  touched(record: T) {
    const last = this.logVersions.at(-1);
    if (last !== undefined && record.version <= last) return this.rebuildLog(record);
    this.logVersions.push(record.version);
    this.logIds.push(record.id);
  }

  /** After a load: the log from the written records, in version order. */
  rebuildLog(extra?: T) {
    if (extra) this.written.set(extra.id, extra);
    const all = [...this.written.values()].sort((a, b) => a.version - b.version);
    this.logVersions.length = 0;
    this.logIds.length = 0;
    for (const r of all) {
      this.logVersions.push(r.version);
      this.logIds.push(r.id);
    }
  }

  /** Records whose current version is after `after`, in version order, at most `limit`. */
  after(after: number, limit: number): T[] {
    const out: T[] = [];
    // first log entry with a version > after
    let lo = 0;
    let hi = this.logVersions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.logVersions[mid]! <= after) lo = mid + 1;
      else hi = mid;
    }
    let li = lo;
    const seeded = this.seeded;
    const seededEnd = seeded ? seeded.firstVersion + seeded.count : 0;
    let sv = seeded ? Math.max(after + 1, seeded.firstVersion) : Infinity;
    while (out.length < limit) {
      const lv = li < this.logVersions.length ? this.logVersions[li]! : Infinity;
      const next = sv < seededEnd ? sv : Infinity;
      if (lv === Infinity && next === Infinity) break;
      if (lv < next) {
        const record = this.written.get(this.logIds[li]!);
        if (record && record.version === lv) out.push(record);
        li++;
      } else {
        const record = this.peek(seeded!.idAt(next - seeded!.firstVersion))!;
        if (record.version === next) out.push(record);
        sv++;
      }
    }
    return out;
  }
}
