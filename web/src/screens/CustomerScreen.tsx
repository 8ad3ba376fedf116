import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, ok } from "../api/client";
import { explainError } from "../api/explain-error";
import { nameOf, statusWords } from "../ui/customer-names";

const kindWords = { email: "Email", phone: "Phone", address: "Address" } as const;

/** One customer: contact methods, preferences, notes and where it is linked. */
export function CustomerScreen() {
  const id = Number(useParams().id);
  const customer = useQuery({
    queryKey: ["customer", id],
    queryFn: () => ok(api.GET("/v1/customers/{id}", { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) return <p role="alert">There is no such customer.</p>;
  if (customer.error)
    return (
      <p className="error" role="alert">
        {explainError(customer.error)}
      </p>
    );
  if (!customer.data)
    return (
      <p className="page-status" role="status">
        Loading the customer…
      </p>
    );
  const c = customer.data;
  return (
    <article aria-labelledby="customer-title">
      <p>
        <Link to="/customers">All customers</Link>
      </p>
      <h1 id="customer-title">{nameOf(c)}</h1>
      <p className="muted">
        Customer {c.customerNumber} · {c.lifecycle === "active" ? "Customer" : "Prospect"}
      </p>
      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">Contact methods</h2>
        {c.contacts.length === 0 ? (
          <p className="empty">No contact methods.</p>
        ) : (
          <dl className="facts">
            {c.contacts.map((m) => (
              <div key={`${m.kind}:${m.value}`}>
                <dt>{kindWords[m.kind]}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby="preferences-title">
        <h2 id="preferences-title">Preferences</h2>
        {Object.keys(c.preferences).length === 0 ? (
          <p className="empty">No preferences.</p>
        ) : (
          <dl className="facts">
            {Object.entries(c.preferences).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        {(c.notes ?? []).length === 0 ? (
          <p className="empty">No notes.</p>
        ) : (
          <ul className="notes">
            {c.notes?.map((n) => (
              <li key={n.id}>{n.body}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sync-title">
        <h2 id="sync-title">Partners</h2>
        {c.sync.length === 0 ? (
          <p className="empty">Not connected to any system.</p>
        ) : (
          <ul className="sync-list">
            {c.sync.map((s) => (
              <li key={s.integrationId}>
                Integration {s.integrationId}:{" "}
                <span className={`status status-${s.status}`}>{statusWords[s.status]}</span>
                {s.externalNumber && <> · their number {s.externalNumber}</>}
                {s.lastError && <span className="error"> · {s.lastError}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
