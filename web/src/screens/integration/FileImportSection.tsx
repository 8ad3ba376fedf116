import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import { asFileBody, customerFileTypes, typeOf } from "../../ui/file-body";
import { FileProblems } from "../../ui/FileProblems";
import type { Integration } from "./integration-action";

/**
 * I3: a file integration's other side is the customer file last loaded into it: a newer export of
 * the old system is loaded the same way, and says what it added, changed and no longer lists
 * (those customers stay in Tandem). Every row is checked first; a file with a problem loads nothing.
 */
export function FileImportSection({ integration }: { integration: Integration }) {
  const queries = useQueryClient();
  const [file, setFile] = useState<File>();
  const load = useMutation({
    mutationFn: (f: File) =>
      ok(
        api.POST("/v1/integrations/{id}/import", {
          params: { path: { id: integration.id } },
          ...asFileBody(f),
        }),
      ),
    onSuccess: () => void queries.invalidateQueries(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) load.mutate(file);
  };
  const done = load.data;
  return (
    <section aria-labelledby="file-import-title">
      <h2 id="file-import-title">Customer file</h2>
      <form onSubmit={submit} className="inline-form">
        <label>
          The old system&apos;s customer file (CSV or XLSX)
          <input
            type="file"
            accept={customerFileTypes}
            onChange={(e) => {
              load.reset();
              setFile(e.target.files?.[0]);
            }}
          />
        </label>
        <button type="submit" disabled={!file || !typeOf(file) || load.isPending}>
          Load the file
        </button>
      </form>
      {load.isPending && <p role="status">Loading {file?.name}…</p>}
      <FileProblems error={load.error} file={file} />
      {done && (
        <p role="status">
          {file?.name}: {done.rows} rows; {done.added} new, {done.changed} changed, {done.unchanged}{" "}
          unchanged
          {done.gone > 0 &&
            `; ${done.gone} no longer in the file (${done.goneNumbers.slice(0, 10).join(", ")}${done.gone > 10 ? "…" : ""}), kept in Tandem`}
          .
        </p>
      )}
    </section>
  );
}
