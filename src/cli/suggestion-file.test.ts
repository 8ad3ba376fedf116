import { describe, expect, it } from "vitest";
import { readPairs, suggestionsCsv, type SuggestionRow } from "./suggestion-file.ts";

const rows: SuggestionRow[] = [
  {
    hubId: 12,
    hubNumber: null,
    externalId: "c_000001",
    externalNumber: "10001",
    score: 0.9987,
    reasons: ["same phone", "Bob = Robert", "same town"],
  },
  {
    hubId: 7,
    hubNumber: "H-7",
    externalId: "c_000002",
    externalNumber: "=HYPERLINK(1)",
    score: 0.95,
    reasons: ["same email"],
  },
];

const pairsOf = (text: string) =>
  readPairs("s.csv", text).map((p) => [p.line, p.clientId, p.externalId]);

describe("the suggestions CSV", () => {
  it("S8: what suggest writes, link reads back: a header, one pair a line, reasons in one column", () => {
    const csv = suggestionsCsv(rows);
    expect(csv.split("\n")[0]).toBe("hub_id,hub_number,external_id,external_number,score,reasons");
    expect(csv).toContain("12,,c_000001,10001,0.9987,same phone; Bob = Robert; same town");
    expect(pairsOf(csv)).toEqual([
      [2, 12, "c_000001"],
      [3, 7, "c_000002"],
    ]);
  });

  it("I4: a number a spreadsheet would run as a formula is written as text", () => {
    expect(suggestionsCsv(rows)).toContain(",'=HYPERLINK(1),");
  });

  it("S8: a file saved by a spreadsheet reads too: a BOM, semicolons, CRLF, columns moved or added, blank lines", () => {
    const text = "\uFEFFnote;external_id;score;hub_id\r\nok;c_9;0.97;5\r\n\r\n;c_8;0.96;6\r\n";
    expect(pairsOf(text)).toEqual([
      [2, 5, "c_9"],
      [4, 6, "c_8"],
    ]);
  });

  it("S8: a malformed line is named by its line number and column, before anything is linked", () => {
    const head = "hub_id,external_id\n";
    expect(() => readPairs("s.csv", `${head}12,c_1\nabc,c_2\n`)).toThrow(
      "s.csv line 3, column hub_id: 'abc' is not a hub customer id (a plain decimal integer like 12)",
    );
    expect(() => readPairs("s.csv", `${head}12,c_1\n13,\n`)).toThrow(
      "s.csv line 3, column external_id: empty; give the other system's customer id",
    );
    expect(() => readPairs("s.csv", `${head}12,c_1\n13,"c_2\n`)).toThrow(
      /^s\.csv line 3: not valid CSV: Quote Not Closed/,
    );
    expect(() => readPairs("s.csv", "id,external\n12,c_1\n")).toThrow(
      /^s\.csv line 1: no hub_id column; give the CSV that `tandem partners suggest --format csv` writes/,
    );
  });

  it("S7: a customer paired twice in one file is refused with both lines, on either side", () => {
    const head = "hub_id,external_id\n";
    expect(() => readPairs("s.csv", `${head}12,c_1\n13,c_2\n12,c_3\n`)).toThrow(
      "s.csv line 4, column hub_id: hub customer 12 is paired on line 2 already",
    );
    expect(() => readPairs("s.csv", `${head}12,c_1\n13,c_1\n`)).toThrow(
      "s.csv line 3, column external_id: c_1 is paired on line 2 already",
    );
  });
});
