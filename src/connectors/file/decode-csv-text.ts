import iconv from "iconv-lite";
import { CustomerFileError } from "./customer-file-error.ts";

/**
 * I3: a CSV file's bytes as text. The encoding is told from the first 64 KB (docs/file-format.md):
 * a UTF-8 byte order mark or valid UTF-8 is UTF-8, anything else Windows-1252 (what Excel on
 * Windows saves as "CSV"); where those are plain ASCII, by the first byte past ASCII. A file that is binary, a ZIP (an XLSX named .csv) or UTF-16 is refused
 * before a row is read.
 */
export const sniffBytes = 65_536;

export type TextEncodingName = "utf-8" | "windows-1252";

export interface DecodedText {
  encoding: TextEncodingName;
  /** the text in chunks; throws a CustomerFileError when UTF-8 turns out not to be further on */
  chunks: AsyncGenerator<string>;
  /** the start of the text (at least the header line when the file has one) */
  head: string;
}

const refuse = (message: string) =>
  new CustomerFileError("invalid_file", [{ row: null, column: null, message }]);

/** The first bytes of a file, and the rest of it still to come. */
async function splitHead(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ head: Buffer; rest: AsyncIterator<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < sniffBytes) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(Buffer.from(next.value));
    length += next.value.length;
  }
  return { head: Buffer.concat(parts), rest: iterator };
}

export async function decodeCsvText(
  bytes: AsyncIterable<Uint8Array>,
  rowsRead: () => number,
): Promise<DecodedText> {
  const { head, rest } = await splitHead(bytes);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    throw refuse("not a CSV text file: this is an XLSX (or other ZIP) file; name it .xlsx");
  if (
    head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ||
    head.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))
  )
    throw refuse("encoded as UTF-16 (Excel's 'Unicode text'): save it as 'CSV UTF-8'");
  if (head.includes(0))
    throw refuse("not a CSV text file: it holds binary data (NUL bytes) in its first 64 KB");
  const bom = head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const body = bom ? head.subarray(3) : head;
  const encoding: TextEncodingName = bom || isUtf8Start(body) ? "utf-8" : "windows-1252";
  // A start of plain ASCII (both encodings read it alike) tells nothing: the first byte past
  // ASCII decides, wherever it comes (Excel's Windows-1252 file may hold its first "é" at row
  // 5,000), as valid UTF-8 from there or else Windows-1252.
  let decode = bom || !isAscii(body) ? decoderFor(encoding, rowsRead) : undecided();
  function undecided() {
    // a character cut by the chunk's end waits for the rest before it decides
    let pending = Buffer.alloc(0);
    return (chunk: Buffer, end: boolean): string => {
      const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      const high = bytes.findIndex((b) => b >= 0x80);
      if (high < 0) return bytes.toString("latin1");
      const tail = bytes.subarray(high);
      if (!end && tail.length < 4 && !isUtf8Whole(tail) && isUtf8Start(tail)) {
        pending = Buffer.from(tail);
        return bytes.subarray(0, high).toString("latin1");
      }
      decode = decoderFor(isUtf8Start(tail) ? "utf-8" : "windows-1252", rowsRead);
      return bytes.subarray(0, high).toString("latin1") + decode(tail, end);
    };
  }
  const first = decode(body, false);
  async function* chunks(): AsyncGenerator<string> {
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const text = decode(Buffer.from(next.value), false);
      if (text !== "") yield text;
    }
    const last = decode(Buffer.alloc(0), true);
    if (last !== "") yield last;
  }
  return { encoding, chunks: chunks(), head: first };
}

/**
 * Where a Latin-1 letter written in UTF-8 (0xC3 then 0x80-0xBF: à to ÿ, À to ß) starts in `bytes`,
 * -1 if none; `previous` is the byte before them. A file read as Windows-1252 (it is not valid
 * UTF-8) that holds such a pair mixes the two encodings: read as Windows-1252, "Zoë" would become
 * "ZoÃ«". In real Windows-1252 text the pair is "Ã" followed by a symbol (€, ‚, ©, ...), which
 * names and addresses do not hold; refusing it is the safer mistake.
 */
function utf8LetterAt(bytes: Buffer, previous: number): number {
  if (previous === 0xc3 && bytes.length > 0 && bytes[0]! >= 0x80 && bytes[0]! <= 0xbf) return 0;
  for (
    let at = bytes.indexOf(0xc3);
    at >= 0 && at + 1 < bytes.length;
    at = bytes.indexOf(0xc3, at + 1)
  )
    if (bytes[at + 1]! >= 0x80 && bytes[at + 1]! <= 0xbf) return at;
  return -1;
}

const isAscii = (bytes: Buffer) => !bytes.some((b) => b >= 0x80);

/** valid UTF-8 to its last byte (no character cut at the end) */
function isUtf8Whole(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** valid UTF-8, allowing a character cut at the end of the sniffed bytes */
function isUtf8Start(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function decoderFor(encoding: TextEncodingName, rowsRead: () => number) {
  if (encoding === "windows-1252") {
    const decoder = iconv.getDecoder("win1252");
    let previous = 0;
    return (bytes: Buffer, end: boolean) => {
      if (utf8LetterAt(bytes, previous) >= 0)
        throw new CustomerFileError("invalid_file", [
          {
            row: null,
            column: null,
            message: `UTF-8 text in a file read as Windows-1252, at or after row ${Math.max(1, rowsRead())} (a mixed encoding): save it as 'CSV UTF-8'`,
          },
        ]);
      if (bytes.length > 0) previous = bytes[bytes.length - 1]!;
      return decoder.write(bytes) + (end ? (decoder.end() ?? "") : "");
    };
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return (bytes: Buffer, end: boolean) => {
    try {
      return decoder.decode(bytes, { stream: !end });
    } catch {
      throw new CustomerFileError("invalid_file", [
        {
          row: null,
          column: null,
          // the text is decoded a chunk ahead of the rows: the bad bytes are after this row
          message: `not UTF-8 text after row ${rowsRead()}, though the file starts as UTF-8 (a mixed encoding): save it as 'CSV UTF-8'`,
        },
      ]);
    }
  };
}

/**
 * I3: the separator of a CSV file, from its header line: the one of comma, semicolon and tab
 * that occurs most often outside quotes (a comma when none does).
 */
export function sniffSeparator(head: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] > 0 ? best : ",";
}
