import type { PreparedRecord } from "./match-record.ts";
import { soundex } from "./string-similarity.ts";

/**
 * The keys under which a record meets its candidates: only records that share a key are ever
 * compared, so matching is near-linear instead of all pairs. Every key needs one strong value
 * (a mailbox, a phone, a birth date, a house) or a postcode with a name's sound: a pair that
 * shares nothing of these has no evidence beyond a name, and a name alone never makes a
 * suggestion (different people share names). Both names are keyed under the postcode, so a pair
 * with first and last name swapped still meets.
 */
export function blockingKeys(r: PreparedRecord): string[] {
  const keys: string[] = [];
  for (const e of r.emails) keys.push(`e:${e}`);
  for (const p of r.phones) keys.push(`p:${p}`);
  if (r.birthDate !== null) keys.push(`b:${r.birthDate}`);
  for (const a of r.addresses) {
    if (a.number !== "" && a.postcode !== "") keys.push(`a:${a.postcode}|${a.number}`);
    if (a.number !== "" && a.street !== "")
      keys.push(`s:${a.number}|${soundex(a.street.replace(/[^a-z]/g, "")) || a.street}`);
  }
  const sounds = new Set<string>();
  if (r.name.surname !== "") sounds.add(soundex(r.name.surname));
  if (r.name.givenAsSurname !== "") sounds.add(soundex(r.name.givenAsSurname));
  for (const z of r.postcodes) for (const s of sounds) keys.push(`z:${z}|${s}`);
  // a town or an area code with the whole name: a customer who moved within the town, or whose
  // record holds a phone on one side and nothing else in common on the other
  if (r.name.given !== "" && r.name.surname !== "") {
    const name = `${r.name.given[0]}|${soundex(r.name.surname)}`;
    for (const t of new Set([...r.towns, ...r.phoneTowns])) keys.push(`t:${t}|${name}`);
    for (const c of r.areaCodes) keys.push(`c:${c}|${name}`);
  }
  return keys;
}
