import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CustomerFileError } from "./customer-file-error.ts";
import { readCustomerFile, type FileKind, type RowRead } from "./read-customer-file.ts";

const header = "customer_number,first_name,last_name,email";

async function* chunksOf(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, kind: FileKind = "csv", maxBytes = 1 << 20) {
  const rows: RowRead[] = [];
  for await (const row of readCustomerFile(chunksOf(bytes), { kind, maxBytes })) rows.push(row);
  return rows;
}

/** the error a file is refused with, as "row, column: message" lines */
async function refusal(bytes: Uint8Array, kind: FileKind = "csv", maxBytes = 1 << 20) {
  const error = await readAll(bytes, kind, maxBytes).then(
    () => new Error("the file was read"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustomerFileError);
  return error as CustomerFileError;
}

const utf8 = (text: string) => Buffer.from(text, "utf8");
const customers = (rows: RowRead[]) =>
  rows.map((r) => {
    if ("problems" in r) throw new Error(`row ${r.row}: ${JSON.stringify(r.problems)}`);
    return r;
  });

describe("I3: reading a customer file", () => {
  it("I3: UTF-8 with and without a byte order mark reads the same names", async () => {
    const text = `${header}\n1,Zoë,Brontë,zoe@example.com\n`;
    for (const bytes of [
      utf8(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]),
    ]) {
      const [row] = customers(await readAll(bytes));
      expect(row).toMatchObject({ row: 2, number: "1" });
      expect(row!.customer).toMatchObject({ firstName: "Zoë", lastName: "Brontë" });
    }
  });

  it("I3: Windows-1252 (Excel's CSV on Windows) is told from UTF-8 and read right", async () => {
    const bytes = iconv.encode(
      `${header}\n1,Zoë,Müller,zoe@example.com\n2,Renée,€uro,r@example.com\n`,
      "win1252",
    );
    const rows = customers(await readAll(bytes));
    expect(rows.map((r) => [r.customer.firstName, r.customer.lastName])).toEqual([
      ["Zoë", "Müller"],
      ["Renée", "€uro"],
    ]);
  });

  it("I3: semicolon and tab separators are taken from the header line; quoted cells keep separators and line breaks", async () => {
    const semicolon = `customer_number;first_name;last_name;email;street\n1;Ada;"Love;lace";ada@example.com;"12 Main St\nFlat 2"\n`;
    const tab = `customer_number\tfirst_name\tlast_name\temail\n1\tAda\tLovelace, Countess\tada@example.com\n2\tBob\tKing\t\n`;
    const [ada] = customers(await readAll(utf8(semicolon)));
    expect(ada!.customer.lastName).toBe("Love;lace");
    expect(ada!.customer.contacts).toContainEqual({ kind: "address", value: "12 Main St\nFlat 2" });
    const rows = customers(await readAll(utf8(tab)));
    expect(rows.map((r) => [r.row, r.customer.lastName])).toEqual([
      [2, "Lovelace, Countess"],
      [3, "King"],
    ]);
  });

  it("I3: the row number counts a quoted line break as one row and a blank line as a row", async () => {
    const text = `${header}\n1,"Ada\nMary",Lovelace,ada@example.com\n\n2,Bob,King,not-an-email\n`;
    const rows = await readAll(utf8(text));
    expect(rows[1]).toEqual({
      row: 4,
      problems: [{ row: 4, column: "email", message: "not an email address" }],
    });
  });

  it("I3: every field of the format: emails, phones, address parts, birth date, custom fields", async () => {
    const text =
      "Customer_Number,first_name,last_name,email,email2,phone,street,postcode,town,country,address2,birth_date,acquisition,custom:Ring size\n" +
      "10012,Ada,Lovelace,ada@example.com,ada@work.example,+44 20 7946 0018,12 St James's Square,SW1Y 4JH,London,GB,1 Other Rd,1815-12-10,Walk-in,6.5\n";
    const [row] = customers(await readAll(utf8(text)));
    expect(row!.number).toBe("10012");
    expect(row!.customer).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
      acquisition: "Walk-in",
      contacts: [
        { kind: "address", value: "12 St James's Square, SW1Y 4JH London, GB" },
        { kind: "email", value: "ada@example.com" },
        { kind: "email", value: "ada@work.example" },
        { kind: "phone", value: "+44 20 7946 0018" },
        { kind: "address", value: "1 Other Rd" },
      ],
      preferences: { birthDate: "1815-12-10", "Ring size": "6.5" },
      notes: [],
      wishes: [],
    });
  });

  it("I3: a formula is kept as text, never computed; export's neutralising quote is taken off", async () => {
    const text = `${header},custom:Note\n1,=1+1,"@SUM(A1)",ada@example.com,"'=HYPERLINK(""x"")"\n`;
    const [row] = customers(await readAll(utf8(text)));
    expect(row!.customer.firstName).toBe("=1+1");
    expect(row!.customer.lastName).toBe("@SUM(A1)");
    expect(row!.customer.preferences["Note"]).toBe('=HYPERLINK("x")');
  });

  it("I3: ragged rows are reported by row, the rest still checked", async () => {
    const text = `${header}\n1,Ada,Lovelace\n2,Bob,King,bob@example.com,extra\n3,Cy,Young,cy@example.com\n`;
    const rows = await readAll(utf8(text));
    expect(rows.map((r) => ("problems" in r ? r.problems[0]!.message : "ok"))).toEqual([
      "3 cells, but the header has 4 (a cell with the separator or a line break in it must be quoted)",
      "5 cells, but the header has 4 (a cell with the separator or a line break in it must be quoted)",
      "ok",
    ]);
  });

  it("I3: a stray quote is refused with its row, without quoting the text", async () => {
    const text = `${header}\n1,Ada,Lovelace,ada@example.com\n2,Bo"b,King,bob@example.com\n`;
    expect((await refusal(utf8(text))).message).toBe(
      'row 3: a quote where CSV allows none (quote the cell and double the quote: "")',
    );
  });

  it("I3: duplicate, missing and unknown headers are each refused by name before any row", async () => {
    const twice = await refusal(utf8(`${header},Email\n1,A,B,a@example.com,b@example.com\n`));
    expect(twice.problems).toEqual([
      { row: 1, column: "Email", message: "named twice (columns 4 and 5)" },
    ]);
    const missing = await refusal(utf8("customer_number,first_name,email\n1,A,a@example.com\n"));
    expect(missing.problems).toEqual([
      { row: 1, column: "last_name", message: "required column missing" },
    ]);
    const unknown = await refusal(utf8(`${header},emial\n1,A,B,a@example.com,x\n`));
    expect(unknown.problems).toEqual([expect.objectContaining({ row: 1, column: "emial" })]);
  });

  it("I3: a file whose first 64 KB are plain ASCII is read in the encoding its first other byte shows, wherever the chunks cut it (Excel's Windows-1252 CSV with its first accent at row 3,000)", async () => {
    const start = `${header}\n${"1,Ada,Lovelace,ada@example.com\n".repeat(3000)}`;
    const later = "2,Zoë,Müller,z@example.com\n3,Renée,Dupré,r@example.com\n";
    for (const encoding of ["win1252", "utf8"] as const)
      for (const pad of [0, 1, 2, 3, 4, 5, 6]) {
        const bytes = Buffer.concat([
          utf8(start),
          utf8(`4${"0".repeat(pad)},Pad,Ding,p@example.com\n`),
          iconv.encode(later, encoding),
        ]);
        const rows = customers(await readAll(bytes));
        expect(rows.slice(-2).map((r) => `${r.customer.firstName} ${r.customer.lastName}`)).toEqual(
          ["Zoë Müller", "Renée Dupré"],
        );
      }
  });

  it("I3: a binary file, an XLSX named .csv, UTF-16 and a mixed encoding are refused", async () => {
    const binary = Buffer.concat([utf8(header), Buffer.from([0, 1, 2, 255, 0])]);
    expect((await refusal(binary)).message).toMatch(/binary data/);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Customers").addRow(header.split(","));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await refusal(xlsx)).message).toMatch(/XLSX .* name it \.xlsx/);
    expect((await refusal(Buffer.from(`\ufeff${header}`, "utf16le"))).message).toMatch(/UTF-16/);
    // UTF-8 (with a letter past ASCII) for the first 64 KB, then a Windows-1252 byte
    const start = `${header}\n0,Zoë,Brontë,zb@example.com\n${"1,Ada,Lovelace,ada@example.com\n".repeat(3000)}`;
    const mixed = Buffer.concat([utf8(start), Buffer.from("2,Zo\xeb,X,z@example.com\n", "latin1")]);
    expect((await refusal(mixed)).message).toMatch(/not UTF-8 text after row \d+/);
    // Windows-1252 (not valid UTF-8), with UTF-8 in it: in the first 64 KB, and past them
    // wherever the 7-byte chunks cut the "ë"
    const win1252 = Buffer.from(`${header}\n1,Zo\xeb,X,z@example.com\n`, "latin1");
    const filler = utf8("3,Ada,Lovelace,ada@example.com\n".repeat(2200));
    for (const [before, pads] of [
      [[win1252], 1],
      [[win1252, filler], 7],
    ] as const)
      for (let pad = 0; pad < pads; pad++) {
        const both = Buffer.concat([...before, utf8(`2${"0".repeat(pad)},Zoë,Y,y@example.com\n`)]);
        expect((await refusal(both)).message).toMatch(
          /^UTF-8 text in a file read as Windows-1252, at or after row \d+ \(a mixed encoding\)/,
        );
      }
    // "Ã" before a letter is Windows-1252 text, not UTF-8 (SÃO, JOÃO)
    const portuguese = iconv.encode(`${header}\n1,JOÃO,SÃO BENTO,j@example.com\n`, "win1252");
    expect(customers(await readAll(portuguese))[0]).toMatchObject({
      customer: { firstName: "JOÃO", lastName: "SÃO BENTO" },
    });
  });

  it("I3: a file past the size cap stops reading there (streamed, never whole)", async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield utf8(`${header}\n`);
      const line = utf8("1,Ada,Lovelace,ada@example.com\n".repeat(1000));
      for (;;) {
        produced += line.length;
        yield line;
      }
    }
    const read = async () => {
      let rows = 0;
      for await (const row of readCustomerFile(endless(), { kind: "csv", maxBytes: 5_000_000 }))
        rows += "problems" in row ? 0 : 1;
      return rows;
    };
    const error = await read().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CustomerFileError);
    expect((error as CustomerFileError).code).toBe("too_large");
    expect(produced).toBeLessThan(5_000_000 + 100_000);
  });

  it("I3: XLSX: dates, numbers without float noise, numbers stored as text, formulas as their value", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Customers");
    sheet.addRow([...header.split(","), "birth_date", "postcode", "custom:Spend"]);
    sheet.addRow([
      10012,
      "Ada",
      "Lovelace",
      "ada@example.com",
      new Date(Date.UTC(1815, 11, 10)),
      "00123",
      { formula: "1+1", result: 2 },
    ]);
    sheet.getCell("E2").numFmt = "dd/mm/yyyy";
    sheet.addRow([
      0.1 + 0.2,
      "Bob",
      { richText: [{ text: "Ki" }, { text: "ng" }] },
      "",
      "",
      "",
      "",
    ]);
    sheet.addRow([]);
    sheet.addRow([3, "Cy", "Young", "bad", "", "", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await readAll(bytes, "xlsx");
    const [ada, bob] = customers(rows.slice(0, 2));
    expect(ada!.number).toBe("10012");
    expect(ada!.customer.preferences).toEqual({ birthDate: "1815-12-10", Spend: "2" });
    expect(ada!.customer.contacts).toContainEqual({ kind: "address", value: "00123" });
    expect(bob!.number).toBe("0.3");
    expect(bob!.customer.lastName).toBe("King");
    expect(rows[2]).toEqual({
      row: 5,
      problems: [{ row: 5, column: "email", message: "not an email address" }],
    });
  });

  it("I3: XLSX: a bad header, a CSV named .xlsx and a file past the cap are refused", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Customers").addRow(["customer_number", "first_name"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await refusal(bytes, "xlsx")).problems.map((p) => p.column)).toEqual([
      "last_name",
      "email",
    ]);
    expect((await refusal(utf8(`${header}\n`), "xlsx")).message).toMatch(/not a readable XLSX/);
    expect((await refusal(bytes, "xlsx", 1000)).code).toBe("too_large");
  });
});
