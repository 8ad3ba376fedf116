import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { useCustomerAction } from "./customer-action";

type Patch = {
  firstName?: string | null;
  lastName?: string | null;
  acquisition?: string | null;
  lifecycle?: "prospect" | "active";
  preferences?: Record<string, string | null>;
  addNotes?: string[];
};

function usePatch(customer: Customer, onDone?: () => void) {
  return useCustomerAction(
    customer.id,
    (body: Patch) =>
      ok(api.PATCH("/v1/customers/{id}", { params: { path: { id: customer.id } }, body })),
    onDone,
  );
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** Name, acquisition and lifecycle: a save sends only the fields that were changed here. */
export function DetailsSection({ customer, editable }: { customer: Customer; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      {editing ? (
        <DetailsForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>First name</dt>
              <dd>{customer.firstName ?? "—"}</dd>
            </div>
            <div>
              <dt>Last name</dt>
              <dd>{customer.lastName ?? "—"}</dd>
            </div>
            <div>
              <dt>Came in through</dt>
              <dd>{customer.acquisition ?? "—"}</dd>
            </div>
            <div>
              <dt>Stage</dt>
              <dd>{customer.lifecycle === "active" ? "Customer" : "Prospect"}</dd>
            </div>
          </dl>
          {editable && (
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
        </>
      )}
    </section>
  );
}

function DetailsForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const [firstName, setFirstName] = useState(customer.firstName ?? "");
  const [lastName, setLastName] = useState(customer.lastName ?? "");
  const [acquisition, setAcquisition] = useState(customer.acquisition ?? "");
  const [lifecycle, setLifecycle] = useState(customer.lifecycle);
  const save = usePatch(customer, onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // only what was changed here: an edit made meanwhile elsewhere to another field stays
    const body: Patch = {};
    if (orNull(firstName) !== customer.firstName) body.firstName = orNull(firstName);
    if (orNull(lastName) !== customer.lastName) body.lastName = orNull(lastName);
    if (orNull(acquisition) !== customer.acquisition) body.acquisition = orNull(acquisition);
    if (lifecycle !== customer.lifecycle) body.lifecycle = lifecycle;
    if (Object.keys(body).length === 0) return onDone();
    save.mutate(body);
  };
  const field = save.error ? (save.error as { field?: string }).field : undefined;
  return (
    <form onSubmit={submit}>
      <label>
        First name
        <input
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          aria-invalid={field === "firstName"}
        />
      </label>
      <label>
        Last name
        <input
          value={lastName}
          onChange={(e) => setLastName(e.target.value)}
          aria-invalid={field === "lastName"}
        />
      </label>
      <label>
        Came in through
        <input
          value={acquisition}
          onChange={(e) => setAcquisition(e.target.value)}
          aria-invalid={field === "acquisition"}
        />
      </label>
      <label>
        Stage
        <select
          value={lifecycle}
          onChange={(e) => setLifecycle(e.target.value as typeof lifecycle)}
        >
          <option value="prospect">Prospect</option>
          <option value="active">Customer</option>
        </select>
      </label>
      <ErrorText error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Save details
      </button>{" "}
      <button type="button" className="link" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** F2: preferences, each changed, added or removed on its own. */
export function PreferencesSection({
  customer,
  editable,
}: {
  customer: Customer;
  editable: boolean;
}) {
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const save = usePatch(customer, () => {
    setName("");
    setValue("");
  });
  const entries = Object.entries(customer.preferences);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ preferences: { [name.trim()]: value } });
  };
  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">Preferences</h2>
      {entries.length === 0 && <p className="empty">No preferences.</p>}
      <dl className="facts">
        {entries.map(([n, v]) => (
          <div key={n}>
            <dt>{n}</dt>
            <dd>
              {v}
              {editable && (
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove preference ${n}`}
                  onClick={() => save.mutate({ preferences: { [n]: null } })}
                >
                  Remove
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {editable && (
        <form onSubmit={submit} className="inline-form" aria-label="Set a preference">
          <label>
            Preference
            <input value={name} onChange={(e) => setName(e.target.value)} list="preference-names" />
          </label>
          <datalist id="preference-names">
            {entries.map(([n]) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <label>
            Value
            <input value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <button type="submit" disabled={save.isPending || !name.trim() || !value.trim()}>
            Set preference
          </button>
        </form>
      )}
      <ErrorText error={save.error} />
    </section>
  );
}

/** F5: notes, shown as text; a new one is added (the hub keeps each note's identity). */
export function NotesSection({ customer, editable }: { customer: Customer; editable: boolean }) {
  const [note, setNote] = useState("");
  const add = usePatch(customer, () => setNote(""));
  const notes = customer.notes ?? [];
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {notes.length === 0 && <p className="empty">No notes.</p>}
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id}>{n.body}</li>
        ))}
      </ul>
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ addNotes: [note] });
          }}
          aria-label="Add a note"
        >
          <label>
            New note
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          </label>
          <ErrorText error={add.error} />
          <button type="submit" disabled={add.isPending || note.trim() === ""}>
            Add note
          </button>
        </form>
      )}
    </section>
  );
}
