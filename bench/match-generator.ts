// W3's labelled set (issue 9, "Matching"): N hub customers and N external customers, 70% of them
// the same people written differently, the rest other people, among them the ones a matcher gets
// wrong in real store data: namesakes, family members sharing an email, phone or address, a son
// named after his father. Seeded, so every run compares the same set.
//
// The fault rates are set from what store data looks like, before the matcher was run on it, and
// not changed to suit it: a CRM holds more of a customer than a POS does, people move, change
// phone and email, are keyed in by hand with typos and nicknames. Its nickname list is its own,
// not the matcher's, and holds some the matcher does not know.
import type { MatchRecord } from "../src/domain/matching/match-record.ts";
import {
  faultsFor,
  render,
  sharesEvidence,
  type Home,
  type Household,
  type Makers,
  type Person,
  type Rng,
} from "./match-render.ts";
import {
  emailDomains,
  femaleNames,
  maleNames,
  states,
  streetNames,
  streetTypes,
  tailSyllables,
  topSurnames,
  townParts,
} from "./match-names.ts";

export interface MatchSet {
  hub: MatchRecord[];
  external: MatchRecord[];
  /** the true pairs: hub id -> external id */
  truth: Map<string, string>;
  /** how many true pairs carry each fault, and the hard negatives made */
  faults: Record<string, number>;
}

/** the generator's own nickname list (formal -> nicknames) */
// prettier-ignore
const nicknames: Record<string, string[]> = {
  Robert: ["Bob", "Rob", "Bobby"], William: ["Bill", "Will", "Billy"], James: ["Jim", "Jimmy", "Jamie"],
  John: ["Jack", "Johnny"], Michael: ["Mike", "Mickey"], Richard: ["Rick", "Dick", "Rich"],
  Joseph: ["Joe", "Joey"], Thomas: ["Tom", "Tommy"], Charles: ["Charlie", "Chuck", "Chaz"],
  Christopher: ["Chris", "Kit"], Daniel: ["Dan", "Danny"], Matthew: ["Matt"], Anthony: ["Tony"],
  Donald: ["Don"], Steven: ["Steve"], Andrew: ["Andy", "Drew"], Joshua: ["Josh"], Kenneth: ["Ken", "Kenny"],
  Timothy: ["Tim"], Ronald: ["Ron", "Ronnie"], Edward: ["Ed", "Eddie", "Ned"], Jeffrey: ["Jeff"],
  Nicholas: ["Nick"], Jonathan: ["Jon"], Lawrence: ["Larry"], Benjamin: ["Ben"], Samuel: ["Sam"],
  Gregory: ["Greg"], Alexander: ["Alex"], Patrick: ["Pat"], Henry: ["Hank", "Hal"], Zachary: ["Zach"],
  Elizabeth: ["Liz", "Beth", "Betty", "Lizzie"], Patricia: ["Pat", "Patty", "Trish"],
  Jennifer: ["Jen", "Jenny"], Margaret: ["Maggie", "Peggy", "Meg"], Susan: ["Sue", "Susie"],
  Jessica: ["Jess"], Deborah: ["Deb", "Debbie"], Rebecca: ["Becky"], Pamela: ["Pam"],
  Katherine: ["Kate", "Katie", "Kathy"], Catherine: ["Cathy", "Kate"], Kathleen: ["Kathy", "Kate"],
  Samantha: ["Sam"], Victoria: ["Vicky", "Tori"], Amanda: ["Mandy"], Cynthia: ["Cindy"],
  Barbara: ["Barb"], Sandra: ["Sandy"], Mary: ["Molly", "Polly"], Sarah: ["Sally"], Abigail: ["Abby"],
};

/** mulberry32: small, fast and good enough for test data */
function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

function weighted<T>(items: ReadonlyArray<readonly [T, number]>) {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) cumulative.push((total += w));
  return (rng: Rng): T => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}

