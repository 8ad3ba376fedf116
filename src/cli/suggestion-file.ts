import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "../config.ts";

/** One partner suggestion as `tandem partners suggest` prints it, in its columns' order. */
export interface SuggestionRow {
  hubId: number;
  /** the hub customer's number; empty while the hub does not give it */
  hubNumber: string | null;
  externalId: string;
  externalNumber: string | null;
  score: number;
  reasons: string[];
}

/** The header of the suggestions CSV: what `--format csv` writes and `--from-file` reads. */
export const suggestionColumns = [
  "hub_id",
  "hub_number",
  "external_id",
  "external_number",
  "score",
  "reasons",
] as const;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading quote, so
 * a customer number typed as `=HYPERLINK(...)` in the other system stays text when a person opens
 * the file in a spreadsheet to review it. The ids are left as they are: they are read back.
 */
const asText = (value: string | null) =>
  value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/**
 * The suggestions as CSV (RFC 4180, a header line), for a person to review in a spreadsheet and
 * give back, trimmed to the pairs they want, to `tandem partners link --from-file`.
 */
export function suggestionsCsv(rows: readonly SuggestionRow[]): string {
  return stringify(
    rows.map((r) => [
      r.hubId,
      asText(r.hubNumber) ?? "",
      r.externalId,
      asText(r.externalNumber) ?? "",
      r.score,
      r.reasons.join("; "),
    ]),
    { header: true, columns: [...suggestionColumns] },
  );
}

export interface PairToLink {
  clientId: number;
  externalId: string;
  /** the line of the file it came from */
  line: number;
}

/**
 * The pairs of a suggestions CSV (`name` is how errors call it: the path the user gave). Columns
 * are found by the header (`hub_id`, `external_id`; others are ignored, so a spreadsheet may add
 * its own); the separator is what the header uses (a comma, or the semicolon or tab some
 * spreadsheets save with). Every line is checked before anything is linked: an error names the
 * line and the column, and a customer paired twice in the file is refused with both lines.
 */
export function readPairs(name: string, text: string): PairToLink[] {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [",", ";", "\t"].find((d) => header.includes(d)) ?? ",";
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      throw new UsageError(
        `${name} line ${String(error["lines"] ?? "?")}: not valid CSV: ${error.message.replace(/ at line \d+.*$/, "")}`,
      );
    throw error;
  }
  const [head, ...rows] = records;
  const columns = (head?.record ?? []).map((c) => c.toLowerCase());
  const column = (wanted: string) => {
    const at = columns.indexOf(wanted);
    if (at < 0)
      throw new UsageError(
        `${name} line 1: no ${wanted} column; give the CSV that \`tandem partners suggest --format csv\` writes (its header names ${suggestionColumns.join(", ")})`,
      );
    return at;
  };
  const hubAt = column("hub_id");
  const externalAt = column("external_id");

  const pairs: PairToLink[] = [];
  const hubLines = new Map<number, number>();
  const externalLines = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const where = (col: string) => `${name} line ${line}, column ${col}`;
    const hubText = record[hubAt] ?? "";
    if (!/^[1-9][0-9]{0,15}$/.test(hubText))
      throw new UsageError(
        `${where("hub_id")}: ${hubText === "" ? "empty" : `'${hubText}'`} is not a hub customer id (a plain decimal integer like 12)`,
      );
    const externalId = record[externalAt] ?? "";
    if (externalId === "" || externalId.length > 200)
      throw new UsageError(
        `${where("external_id")}: ${externalId === "" ? "empty" : "longer than 200 characters"}; give the other system's customer id`,
      );
    const clientId = Number(hubText);
    const hubSeen = hubLines.get(clientId);
    if (hubSeen !== undefined)
      throw new UsageError(
        `${where("hub_id")}: hub customer ${clientId} is paired on line ${hubSeen} already; a customer has one partner, so keep one of the two lines`,
      );
    const externalSeen = externalLines.get(externalId);
    if (externalSeen !== undefined)
      throw new UsageError(
        `${where("external_id")}: ${externalId} is paired on line ${externalSeen} already; a customer has one partner, so keep one of the two lines`,
      );
    hubLines.set(clientId, line);
    externalLines.set(externalId, line);
    pairs.push({ clientId, externalId, line });
  }
  return pairs;
}
