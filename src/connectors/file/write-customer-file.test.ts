import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CanonicalCustomer } from "../../domain/customer.ts";
import { readCustomerFile, type FileKind } from "./read-customer-file.ts";
import {
  templateLayout,
  templateRows,
  writeCustomerFile,
  type FileCustomerOut,
  type FileLayout,
} from "./write-customer-file.ts";

async function bytesOf(kind: FileKind, layout: FileLayout, rows: FileCustomerOut[]) {
  const parts: Buffer[] = [];
  for await (const chunk of writeCustomerFile(
    kind,
    layout,
    (async function* () {
      yield* rows;
    })(),
  ))
    parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

async function readBack(kind: FileKind, bytes: Buffer) {
  const read = [];
  const input = (async function* () {
    yield new Uint8Array(bytes);
  })();
  for await (const row of readCustomerFile(input, { kind, maxBytes: 1 << 24 })) {
    if ("problems" in row) throw new Error(JSON.stringify(row.problems));
    read.push({ number: row.number, customer: row.customer });
  }
  return read;
}

const hostile: CanonicalCustomer = {
  firstName: '=HYPERLINK("http://evil.example","click")',
  lastName: "+1+1",
  acquisition: "@SUM(A1:A9)",
  contacts: [
    { kind: "email", value: "ada@example.com" },
    { kind: "email", value: "ada@work.example" },
    { kind: "phone", value: "+44 20 7946 0018" },
    { kind: "address", value: "-12 Main St, Springfield" },
  ],
  preferences: { birthDate: "1980-04-01", Note: "\tcmd|' /C calc'!A0", Size: "\r=1" },
  notes: [],
  wishes: [],
};
const layout: FileLayout = { emails: 2, phones: 1, addresses: 1, preferences: ["Note", "Size"] };

describe("I4: writing a customer file", () => {
  it.each(["csv", "xlsx"] as const)(
    "I4: %s: a value a spreadsheet would run starts with a quote; read back it is the value again",
    async (kind) => {
      const bytes = await bytesOf(kind, layout, [{ number: "7", customer: hostile }]);
      const cells: string[] = [];
      if (kind === "csv") {
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        cells.push(...bytes.toString("utf8").split("\r\n")[1]!.split(","));
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        workbook.worksheets[0]!.getRow(2).eachCell((cell) => {
          // every cell a plain string, never a formula
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          cells.push(String(cell.value));
        });
      }
      for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
      // values are trimmed when read (docs/file-format.md); XML keeps a CR as a line feed
      const trimmed = { ...hostile.preferences, Note: "cmd|' /C calc'!A0", Size: "=1" };
      expect(await readBack(kind, bytes)).toEqual([
        { number: "7", customer: { ...hostile, preferences: trimmed } },
      ]);
    },
  );

  it.each(["csv", "xlsx"] as const)(
    "I3: %s: the template reads back as its example customer",
    async (kind) => {
      const rows: FileCustomerOut[] = [];
      for await (const row of templateRows()) rows.push(row);
      const read = await readBack(kind, await bytesOf(kind, templateLayout, rows));
      expect(read).toEqual([
        { number: "10012", customer: { ...rows[0]!.customer, notes: [], wishes: [] } },
      ]);
    },
  );
});
