import { describe, expect, it } from "vitest";
import { blockIndex, type BlockIndex } from "./block-index.ts";
import { prepareRecord, type MatchRecord } from "./match-record.ts";
import { NameIds } from "./name-ids.ts";

const prepared = (records: Partial<MatchRecord>[]) => {
  const names = new NameIds();
  return records.map((fields, k) =>
    prepareRecord(
      {
        id: `r${k}`,
        customerNumber: null,
        firstName: "",
        lastName: "",
        emails: [],
        phones: [],
        addresses: [],
        birthDate: null,
        ...fields,
      },
      "US",
      names,
    ),
  );
};

/** the external records hub record i meets, block by block */
function candidates(index: BlockIndex, i: number): number[][] {
  const out: number[][] = [];
  for (let k = index.hubStart[i]!; k < index.hubStart[i + 1]!; k++) {
    const block: number[] = [];
    for (let e = index.first[index.hubBlock[k]!]!; e >= 0; e = index.next[e]!)
      block.push(index.record[e]!);
    out.push(block);
  }
  return out;
}

describe("blocking index (S8)", () => {
  it("S8: a hub record meets exactly the external records that share one of its keys", () => {
    const hub = prepared([
      { emails: ["ann@example.com"], phones: ["212 555 0101"] },
      { emails: ["nobody@example.com"] },
    ]);
    const external = prepared([
      { emails: ["ANN@example.com"] },
      { phones: ["(212) 555-0101"] },
      { emails: ["ann@example.com"], phones: ["+1 212 555 0101"] },
      { emails: ["other@example.com"] },
    ]);
    const index = blockIndex(hub, external);
    // the email's block, then the phone's, each newest first
    expect(candidates(index, 0)).toEqual([
      [2, 0],
      [2, 1],
    ]);
    expect(candidates(index, 1)).toEqual([[]]);
  });

  it("S8: two keys whose hashes are equal keep their own blocks", () => {
    // "e:1g0dm6i5vh4hn@example.com" and "e:k61k563vk4iz@example.com" have one FNV-1a hash
    const hub = prepared([{ emails: ["1g0dm6i5vh4hn@example.com"] }]);
    const external = prepared([
      { emails: ["k61k563vk4iz@example.com"] },
      { emails: ["1g0dm6i5vh4hn@example.com"] },
      { emails: ["k61k563vk4iz@example.com"] },
    ]);
    expect(candidates(blockIndex(hub, external), 0)).toEqual([[1]]);
  });
});
