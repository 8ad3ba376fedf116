import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import ExcelJS from "exceljs";
import { CustomerFileError, type FileProblem } from "./customer-file-error.ts";
import { readHeader, readRow, type Column, type FileCustomer } from "./customer-file-format.ts";
import { decodeCsvText, sniffSeparator } from "./decode-csv-text.ts";
import { cellText } from "./xlsx-cell-text.ts";

export type FileKind = "csv" | "xlsx";

/** One row of a customer file: the customer, or what is wrong with it. */
export type RowRead = FileCustomer | { row: number; problems: FileProblem[] };

export interface ReadFileOptions {
  kind: FileKind;
  /** I3: the largest file read, in bytes; past it the read stops with a `too_large` error */
  maxBytes: number;
}

/** The one cell size csv-parse keeps in memory for a row: a quote never closed stops here. */
const maxRowCharacters = 1_048_576;

/** The kind of a file from its name, or undefined. */
export function fileKindOf(name: string): FileKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === "csv" || extension === "txt"
    ? "csv"
    : extension === "xlsx"
      ? "xlsx"
      : undefined;
}

/**
 * I3: reads a customer file (docs/file-format.md) as a stream, one row at a time, each checked:
 * memory stays bounded whatever the file's size (an XLSX keeps its shared strings table). The
 * header's problems, a binary file, a wrong encoding, a malformed CSV and a file past
 * `maxBytes` throw a CustomerFileError; a row's own problems are yielded with its row number, so
 * the caller sees every bad row and decides (an import writes nothing if there is one).
 *
 * @example
 * for await (const row of readCustomerFile(createReadStream(path), { kind: "csv", maxBytes }))
 *   if ("problems" in row) problems.push(...row.problems); else rows.push(row);
 */
export async function* readCustomerFile(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadFileOptions,
): AsyncGenerator<RowRead> {
  const capped = capBytes(bytes, options.maxBytes);
  if (options.kind === "csv") yield* readCsv(capped);
  else yield* readXlsx(capped);
}

async function* capBytes(
  bytes: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of bytes) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    yield chunk;
  }
}

export const tooLarge = (maxBytes: number) =>
  new CustomerFileError("too_large", [
    {
      row: null,
      column: null,
      message: `the file is larger than ${maxBytes} bytes (--max-file-bytes)`,
    },
  ]);

async function* readCsv(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RowRead> {
  let row = 0;
  const text = await decodeCsvText(bytes, () => row);
  const parser = parse({
    delimiter: sniffSeparator(text.head),
    relax_column_count: true, // a ragged row is reported by its number below, not as a parse failure
    skip_empty_lines: false, // an empty line is a row of the spreadsheet: skipped, but counted
    max_record_size: maxRowCharacters,
  });
  const feeding = pipeline(Readable.from(text.chunks), parser);
  feeding.catch(() => undefined); // met by the loop below, which reads the parser
  let columns: Column[] | undefined;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (columns === undefined) {
        columns = readHeader(cells);
        continue;
      }
      if (cells.every((cell) => cell.trim() === "")) continue;
      if (cells.length !== columns.length) {
        yield {
          row,
          problems: [
            {
              row,
              column: null,
              message: `${cells.length} cells, but the header has ${columns.length} (a cell with the separator or a line break in it must be quoted)`,
            },
          ],
        };
        continue;
      }
      yield asRowRead(readRow(columns, cells, row), row);
    }
    await feeding;
  } catch (error) {
    throw csvFailure(error, row);
  } finally {
    parser.destroy();
  }
  if (columns === undefined) throw emptyFile();
}

const emptyFile = () =>
  new CustomerFileError("invalid_file", [
    { row: 1, column: null, message: "the file is empty: the first row must name the columns" },
  ]);

/** csv-parse's own errors quote the text they stopped at: only their code goes into ours. */
function csvFailure(error: unknown, rowsRead: number): unknown {
  if (!(error instanceof CsvError)) return error;
  // the parser runs ahead of the rows taken from it: its own count says where it stopped
  const records = (error as CsvError & { records?: number }).records;
  const row = (typeof records === "number" ? records : rowsRead) + 1;
  const why =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted cell is never closed"
      : error.code === "CSV_MAX_RECORD_SIZE"
        ? `longer than ${maxRowCharacters} characters (a quote never closed?)`
        : error.code === "INVALID_OPENING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE"
          ? 'a quote where CSV allows none (quote the cell and double the quote: "")'
          : `not valid CSV (${error.code})`;
  return new CustomerFileError("invalid_file", [{ row, column: null, message: why }]);
}

const asRowRead = (read: FileCustomer | FileProblem[], row: number): RowRead =>
  Array.isArray(read) ? { row, problems: read } : read;

async function* readXlsx(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RowRead> {
  // a failure of the bytes (past the size cap) ends the input instead of erroring it, and stops
  // the reading below: exceljs pipes the input into its unzipper, which waits for ever on a
  // source that errors or ends in the middle of an entry
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const input = Readable.from(
    (async function* () {
      try {
        yield* bytes;
      } catch (error) {
        fail(error);
      }
    })(),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // a date is a number with a date format
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const next = <T>(iterator: AsyncIterator<T>) => Promise.race([iterator.next(), failed]);
  let columns: Column[] | undefined;
  try {
    // the first worksheet only
    const first = await next(workbook[Symbol.asyncIterator]());
    const sheet = first.done ? undefined : (first.value as AsyncIterable<ExcelJS.Row>);
    const rows = sheet?.[Symbol.asyncIterator]();
    for (let read = rows && (await next(rows)); read && !read.done; read = await next(rows!)) {
      const row = read.value.number;
      const values = (read.value.values as unknown[]).slice(1).map(cellText);
      if (columns === undefined) {
        if (row !== 1) throw xlsxProblem(1, "the first row must name the columns");
        columns = readHeader(values);
        continue;
      }
      if (values.every((v) => v.trim() === "")) continue;
      if (values.slice(columns.length).some((v) => v.trim() !== "")) {
        yield {
          row,
          problems: [{ row, column: null, message: "a cell right of the header's last column" }],
        };
        continue;
      }
      yield asRowRead(readRow(columns, values, row), row);
    }
  } catch (error) {
    if (error instanceof CustomerFileError) throw error;
    throw xlsxProblem(null, "not a readable XLSX file (is it an .xls or a CSV named .xlsx?)");
  } finally {
    input.destroy();
  }
  if (columns === undefined) throw emptyFile();
}

const xlsxProblem = (row: number | null, message: string) =>
  new CustomerFileError("invalid_file", [{ row, column: null, message }]);