export function generateMatchSet(n: number, seed = 9): MatchSet {
  const rng = seeded(seed);
  const faults: Record<string, number> = {};
  const tally = (fault: string) => (faults[fault] = (faults[fault] ?? 0) + 1);

  // places: towns of Zipf-like sizes, each with a few ZIP codes and its own streets
  const towns = Array.from({ length: Math.max(40, Math.round(n / 250)) }, (_, i) => ({
    name: `${rng.pick(townParts.start)}${rng.pick(townParts.end)}`,
    state: rng.pick(states),
    areaCode: 201 + ((i * 7) % 780),
    zips: Array.from({ length: 1 + rng.int(6) }, () => String(10000 + rng.int(89999))),
    streets: Array.from(
      { length: 30 },
      () => [rng.pick(streetNames), rng.pick(streetTypes)] as const,
    ),
  }));
  const town = weighted(towns.map((t, i) => [t, 1 / Math.pow(i + 1, 0.8)] as const));
  const newHome = (near?: Home): Home => {
    const t =
      near !== undefined && rng.chance(0.5) ? towns.find((x) => x.name === near.town)! : town(rng);
    const [street, type] = rng.pick(t.streets);
    return {
      town: t.name,
      state: t.state,
      zip: rng.pick(t.zips),
      number: 1 + Math.floor(Math.pow(rng.next(), 2) * 9999),
      direction: rng.chance(0.1) ? rng.pick(["N", "S", "E", "W"]) : "",
      street,
      type,
      unit: rng.chance(0.2) ? String(1 + rng.int(40)) : "",
    };
  };

  // names: the census top 100 (18%), a middle band, and a long tail of rare names
  const tailName = () =>
    `${rng.pick(tailSyllables.start)}${rng.pick(tailSyllables.middle)}${rng.chance(0.5) ? rng.pick(tailSyllables.middle) : ""}${rng.pick(tailSyllables.end)}`;
  const middleBand = Array.from({ length: 2000 }, (_, i) => [tailName(), 1 / (i + 20)] as const);
  const top = weighted(topSurnames);
  const middle = weighted(middleBand);
  const surname = () => {
    const r = rng.next();
    return r < 0.18 ? top(rng) : r < 0.45 ? middle(rng) : tailName();
  };
  // the lists hold the most common given names, about 60% of people in real lists: the rest get
  // one of a long tail of rarer names, so James is about 3% of men as in the SSA figures, not 10%
  const tailGiven = (endings: string[]) =>
    Array.from(
      { length: 300 },
      (_, i) =>
        `${tailSyllables.start[i % tailSyllables.start.length]}${endings[i % endings.length]}`,
    );
  const maleTail = tailGiven(["ion", "an", "o", "er", "ard", "us", "ek", "im"]);
  const femaleTail = tailGiven(["ina", "a", "elle", "ette", "ia", "ene", "ara", "is"]);
  const maleTop = weighted(maleNames);
  const femaleTop = weighted(femaleNames);
  const male = (r: Rng) => (r.chance(0.6) ? maleTop(r) : r.pick(maleTail));
  const female = (r: Rng) => (r.chance(0.6) ? femaleTop(r) : r.pick(femaleTail));

  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const uniqueEmail = (local: string) => {
    const domain = weighted(emailDomains)(rng);
    let candidate = `${local}@${domain}`;
    for (let k = 2; usedEmails.has(candidate); k++)
      candidate = `${local}${k + rng.int(90)}@${domain}`;
    usedEmails.add(candidate);
    return candidate;
  };
  const personalEmail = (first: string, last: string, born: string) => {
    const f = plain(first).toLowerCase();
    const l = plain(last)
      .toLowerCase()
      .replace(/[^a-z]/g, "");
    return uniqueEmail(
      rng.pick([
        `${f}.${l}`,
        `${f[0]}${l}`,
        `${f}${l}${born.slice(2, 4)}`,
        `${f}_${l}`,
        `${l}${f[0]}`,
        `${f}${rng.int(999)}`,
      ]),
    );
  };
  const phoneIn = (areaCode: number) => {
    let p = "";
    do p = `${areaCode}${200 + rng.int(800)}${String(rng.int(10000)).padStart(4, "0")}`;
    while (usedPhones.has(p));
    usedPhones.add(p);
    return p;
  };
  const birthDate = (from: number, to: number) =>
    `${from + rng.int(to - from + 1)}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`;

  // households: people live together, share an address, sometimes a landline or an email
  const people: Person[] = [];
  const target = Math.ceil(1.3 * n);
  while (people.length < target) {
    const home = newHome();
    const t = towns.find((x) => x.name === home.town)!;
    const family = surname();
    const household: Household = {
      home,
      areaCode: t.areaCode,
      landline: rng.chance(0.35) ? phoneIn(t.areaCode) : null,
      email: rng.chance(0.12) ? uniqueEmail(`${plain(family).toLowerCase()}family`) : null,
    };
    const size = weighted([
      [1, 45],
      [2, 30],
      [3, 13],
      [4, 12],
    ] as const)(rng);
    const members: Person[] = [];
    const person = (
      gender: "m" | "f",
      first: string,
      last: string,
      born: string,
      suffix = "",
    ): Person => {
      const own = rng.chance(0.92) ? personalEmail(first, last, born) : null;
      return {
        gender,
        first,
        last,
        suffix,
        birthDate: born,
        mobile: rng.chance(0.85) ? phoneIn(t.areaCode) : null,
        email:
          household.email !== null && (own === null || rng.chance(0.7)) ? household.email : own,
        household,
        showBirthDate: false,
      };
    };
    // parents rarely give a child the name of another member, except a son his father's (Jr.)
    const taken = new Set<string>();
    const given = (g: "m" | "f") => {
      let name = g === "m" ? male(rng) : female(rng);
      while (taken.has(name)) name = g === "m" ? male(rng) : female(rng);
      taken.add(name);
      return name;
    };
    const g1 = rng.chance(0.5) ? "m" : "f";
    const parent = person(g1, given(g1), family, birthDate(1940, 1985));
    members.push(parent);
    if (size >= 2) {
      const g2 = rng.chance(0.9) ? (g1 === "m" ? "f" : "m") : g1;
      const last = rng.chance(0.75) ? family : surname();
      members.push(person(g2, given(g2), last, birthDate(1940, 1985)));
    }
    for (let c = 2; c < size; c++) {
      const g = rng.chance(0.5) ? "m" : "f";
      const junior = g === "m" && parent.gender === "m" && rng.chance(0.1);
      const first = junior ? parent.first : given(g);
      const born = birthDate(Number(parent.birthDate.slice(0, 4)) + 20, 2006);
      members.push(person(g, first, family, born, junior ? "Jr" : ""));
      if (junior) tally("negative: son named after his father in the household");
    }
    people.push(...members);
  }
  // people are assigned to sides one by one, so a family is often split between the two
  for (let i = people.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [people[i], people[j]] = [people[j]!, people[i]!];
  }
  const shared = people.slice(0, Math.round(0.7 * n));
  const hubOnly = people.slice(shared.length, n);
  const externalOnly = people.slice(n, 2 * n - shared.length);

  // namesakes: 4% of the external-only people take a hub-only person's name; half of them live in
  // the same town (then both records show a birth date, the only thing that tells them apart)
  for (const p of externalOnly) {
    if (!rng.chance(0.04) || hubOnly.length === 0) continue;
    const twin = rng.pick(hubOnly);
    p.first = twin.first;
    p.last = twin.last;
    p.gender = twin.gender;
    if (rng.chance(0.5)) {
      p.household = { ...p.household, home: newHome(twin.household.home) };
      p.household.home.zip = twin.household.home.zip;
      p.household.home.town = twin.household.home.town;
      p.showBirthDate = twin.showBirthDate = true;
      tally("negative: namesake in the same town");
    } else tally("negative: namesake elsewhere");
  }

  const hub: MatchRecord[] = [];
  const external: MatchRecord[] = [];
  const truth = new Map<string, string>();
  const hubIds = shuffledIds(rng, n, "h");
  const externalIds = shuffledIds(rng, n, "x");
  let hi = 0;
  let xi = 0;
  const makers: Makers = {
    nicknames,
    surname,
    middleName: (g) => (g === "m" ? male(rng) : female(rng)),
    phoneIn,
    personalEmail,
    newHome,
  };
  for (const p of shared) {
    const f = faultsFor(rng, p, tally, makers);
    const h = render(rng, p, "hub", hubIds[hi++]!, f.hub);
    const x = render(rng, p, "external", externalIds[xi++]!, f.external);
    hub.push(h);
    external.push(x);
    truth.set(h.id, x.id);
    if (!sharesEvidence(h, x)) tally("shares no email, phone, address or birth date");
  }
  for (const p of hubOnly) hub.push(render(rng, p, "hub", hubIds[hi++]!, {}));
  for (const p of externalOnly) external.push(render(rng, p, "external", externalIds[xi++]!, {}));
  // family members on the other side: the hard negatives a shared contact makes
  const householdsOf = new Map<Household, Person[]>();
  for (const p of [...shared, ...hubOnly])
    householdsOf.set(p.household, [...(householdsOf.get(p.household) ?? []), p]);
  for (const p of externalOnly)
    if ((householdsOf.get(p.household)?.length ?? 0) > 0)
      tally("negative: family member of a hub customer");
  return { hub: order(hub), external: order(external), truth, faults };
}

/** a name without its accents, for email addresses */
const plain = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** ids that say nothing about who is who: h000042 is not x000042's partner */
function shuffledIds(rng: Rng, n: number, prefix: string): string[] {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, "0")}`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

const order = (records: MatchRecord[]) => records.sort((a, b) => (a.id < b.id ? -1 : 1));
