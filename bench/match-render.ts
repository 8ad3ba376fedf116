// W3: how the generator's people become records on each side, with the faults of real data.
// See bench/match-generator.ts.
import type { MatchRecord } from "../src/domain/matching/match-record.ts";
import { accented } from "./match-names.ts";

export interface Home {
  town: string;
  state: string;
  zip: string;
  number: number;
  direction: string;
  street: string;
  type: readonly [string, string];
  unit: string;
}

export interface Household {
  home: Home;
  areaCode: number;
  landline: string | null;
  email: string | null;
}

export interface Person {
  gender: "m" | "f";
  first: string;
  last: string;
  /** "Jr" for a son named after his father, written on some of his records */
  suffix: string;
  birthDate: string;
  mobile: string | null;
  email: string | null;
  household: Household;
  /** both sides show the birth date (namesakes in one town: only the birth date tells them apart) */
  showBirthDate: boolean;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** what each side holds of a customer: a CRM more than a POS */
export const presence = {
  hub: { email: 0.9, phone: 0.88, address: 0.8, birthDate: 0.5 },
  external: { email: 0.75, phone: 0.9, address: 0.7, birthDate: 0.4 },
};

/** What one side's record of a shared person gets wrong or holds differently. */
export interface SideFaults {
  nickname?: string;
  initial?: boolean;
  middle?: string;
  firstTypo?: boolean;
  lastTypo?: boolean;
  swapped?: boolean;
  newLast?: string;
  newEmail?: string;
  newPhone?: string;
  home?: Home;
  streetTypo?: boolean;
  birthTypo?: boolean;
}

export interface Makers {
  nicknames: Record<string, string[]>;
  surname(): string;
  middleName(gender: "m" | "f"): string;
  phoneIn(areaCode: number): string;
  personalEmail(first: string, last: string, born: string): string;
  newHome(near: Home): Home;
}

/** The faults of one shared person's two records, chosen by the rates below, tallied by name. */
export function faultsFor(
  rng: Rng,
  p: Person,
  tally: (fault: string) => void,
  make: Makers,
): { hub: SideFaults; external: SideFaults } {
  const hub: SideFaults = {};
  const external: SideFaults = {};
  // names are mistyped mostly at the till; contact details go stale on either side
  const nameSide = () => (rng.chance(0.7) ? external : hub);
  const eitherSide = () => (rng.chance(0.5) ? external : hub);
  const fault = (rate: number, name: string, apply: () => void) => {
    if (!rng.chance(rate)) return;
    apply();
    tally(name);
  };
  const nicks = make.nicknames[p.first];
  if (nicks !== undefined)
    fault(0.15, "nickname for the first name", () => (nameSide().nickname = rng.pick(nicks)));
  fault(0.03, "first name as an initial", () => (nameSide().initial = true));
  fault(0.03, "middle name added", () => (nameSide().middle = make.middleName(p.gender)));
  fault(0.04, "typo in the first name", () => (nameSide().firstTypo = true));
  fault(0.05, "typo in the last name", () => (nameSide().lastTypo = true));
  fault(0.02, "first and last name swapped", () => (nameSide().swapped = true));
  if (p.gender === "f")
    fault(0.04, "last name changed (marriage)", () => (eitherSide().newLast = make.surname()));
  fault(0.1, "a different email on one side", () => {
    eitherSide().newEmail = make.personalEmail(p.first, p.last, p.birthDate);
  });
  fault(
    0.08,
    "a different phone on one side",
    () => (eitherSide().newPhone = make.phoneIn(p.household.areaCode)),
  );
  fault(
    0.1,
    "moved house (a different address on one side)",
    () => (eitherSide().home = make.newHome(p.household.home)),
  );
  fault(0.03, "typo in the street name", () => (nameSide().streetTypo = true));
  fault(0.01, "typo in the birth date", () => (nameSide().birthTypo = true));
  return { hub, external };
}

const keyboardNeighbours: Record<string, string> = {
  a: "sq",
  b: "vn",
  c: "xv",
  d: "sf",
  e: "wr",
  f: "dg",
  g: "fh",
  h: "gj",
  i: "uo",
  j: "hk",
  k: "jl",
  l: "k",
  m: "n",
  n: "bm",
  o: "ip",
  p: "o",
  q: "w",
  r: "et",
  s: "ad",
  t: "ry",
  u: "yi",
  v: "cb",
  w: "qe",
  x: "zc",
  y: "tu",
  z: "x",
};

/** one keying error: a neighbouring key, a dropped, doubled or swapped letter (rarely the first) */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const i = rng.chance(0.1) ? 0 : 1 + rng.int(word.length - 1);
  const ch = word[i]!;
  switch (rng.int(4)) {
    case 0: {
      const near = keyboardNeighbours[ch.toLowerCase()] ?? ch;
      const sub = near[rng.int(near.length)]!;
      return (
        word.slice(0, i) + (ch === ch.toUpperCase() ? sub.toUpperCase() : sub) + word.slice(i + 1)
      );
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2)
        : word.slice(0, i - 1) + ch + word[i - 1];
  }
}

