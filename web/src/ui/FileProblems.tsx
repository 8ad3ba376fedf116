import { ApiError } from "../api/client";
import { ErrorText } from "./ErrorText";
import { typeOf } from "./file-body";
import { ScrollBox } from "./ScrollBox";

/**
 * I3: why a customer file cannot be loaded: not a CSV or XLSX file, its problems by row and column
 * (the hub's first 100, and how many in all), or the refusal in words when it is not about the rows.
 */
export function FileProblems({ error, file }: { error: unknown; file: File | undefined }) {
  const fileName = file?.name ?? "The file";
  if (file && !typeOf(file))
    return (
      <p className="error" role="alert">
        {file.name} is not a CSV or XLSX file. Save it from your spreadsheet as CSV or XLSX.
      </p>
    );
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : undefined;
  const total = error instanceof ApiError && error.total ? error.total : problems?.length;
  return (
    <div role="alert">
      <p className="error">
        {fileName} cannot be loaded as it is
        {problems ? `: ${total} problem(s). Fix them in the file and choose it again.` : "."}
      </p>
      {problems ? (
        <ScrollBox label="Problems in the file">
          <table className="problems">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, n) => (
                <tr key={n}>
                  <td>{p.row ?? "the file"}</td>
                  <td>{p.column ?? "the row"}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <ErrorText error={error} />
      )}
    </div>
  );
}
