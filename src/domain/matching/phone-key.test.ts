import { describe, expect, it } from "vitest";
import { normalizePhone } from "../normalize.ts";
import { phoneKey } from "./phone-key.ts";

/** mulberry32, so a failure names a number that can be tried again */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("phone keys for matching (S8)", () => {
  // the plausible bug: a fast path that writes a number differently from normalizePhone (a lost
  // country code, a national 1 kept, an exchange starting 0 or 1 read as valid), so a phone typed
  // one way on the hub and another at the till no longer meets
  it("S8: a phone's key is exactly normalizePhone's result, in every way it is written", () => {
    const next = seeded(8);
    const digit = () => String(Math.floor(next() * 10));
    const formats = [
      (a: string, b: string, c: string) => `(${a}) ${b}-${c}`,
      (a: string, b: string, c: string) => `${a}-${b}-${c}`,
      (a: string, b: string, c: string) => `${a}.${b}.${c}`,
      (a: string, b: string, c: string) => `${a}${b}${c}`,
      (a: string, b: string, c: string) => `+1 ${a} ${b} ${c}`,
      (a: string, b: string, c: string) => `1-${a}-${b}-${c}`,
      (a: string, b: string, c: string) => ` +1 (${a}) ${b}.${c} `,
      (a: string, b: string, c: string) => `${a} ${b} ${c} ext 12`,
      (a: string, b: string, c: string) => `+44 ${a} ${b} ${c}`,
      (a: string, b: string, c: string) => `${a}-${b}-${c.slice(1)}`,
    ];
    for (let k = 0; k < 3000; k++) {
      // any digits, so area codes and exchanges starting 0 or 1 are drawn too
      const a = digit() + digit() + digit();
      const b = digit() + digit() + digit();
      const c = digit() + digit() + digit() + digit();
      const value = formats[k % formats.length]!(a, b, c);
      for (const country of ["US", "CA", "GB"])
        expect([value, country, phoneKey(value, country)]).toEqual([
          value,
          country,
          normalizePhone(value, country),
        ]);
    }
  });
});
