import { useState, type FormEvent } from "react";
import { ErrorText } from "../../ui/ErrorText";
import { useIntegrationPatch, type Integration } from "./integration-action";

/** F2: which of the system's custom fields is which preference in Tandem; rows added and removed. */
export function FieldMapEditor({
  integration,
  admin,
}: {
  integration: Integration;
  admin: boolean;
}) {
  const saved = integration.options.fieldMap;
  const [rows, setRows] = useState(() =>
    Object.entries(saved).map(([key, name]) => ({ key, name })),
  );
  const save = useIntegrationPatch(integration.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fieldMap: Record<string, string | null> = {};
    const kept = new Set(rows.map((r) => r.key.trim()));
    for (const key of Object.keys(saved)) if (!kept.has(key)) fieldMap[key] = null;
    for (const r of rows)
      if (r.key.trim() && saved[r.key.trim()] !== r.name.trim())
        fieldMap[r.key.trim()] = r.name.trim();
    save.mutate({ options: { fieldMap } });
  };
  const set = (n: number, part: "key" | "name", value: string) =>
    setRows((all) => all.map((r, i) => (i === n ? { ...r, [part]: value } : r)));
  return (
    <section aria-labelledby="fieldmap-title">
      <h2 id="fieldmap-title">Field mapping</h2>
      <p className="muted">
        Custom fields of {integration.name} and the preferences they are in Tandem (both ways).
      </p>
      <form onSubmit={submit}>
        {rows.length === 0 && <p className="empty">No custom fields are mapped.</p>}
        {rows.map((r, n) => (
          <div className="inline-form" key={n} role="group" aria-label={`Mapping ${n + 1}`}>
            <label>
              Their field
              <input
                value={r.key}
                onChange={(e) => set(n, "key", e.target.value)}
                disabled={!admin}
              />
            </label>
            <label>
              Preference in Tandem
              <input
                value={r.name}
                onChange={(e) => set(n, "name", e.target.value)}
                disabled={!admin}
              />
            </label>
            {admin && (
              <button
                type="button"
                className="link"
                onClick={() => setRows((all) => all.filter((_, i) => i !== n))}
              >
                Remove
              </button>
            )}
          </div>
        ))}
        <ErrorText error={save.error} />
        {save.isSuccess && <p role="status">Field mapping saved.</p>}
        {admin && (
          <>
            <button type="button" onClick={() => setRows((all) => [...all, { key: "", name: "" }])}>
              Add a field
            </button>{" "}
            <button type="submit" disabled={save.isPending}>
              Save field mapping
            </button>
          </>
        )}
      </form>
    </section>
  );
}
