/**
 * I3: an XLSX cell's value as the text the customer file means (docs/file-format.md): a date cell
 * is `YYYY-MM-DD`, a number its digits without Excel's float noise, a formula its last computed
 * value (never computed here), rich text its plain text, a hyperlink its text, an error nothing.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (typeof value === "object") {
    const cell = value as {
      richText?: Array<{ text?: string }>;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((r) => r.text ?? "").join("");
    if ("formula" in cell || "sharedFormula" in cell || "result" in cell)
      return cellText(cell.result);
    if ("text" in cell) return cellText(cell.text);
    if ("error" in cell) return "";
  }
  return "";
}

/** 15 significant digits, as Excel shows a number: 10012.000000000002 is 10012 */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(Number(value.toPrecision(15)));
}

/**
 * Excel keeps a date as a day count; exceljs gives it as the UTC midnight of that day (a time of
 * day as a fraction of it). A birth date is the day.
 */
function dateText(value: Date): string {
  return value.toISOString().slice(0, 10);
}
