const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What a file input offers: the customer file's two formats (I3). */
export const customerFileTypes = `.csv,.xlsx,text/csv,${xlsxType}`;

/** The file's content type, from its name (browsers often leave .csv untyped). */
export function typeOf(file: File): string | undefined {
  if (/\.csv$/i.test(file.name)) return "text/csv";
  if (/\.xlsx$/i.test(file.name)) return xlsxType;
  return undefined;
}

/** The file as the request's body, with its type: the hub reads it as a stream. */
export const asFileBody = (file: File) => ({
  body: file as never,
  bodySerializer: (body: unknown) => body as BodyInit,
  headers: { "content-type": typeOf(file)! },
});
