// Common English given-name variants: nickname -> the formal names it stands for. A short table on
// purpose (a few dozen of the most frequent pairs in US/UK customer lists); a nickname that stands
// for several names (Chris, Alex, Sam, Pat) lists them all, and two first names are compatible when
// their formal names meet.
const entries: Record<string, string[]> = {
  abby: ["abigail"],
  al: ["albert", "alan", "alfred"],
  alex: ["alexander", "alexandra"],
  andy: ["andrew"],
  drew: ["andrew"],
  barb: ["barbara"],
  becky: ["rebecca"],
  ben: ["benjamin"],
  beth: ["elizabeth"],
  betty: ["elizabeth"],
  bill: ["william"],
  billy: ["william"],
  bob: ["robert"],
  bobby: ["robert"],
  cathy: ["catherine", "katherine"],
  charlie: ["charles"],
  chuck: ["charles"],
  chris: ["christopher", "christine", "christina"],
  cindy: ["cynthia"],
  dan: ["daniel"],
  danny: ["daniel"],
  dave: ["david"],
  deb: ["deborah"],
  debbie: ["deborah"],
  dick: ["richard"],
  don: ["donald"],
  ed: ["edward"],
  eddie: ["edward"],
  fred: ["frederick"],
  greg: ["gregory"],
  hank: ["henry"],
  harry: ["henry", "harold"],
  jack: ["john"],
  jake: ["jacob"],
  jamie: ["james"],
  jeff: ["jeffrey"],
  jen: ["jennifer"],
  jenny: ["jennifer"],
  jess: ["jessica"],
  jim: ["james"],
  jimmy: ["james"],
  joe: ["joseph"],
  joey: ["joseph"],
  johnny: ["john"],
  jon: ["john", "jonathan"],
  josh: ["joshua"],
  kate: ["katherine", "catherine", "kathleen"],
  kathy: ["katherine", "kathleen"],
  katie: ["katherine", "kathleen"],
  ken: ["kenneth"],
  larry: ["lawrence"],
  liz: ["elizabeth"],
  lizzie: ["elizabeth"],
  maggie: ["margaret"],
  mandy: ["amanda"],
  matt: ["matthew"],
  meg: ["margaret"],
  mike: ["michael"],
  mikey: ["michael"],
  nate: ["nathan", "nathaniel"],
  nick: ["nicholas"],
  pam: ["pamela"],
  pat: ["patricia", "patrick"],
  patty: ["patricia"],
  peggy: ["margaret"],
  rich: ["richard"],
  rick: ["richard"],
  rob: ["robert"],
  ron: ["ronald"],
  sam: ["samuel", "samantha"],
  sandy: ["sandra"],
  steve: ["steven", "stephen"],
  sue: ["susan"],
  susie: ["susan"],
  ted: ["edward", "theodore"],
  tim: ["timothy"],
  tom: ["thomas"],
  tommy: ["thomas"],
  tony: ["anthony"],
  vicky: ["victoria"],
  will: ["william"],
  zach: ["zachary"],
  kenny: ["kenneth"],
  mickey: ["michael"],
  molly: ["mary"],
  polly: ["mary"],
  ned: ["edward"],
  ronnie: ["ronald"],
  sally: ["sarah"],
  trish: ["patricia"],
  chaz: ["charles"],
  kit: ["christopher", "katherine"],
  hal: ["henry", "harold"],
  tori: ["victoria"],
  becca: ["rebecca"],
  tina: ["christina"],
  gabe: ["gabriel"],
  bert: ["albert", "robert"],
};

// a Map, not the object: a customer called "Constructor" or "Valueof" must not find Object's own
// properties (R9.1)
const table = new Map(Object.entries(entries));

/**
 * The formal names a given name may stand for, itself included: `formalNames("bob")` is
 * ["bob", "robert"]. The table's names are made once (the matcher asks hundreds of thousands of
 * times), so the arrays it gets must not be changed.
 */
export function formalNames(first: string): readonly string[] {
  return formalOf.get(first) ?? [first];
}
const formalOf = new Map([...table].map(([nick, names]) => [nick, [nick, ...names]]));

const variantsByFormal = new Map<string, string[]>();
for (const [nick, names] of table)
  for (const name of names)
    variantsByFormal.set(name, [...(variantsByFormal.get(name) ?? []), nick]);

/**
 * Every spelling the table holds for the person a given name may be: its formal names and their
 * nicknames, itself included. `nameVariants("bob")` is ["bob", "robert", "bobby", "rob", "bert", ...].
 * Made once per name, like formalNames.
 */
export function nameVariants(first: string): readonly string[] {
  if (!isKnownName(first)) return [first];
  let variants = variantsOf.get(first);
  if (variants === undefined) {
    const out = new Set<string>();
    for (const formal of formalNames(first)) {
      out.add(formal);
      for (const nick of variantsByFormal.get(formal) ?? []) out.add(nick);
    }
    // only the table's names are kept, so the cache stays as small as the table
    variantsOf.set(first, (variants = [...out]));
  }
  return variants;
}
const variantsOf = new Map<string, string[]>();

/** Whether a given name is in the table, as a nickname or as a formal name. */
export function isKnownName(first: string): boolean {
  return table.has(first) || variantsByFormal.has(first);
}

/** The nickname table as pairs, for the benchmark's generator (nickname, formal name). */
export const nicknamePairs: ReadonlyArray<readonly [string, string]> = [...table].flatMap(
  ([nick, names]) => names.map((name) => [nick, name] as const),
);
