import { blockingKeys } from "./blocking-keys.ts";
import type { PreparedRecord } from "./match-record.ts";

/**
 * The external records under each blocking key, as linked lists in flat arrays, and each hub
 * record's keys as block numbers: a store's import makes over a million keys, and a small array
 * for each would cost more than the matching.
 */
export interface BlockIndex {
  /** per block: how many external records, and its first entry (-1 when none) */
  size: Int32Array;
  first: Int32Array;
  /** per entry: its external record and the block's next entry (-1 at the end) */
  record: Int32Array;
  next: Int32Array;
  /** hub record i's blocks, in the order of its keys, are hubBlock[hubStart[i] .. hubStart[i + 1]) */
  hubStart: Int32Array;
  hubBlock: Int32Array;
}

/**
 * Blocks of both sides at once. Why not a Map from key to block: at a million keys its lookups,
 * each a few cache misses, were a sixth of the matcher's time. Here each key is hashed, the
 * hashes are sorted as numbers, and equal keys are found side by side; keys of one hash are
 * compared as text, so two keys that share a hash never share a block.
 */
export function blockIndex(hub: PreparedRecord[], external: PreparedRecord[]): BlockIndex {
  const texts: string[] = [];
  const owner: number[] = [];
  for (let j = 0; j < external.length; j++)
    for (const key of blockingKeys(external[j]!)) {
      texts.push(key);
      owner.push(j);
    }
  const externalKeys = texts.length;
  const hubStart = new Int32Array(hub.length + 1);
  for (let i = 0; i < hub.length; i++) {
    hubStart[i] = texts.length - externalKeys;
    for (const key of blockingKeys(hub[i]!)) texts.push(key);
  }
  hubStart[hub.length] = texts.length - externalKeys;

  const blockOf = blocksByText(texts);
  const blocks = texts.length;
  const size = new Int32Array(blocks);
  const first = new Int32Array(blocks).fill(-1);
  const record = new Int32Array(externalKeys);
  const next = new Int32Array(externalKeys);
  let used = 0;
  for (let k = 0; k < externalKeys; k++) {
    const block = blockOf[k]!;
    const j = owner[k]!;
    // a record holding one key twice (two phones in one area code) is listed once
    if (first[block]! >= 0 && record[first[block]!] === j) continue;
    record[used] = j;
    next[used] = first[block]!;
    first[block] = used++;
    size[block]!++;
  }
  return { size, first, record, next, hubStart, hubBlock: blockOf.subarray(externalKeys) };
}

/** A number for each distinct text, the same for equal texts (block numbers of keys). */
function blocksByText(texts: string[]): Int32Array {
  const n = texts.length;
  // each key's hash and its place, packed in one float so a plain numeric sort orders them
  const placeBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - placeBits);
  const places = 2 ** placeBits;
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = (hash32(texts[k]!) >>> (32 - hashBits)) * places + k;
  packed.sort();
  const blockOf = new Int32Array(n);
  let blocks = 0;
  let start = 0;
  while (start < n) {
    const hash = Math.floor(packed[start]! / places);
    let end = start + 1;
    while (end < n && Math.floor(packed[end]! / places) === hash) end++;
    // nearly always one text per hash; when two texts share one, each gets its own block
    const head = packed[start]! - hash * places;
    const headText = texts[head]!;
    blockOf[head] = blocks++;
    let others: Map<string, number> | undefined;
    for (let s = start + 1; s < end; s++) {
      const k = packed[s]! - hash * places;
      const text = texts[k]!;
      if (text === headText) {
        blockOf[k] = blockOf[head]!;
        continue;
      }
      others ??= new Map();
      let block = others.get(text);
      if (block === undefined) others.set(text, (block = blocks++));
      blockOf[k] = block;
    }
    start = end;
  }
  return blockOf;
}

/** FNV-1a over the text's UTF-16 units: fast, and spreads short keys well enough to sort by. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
