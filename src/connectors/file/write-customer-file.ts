import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { CanonicalCustomer } from "../../domain/customer.ts";
import { birthDatePreference } from "./customer-file-format.ts";
import type { FileKind } from "./read-customer-file.ts";

/**
 * I4: customers written in the customer file's format (docs/file-format.md), CSV or XLSX, as a
 * stream of bytes, so the same file imports again.
 */

/** How many columns of each repeated kind a file needs, and the preferences it has. */
export interface FileLayout {
  emails: number;
  phones: number;
  addresses: number;
  /** preference names, in column order (the birth date has its own column) */
  preferences: readonly string[];
}

export interface FileCustomerOut {
  number: string | null;
  customer: CanonicalCustomer;
}

export const fileMediaTypes: Record<FileKind, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * I4: a value a spreadsheet would run as a formula gets a single quote in front, as OWASP's
 * "CSV Injection" page recommends: `=`, `+`, `-`, `@`, tab and carriage return.
 */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const numbered = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => (i === 0 ? name : `${name}${i + 1}`));

/** The header row of a layout: every required column, and as many repeats as it needs. */
export function headerOf(layout: FileLayout): string[] {
  return [
    "customer_number",
    "first_name",
    "last_name",
    ...numbered("email", Math.max(1, layout.emails)),
    ...numbered("phone", layout.phones),
    ...numbered("address", layout.addresses),
    "birth_date",
    "acquisition",
    ...layout.preferences.map((name) => `custom:${name}`),
  ];
}

/** One customer's cells, in the layout's column order, neutralised. */
export function cellsOf(layout: FileLayout, row: FileCustomerOut): string[] {
  const { customer } = row;
  const of = (kind: string, count: number) => {
    const values = customer.contacts.filter((c) => c.kind === kind).map((c) => c.value);
    return Array.from({ length: count }, (_, i) => values[i] ?? "");
  };
  return [
    row.number ?? "",
    customer.firstName ?? "",
    customer.lastName ?? "",
    ...of("email", Math.max(1, layout.emails)),
    ...of("phone", layout.phones),
    ...of("address", layout.addresses),
    customer.preferences[birthDatePreference] ?? "",
    customer.acquisition ?? "",
    ...layout.preferences.map((name) => customer.preferences[name] ?? ""),
  ].map(neutralise);
}

/**
 * I4: the file's bytes. CSV is UTF-8 with a byte order mark (Excel then reads accents right),
 * comma-separated, quoted where needed; XLSX is one worksheet "Customers" whose every cell is a
 * string (never a formula), written row by row with exceljs's streaming WorkbookWriter.
 */
export function writeCustomerFile(
  kind: FileKind,
  layout: FileLayout,
  rows: AsyncIterable<FileCustomerOut>,
): Readable {
  return kind === "csv" ? writeCsv(layout, rows) : writeXlsx(layout, rows);
}

function writeCsv(layout: FileLayout, rows: AsyncIterable<FileCustomerOut>): Readable {
  async function* records() {
    yield headerOf(layout);
    for await (const row of rows) yield cellsOf(layout, row);
  }
  const out = new PassThrough();
  out.write("\ufeff");
  Readable.from(records())
    .on("error", (error) => out.destroy(error))
    .pipe(stringify({ record_delimiter: "\r\n" }))
    .on("error", (error) => out.destroy(error))
    .pipe(out);
  return out;
}

function writeXlsx(layout: FileLayout, rows: AsyncIterable<FileCustomerOut>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet("Customers");
  (async () => {
    sheet.addRow(headerOf(layout)).commit();
    for await (const row of rows) {
      sheet.addRow(cellsOf(layout, row)).commit();
      // the writer does not wait for its reader: wait here while the reader is behind
      if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** The template's layout and example row (docs/file-format.md). */
export const templateLayout: FileLayout = {
  emails: 2,
  phones: 2,
  addresses: 1,
  preferences: ["Ring size"],
};

export async function* templateRows(): AsyncGenerator<FileCustomerOut> {
  yield {
    number: "10012",
    customer: {
      firstName: "Ada",
      lastName: "Lovelace",
      acquisition: "Walk-in",
      contacts: [
        { kind: "email", value: "ada@example.com" },
        { kind: "phone", value: "+44 20 7946 0018" },
        { kind: "address", value: "12 St James's Square, SW1Y 4JH London, GB" },
      ],
      preferences: { [birthDatePreference]: "1815-12-10", "Ring size": "6.5" },
    },
  };
}
