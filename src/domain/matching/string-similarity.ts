// Hand-written on purpose: no string-similarity package is installed, node_modules is shared with
// the main checkout (adding one is a separate decision), and both functions are short, well known
// and easy to test. Jaro-Winkler suits names: it forgives transpositions and rewards a common
// prefix, which is where people rarely mistype.

/** Jaro-Winkler similarity in 0..1 (1 = equal). `jaroWinkler("martha", "marhta")` is 0.961. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] !== 1) continue;
    while (matchedB[j] !== 1) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const soundexCodes: Record<string, string> = {
  b: "1",
  f: "1",
  p: "1",
  v: "1",
  c: "2",
  g: "2",
  j: "2",
  k: "2",
  q: "2",
  s: "2",
  x: "2",
  z: "2",
  d: "3",
  t: "3",
  l: "4",
  m: "5",
  n: "5",
  r: "6",
};

/**
 * American Soundex of a lower-case a-z word ("robert" and "rupert" are both "r163"): a blocking
 * key that survives most one-letter typos after the first letter.
 */
export function soundex(word: string): string {
  if (word.length === 0) return "";
  let out = word[0]!;
  let last = soundexCodes[word[0]!] ?? "";
  for (let i = 1; i < word.length && out.length < 4; i++) {
    const ch = word[i]!;
    const code = soundexCodes[ch];
    if (code === undefined) {
      // h and w do not separate equal codes; vowels do
      if (ch !== "h" && ch !== "w") last = "";
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, "0");
}

// QWERTY neighbours, for telling a slip of the finger from a different name
const rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
function adjacentKeys(x: string, y: string): boolean {
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!.indexOf(x);
    if (i < 0) continue;
    // the rows are staggered: "s" touches "w" and "e" above, "z" and "x" below
    const near = [
      rows[r]![i - 1],
      rows[r]![i + 1],
      rows[r - 1]?.[i],
      rows[r - 1]?.[i + 1],
      rows[r + 1]?.[i - 1],
      rows[r + 1]?.[i],
    ];
    return near.includes(y);
  }
  return false;
}

/**
 * Whether two words are one keying error apart: two letters swapped, a neighbouring key struck,
 * a letter doubled or a doubled letter typed once. Narrower than an edit distance of 1 on purpose:
 * "Mark" and "Mary", "Anna" and "Anne", "Carl" and "Carol" are one edit apart but different
 * people, often in one family, while "Kqren" for "Karen" is a slip.
 */
export function oneKeyingErrorApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return adjacentKeys(a[diffs[0]!]!, b[diffs[0]!]!);
    return (
      diffs.length === 2 &&
      diffs[1] === diffs[0]! + 1 &&
      a[diffs[0]!] === b[diffs[1]!] &&
      a[diffs[1]!] === b[diffs[0]!]
    );
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.slice(i + 1) !== short.slice(i)) return false;
  // the extra letter doubles its neighbour
  return long[i] === long[i - 1] || long[i] === long[i + 1];
}
