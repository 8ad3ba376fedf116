import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { useCustomerAction } from "./customer-action";

type Kind = "email" | "phone" | "address";
const kindWords: Record<Kind, string> = { email: "Email", phone: "Phone", address: "Address" };

/** F1: contact methods, each added, changed or removed on its own (never the list at once). */
export function ContactsSection({ customer, editable }: { customer: Customer; editable: boolean }) {
  const [editing, setEditing] = useState<string | undefined>();
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contact methods</h2>
      {customer.contacts.length === 0 && <p className="empty">No contact methods.</p>}
      <ul className="plain-list">
        {customer.contacts.map((m) => {
          const key = `${m.kind}:${m.value}`;
          return (
            <li key={key}>
              {editing === key ? (
                <ChangeContact
                  customer={customer}
                  kind={m.kind}
                  value={m.value}
                  onDone={() => setEditing(undefined)}
                />
              ) : (
                <ContactLine
                  customer={customer}
                  kind={m.kind}
                  value={m.value}
                  editable={editable}
                  onEdit={() => setEditing(key)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {editable && <AddContact customer={customer} />}
    </section>
  );
}

function ContactLine(props: {
  customer: Customer;
  kind: Kind;
  value: string;
  editable: boolean;
  onEdit: () => void;
}) {
  const { customer, kind, value } = props;
  const remove = useCustomerAction(customer.id, () =>
    ok(
      api.DELETE("/v1/customers/{id}/contacts/{kind}/{value}", {
        params: { path: { id: customer.id, kind, value } },
      }),
    ),
  );
  return (
    <>
      <span className="contact-kind">{kindWords[kind]}</span> <span>{value}</span>
      {props.editable && (
        <span className="row-actions">
          <button
            type="button"
            className="link"
            onClick={props.onEdit}
            aria-label={`Change ${kind} ${value}`}
          >
            Change
          </button>
          <button
            type="button"
            className="link"
            onClick={() => remove.mutate(undefined)}
            disabled={remove.isPending}
            aria-label={`Remove ${kind} ${value}`}
          >
            Remove
          </button>
        </span>
      )}
      <ErrorText error={remove.error} />
    </>
  );
}

function ChangeContact(props: {
  customer: Customer;
  kind: Kind;
  value: string;
  onDone: () => void;
}) {
  const { customer, kind, value } = props;
  const [typed, setTyped] = useState(value);
  const change = useCustomerAction(
    customer.id,
    (next: string) =>
      ok(
        api.PATCH("/v1/customers/{id}/contacts/{kind}/{value}", {
          params: { path: { id: customer.id, kind, value } },
          body: { value: next },
        }),
      ),
    props.onDone,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(typed);
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label>
        New {kindWords[kind].toLowerCase()}
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={Boolean(change.error)}
          autoFocus
        />
      </label>
      <ErrorText error={change.error} />
      <button type="submit" disabled={change.isPending}>
        Save
      </button>{" "}
      <button type="button" className="link" onClick={props.onDone}>
        Cancel
      </button>
    </form>
  );
}

function AddContact({ customer }: { customer: Customer }) {
  const [kind, setKind] = useState<Kind>("email");
  const [value, setValue] = useState("");
  const add = useCustomerAction(
    customer.id,
    () =>
      ok(
        api.POST("/v1/customers/{id}/contacts", {
          params: { path: { id: customer.id } },
          body: { kind, value },
        }),
      ),
    () => setValue(""),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Add a contact method">
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="email">Email</option>
          <option value="phone">Phone</option>
          <option value="address">Address</option>
        </select>
      </label>
      <label>
        New contact method
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(add.error)}
        />
      </label>
      <ErrorText error={add.error} />
      <button type="submit" disabled={add.isPending || value.trim() === ""}>
        Add
      </button>
    </form>
  );
}
