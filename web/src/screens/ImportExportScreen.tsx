import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, ok } from "../api/client";
import { ErrorText } from "../ui/ErrorText";
import { asFileBody, customerFileTypes, typeOf } from "../ui/file-body";
import { FileProblems } from "../ui/FileProblems";

/**
 * I3, I4: a customer file dropped or picked, checked in full by the hub (a preview: nothing is
 * loaded), its problems shown by row and column; loaded when the user confirms. The template and
 * the export are downloads.
 */
export function ImportExportScreen() {
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const preview = useMutation({
    mutationFn: (f: File) => ok(api.POST("/v1/customers/import-preview", asFileBody(f))),
  });
  const load = useMutation({
    mutationFn: (f: File) => ok(api.POST("/v1/customers/import", asFileBody(f))),
  });

  const pick = (f: File | undefined) => {
    load.reset();
    setFile(f);
    if (f && typeOf(f)) preview.mutate(f);
    else preview.reset();
  };

  return (
    <section aria-labelledby="files-title">
      <h1 id="files-title">Import and export</h1>
      <section aria-labelledby="import-title">
        <h2 id="import-title">Load customers into Tandem</h2>
        <p>
          A CSV or XLSX file in Tandem's customer file format. Every row is checked before anything
          is loaded; a file with a problem loads nothing. Start from the template:{" "}
          <a href="/v1/customers/import-template?format=csv" download>
            template (CSV)
          </a>
          ,{" "}
          <a href="/v1/customers/import-template?format=xlsx" download>
            template (XLSX)
          </a>
          .
        </p>
        <div
          className={`drop-zone${dragging ? " dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            pick(e.dataTransfer.files[0]);
          }}
        >
          <label>
            Drop the file here, or choose it
            <input
              type="file"
              accept={customerFileTypes}
              onChange={(e) => pick(e.target.files?.[0])}
            />
          </label>
        </div>
        {preview.isPending && <p role="status">Checking {file?.name}…</p>}
        <FileProblems error={preview.error} file={file} />
        {preview.data && file && !load.data && (
          <div className="preview" role="status">
            <p>
              {file.name}: {preview.data.rows} rows checked. {preview.data.queued} would become
              customers
              {preview.data.skipped > 0 &&
                `; ${preview.data.skipped} would be left out, as Tandem has them already`}
              .
            </p>
            {preview.data.skippedRows.length > 0 && (
              <ul>
                {preview.data.skippedRows.map((r) => (
                  <li key={r.row}>
                    Row {r.row}: {r.reason}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => load.mutate(file)} disabled={load.isPending}>
              Load {preview.data.queued} customers
            </button>
          </div>
        )}
        <ErrorText error={load.error} />
        {load.data && (
          <p role="status">
            Loading {load.data.queued} customers from {file?.name}.{" "}
            <Link to={`/activity#run-${load.data.run.id}`}>Follow its progress</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">Export every customer</h2>
        <p>
          <a href="/v1/customers/export?format=csv" download>
            Download as CSV
          </a>{" "}
          ·{" "}
          <a href="/v1/customers/export?format=xlsx" download>
            Download as XLSX
          </a>
        </p>
      </section>
    </section>
  );
}
