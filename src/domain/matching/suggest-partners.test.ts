import { describe, expect, it } from "vitest";
import type { MatchRecord } from "./match-record.ts";
import { suggestPartners } from "./suggest-partners.ts";

const options = { threshold: 0.9, country: "US" };
let next = 0;
const record = (fields: Partial<MatchRecord>): MatchRecord => ({
  id: `r${++next}`,
  customerNumber: null,
  firstName: "",
  lastName: "",
  emails: [],
  phones: [],
  addresses: [],
  birthDate: null,
  ...fields,
});

describe("partner suggestions (S8)", () => {
  it("S8: the same phone written in different formats matches, with the reason 'same phone'", () => {
    const hub = record({
      id: "h1",
      firstName: "Maria",
      lastName: "Okafor",
      phones: ["+1 (212) 555-0147"],
    });
    const pos = record({
      id: "x1",
      firstName: "Maria",
      lastName: "Okafor",
      phones: ["212.555.0147"],
    });
    const [s, ...rest] = suggestPartners([hub], [pos], options);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ hubId: "h1", externalId: "x1" });
    expect(s!.reasons).toContain("same phone");
    expect(s!.score).toBeGreaterThanOrEqual(0.9);
  });

  it("S8: a nickname with first and last name swapped matches, and says so", () => {
    const hub = record({
      id: "h1",
      firstName: "Robert",
      lastName: "Lindqvist",
      emails: ["rl@example.com"],
    });
    const pos = record({
      id: "x1",
      firstName: "LINDQVIST",
      lastName: "Bob",
      emails: ["RL@example.com "],
    });
    const [s] = suggestPartners([hub], [pos], options);
    expect(s).toMatchObject({ hubId: "h1", externalId: "x1" });
    expect(s!.reasons).toEqual(
      expect.arrayContaining(["same email", "Robert = Bob", "first and last name swapped"]),
    );
  });

  it("S8: a family sharing an email, phone and address but with different first names is not suggested", () => {
    const home = "14 Elm Street, Apt 2, Springfield, IL 62704";
    const hub = record({
      firstName: "Mark",
      lastName: "Brennan",
      emails: ["brennans@example.com"],
      phones: ["217-555-0199"],
      addresses: [home],
    });
    const pos = record({
      firstName: "Mary",
      lastName: "Brennan",
      emails: ["brennans@example.com"],
      phones: ["(217) 555-0199"],
      addresses: ["14 Elm St #2, Springfield IL 62704"],
    });
    expect(suggestPartners([hub], [pos], options)).toEqual([]);
  });

  it("S8: nothing below the threshold is suggested", () => {
    // the same first name in one postcode, different last names: weak evidence, scored low
    const hub = record({
      firstName: "Maria",
      lastName: "Okafor",
      addresses: ["3 Oak Rd, Springfield, IL 62704"],
    });
    const pos = record({
      firstName: "Maria",
      lastName: "Lindqvist",
      addresses: ["90 Pine Ave, Springfield, IL 62704"],
    });
    const loose = suggestPartners([hub], [pos], { ...options, threshold: 0.05 });
    expect(loose.map((s) => [s.hubId, s.externalId])).toEqual([[hub.id, pos.id]]);
    expect(loose[0]!.score).toBeLessThan(0.9);
    expect(loose[0]!.reasons).toEqual(["same first name", "same postcode", "different last names"]);
    expect(suggestPartners([hub], [pos], options)).toEqual([]);
  });

  it("S8: each customer is suggested for at most one partner, and a close runner-up suggests none", () => {
    // two POS records of one person (a duplicate at the till): either could be the partner
    const hub = record({ id: "h1", firstName: "Ines", lastName: "Varga", birthDate: "1971-03-02" });
    const twice = [
      record({ id: "x1", firstName: "Ines", lastName: "Varga", birthDate: "1971-03-02" }),
      record({ id: "x2", firstName: "Inés", lastName: "Varga", birthDate: "1971-03-02" }),
    ];
    expect(suggestPartners([hub], twice, options)).toEqual([]);
    // two hub candidates for one POS record: only the clearly better one is suggested
    const pos = record({
      id: "x3",
      firstName: "Ines",
      lastName: "Varga",
      birthDate: "1971-03-02",
      emails: ["ines.varga@example.com"],
      phones: ["217-555-0101"],
    });
    const best = { ...hub, emails: ["ines.varga@example.com"], phones: ["2175550101"] };
    const weaker = { ...hub, id: "h2" };
    const s = suggestPartners([best, weaker], [pos], options);
    expect(s.map((x) => [x.hubId, x.externalId])).toEqual([["h1", "x3"]]);
  });
});
