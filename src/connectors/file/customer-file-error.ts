/** I3: one thing wrong with a customer file, where it is; never the value itself (it is logged). */
export interface FileProblem {
  /** the spreadsheet's row number (the header is row 1); null for the file as a whole */
  row: number | null;
  /** the column's name as the header wrote it; null for the row as a whole */
  column: string | null;
  message: string;
}

export type CustomerFileErrorCode = "invalid_file" | "too_large";

/** The most problems an error lists; `total` counts them all. */
export const listedProblems = 100;

/**
 * I3: a customer file that cannot be imported: its problems by row and column (the first 100),
 * and how many there were in all. Nothing of such a file is imported.
 *
 * @example "row 14, column email: not an email address"
 */
export class CustomerFileError extends Error {
  readonly problems: FileProblem[];
  constructor(
    readonly code: CustomerFileErrorCode,
    problems: FileProblem[],
    readonly total: number = problems.length,
  ) {
    const listed = problems.slice(0, listedProblems);
    const more = total > listed.length ? `; and ${total - listed.length} more` : "";
    super(`${listed.map(describeProblem).join("; ")}${more}`);
    this.name = "CustomerFileError";
    this.problems = listed;
  }
}

export function describeProblem(p: FileProblem): string {
  const where = [p.row === null ? null : `row ${p.row}`, p.column && `column ${p.column}`]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${p.message}` : p.message;
}