const withAccent = (rng: Rng, name: string, rate: number) =>
  accented[name] !== undefined && rng.chance(rate) ? accented[name]! : name;

function phoneText(rng: Rng, digits: string): string {
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return rng.pick([
    `(${a}) ${b}-${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    digits,
    `+1 ${a} ${b} ${c}`,
    `1-${a}-${b}-${c}`,
  ]);
}

function addressText(rng: Rng, h: Home, streetTypo: boolean): string {
  const short = rng.chance(0.5);
  const street = streetTypo ? typo(rng, h.street) : h.street;
  const dir =
    h.direction === ""
      ? ""
      : `${short ? h.direction : { N: "North", S: "South", E: "East", W: "West" }[h.direction]} `;
  const type = short ? `${h.type[1]}${rng.chance(0.3) ? "." : ""}` : h.type[0];
  const unit =
    h.unit === ""
      ? ""
      : rng.pick([`, Apt ${h.unit}`, ` #${h.unit}`, `, Unit ${h.unit}`, ` Apt. ${h.unit}`]);
  const zip = rng.chance(0.08) ? "" : ` ${h.zip}`;
  const text = `${h.number} ${dir}${street} ${type}${unit}, ${h.town}, ${h.state}${zip}`;
  return rng.chance(0.05) ? text.toUpperCase() : text;
}

function birthTypo(rng: Rng, date: string): string {
  const [y, m, d] = date.split("-") as [string, string, string];
  if (Number(d) <= 12 && m !== d && rng.chance(0.5)) return `${y}-${d}-${m}`;
  return `${y}-${m}-${String(((Number(d) + 1 + rng.int(8)) % 28) + 1).padStart(2, "0")}`;
}

export function render(
  rng: Rng,
  p: Person,
  side: "hub" | "external",
  id: string,
  f: SideFaults,
): MatchRecord {
  const has = presence[side];
  let first = withAccent(rng, f.nickname ?? p.first, side === "hub" ? 0.6 : 0.2);
  if (f.firstTypo) first = typo(rng, first);
  if (f.initial) first = `${first[0]}${rng.chance(0.5) ? "." : ""}`;
  if (f.middle !== undefined) first = `${first} ${f.middle}`;
  let last = withAccent(rng, f.newLast ?? p.last, side === "hub" ? 0.6 : 0.2);
  if (f.lastTypo) last = typo(rng, last);
  if (p.suffix !== "" && rng.chance(0.5)) last = `${last} ${p.suffix}.`;
  if (f.swapped) [first, last] = [last, first];
  const shout = rng.next();
  if (shout < 0.08) [first, last] = [first.toUpperCase(), last.toUpperCase()];
  else if (shout < 0.11) [first, last] = [first.toLowerCase(), last.toLowerCase()];

  const emails: string[] = [];
  const email = f.newEmail ?? p.email;
  if (email !== null && rng.chance(has.email)) {
    const [local, domain] = email.split("@") as [string, string];
    const cased = rng.chance(0.1)
      ? `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`
      : email;
    emails.push(rng.chance(0.02) ? cased.replace("@", "+shop@") : cased);
  }
  const phones: string[] = [];
  const primary = f.newPhone ?? p.mobile ?? p.household.landline;
  if (primary !== null && rng.chance(has.phone)) {
    phones.push(phoneText(rng, primary));
    const landline = p.household.landline;
    if (landline !== null && landline !== primary && rng.chance(0.3))
      phones.push(phoneText(rng, landline));
  }
  const addresses: string[] = [];
  if (rng.chance(has.address))
    addresses.push(addressText(rng, f.home ?? p.household.home, f.streetTypo === true));
  const showBirth = p.showBirthDate || rng.chance(has.birthDate);
  return {
    id,
    customerNumber: String(100000 + rng.int(900000)),
    firstName: first,
    lastName: last,
    emails,
    phones,
    addresses,
    birthDate: showBirth ? (f.birthTypo ? birthTypo(rng, p.birthDate) : p.birthDate) : null,
  };
}

/** Whether a true pair shares anything but a name (checked crudely, independent of the matcher). */
export function sharesEvidence(h: MatchRecord, x: MatchRecord): boolean {
  const lower = (xs: string[]) => xs.map((v) => v.toLowerCase().replace("+shop", ""));
  const digits = (xs: string[]) => xs.map((v) => v.replace(/\D/g, "").slice(-10));
  const house = (xs: string[]) => xs.map((v) => `${v.split(" ")[0]}|${v.slice(-5)}`);
  const meet = (a: string[], b: string[]) => a.some((v) => b.includes(v));
  return (
    meet(lower(h.emails), lower(x.emails)) ||
    meet(digits(h.phones), digits(x.phones)) ||
    meet(house(h.addresses), house(x.addresses)) ||
    (h.birthDate !== null && h.birthDate === x.birthDate)
  );
}
