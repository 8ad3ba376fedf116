import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, ok } from "../../api/client";
import { fieldLabel } from "../../ui/field-label";
import { ScrollBox } from "../../ui/ScrollBox";
import { useUserName } from "../../ui/store-users";

/**
 * How a stored value reads: text as it is, nothing as a dash, the assigned associate by name, a
 * wish or a note by its words; anything else as the data it is.
 */
function shown(field: string, value: unknown, nameOf: (id: number | null) => string): string {
  if (field === "assignedUserId" && (typeof value === "number" || value === null))
    return nameOf(value);
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const words = value as { description?: unknown; name?: unknown; body?: unknown };
    for (const text of [words.description, words.name, words.body])
      if (typeof text === "string" && text) return text;
  }
  return JSON.stringify(value);
}

/** F12: each field's history: who, when, from where, old and new. */
export function HistorySection({ customerId }: { customerId: number }) {
  const [field, setField] = useState("");
  const nameOf = useUserName();
  const history = useQuery({
    queryKey: ["customer", customerId, "history", field],
    queryFn: () =>
      ok(
        api.GET("/v1/customers/{id}/history", {
          params: { path: { id: customerId }, query: field ? { field } : {} },
        }),
      ),
  });
  const all = useQuery({
    queryKey: ["customer", customerId, "history", ""],
    queryFn: () =>
      ok(
        api.GET("/v1/customers/{id}/history", { params: { path: { id: customerId }, query: {} } }),
      ),
  });
  const fields = [...new Set((all.data?.entries ?? []).map((e) => e.field))].sort((a, b) =>
    fieldLabel(a).localeCompare(fieldLabel(b)),
  );
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <label>
        Field
        <select value={field} onChange={(e) => setField(e.target.value)}>
          <option value="">Every field</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f)}
            </option>
          ))}
        </select>
      </label>
      <ScrollBox label="History table">
        <table className="history">
          <caption className="visually-hidden">Changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Field</th>
              <th scope="col">Old</th>
              <th scope="col">New</th>
              <th scope="col">From</th>
              <th scope="col">Who</th>
            </tr>
          </thead>
          <tbody>
            {[...(history.data?.entries ?? [])].reverse().map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{fieldLabel(e.field)}</td>
                <td>{shown(e.field, e.oldValue, nameOf)}</td>
                <td>{shown(e.field, e.newValue, nameOf)}</td>
                <td>{e.source === "hub" ? "Tandem" : e.source.toUpperCase()}</td>
                <td>
                  {nameOf(e.actor)}
                  {e.reason && <div className="muted">{e.reason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
