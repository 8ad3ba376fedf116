import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { components } from "../../api/hub-api";
import { nameOf, type Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { useCustomerAction } from "./customer-action";

type Sync = Customer["sync"][number];
type Theirs = components["schemas"]["ExternalCustomer"];

/**
 * S7, S8: pick the customer's partner among the other system's customers that have none: the
 * matcher's suggestion first (its score and reasons), then any found by a search. Pairing starts
 * in conflict where the two differ, to be resolved field by field (F12).
 */
export function FindPartner({ customer, sync }: { customer: Customer; sync: Sync }) {
  const integrationId = sync.integrationId;
  const suggestion = useQuery({
    queryKey: ["customer", customer.id, "partner-suggestion", integrationId],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/partner-suggestions", {
          params: { path: { id: integrationId }, query: { clientId: customer.id } },
        }),
      ).then((r) => r.suggestions),
  });
  const [typed, setTyped] = useState(customer.lastName ?? customer.firstName ?? "");
  const [searched, setSearched] = useState<string | undefined>();
  const found = useQuery({
    queryKey: ["external-customers", integrationId, searched],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/external-customers", {
          params: {
            path: { id: integrationId },
            query: { status: "unlinked", q: searched, limit: 20 },
          },
        }),
      ).then((r) => r.customers),
    enabled: searched !== undefined,
  });
  const pair = useCustomerAction(customer.id, (externalId: string) =>
    ok(
      api.POST("/v1/customers/{id}/partner", {
        params: { path: { id: customer.id } },
        body: { integrationId, externalId },
      }),
    ),
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setSearched(typed.trim());
  };
  const pairButton = (externalId: string, who: string) => (
    <button
      type="button"
      onClick={() => pair.mutate(externalId)}
      disabled={pair.isPending}
      aria-label={`Pair with ${who}`}
    >
      Pair
    </button>
  );
  const suggested = suggestion.data?.[0];
  return (
    <div className="finder">
      <h4>Suggested partner</h4>
      <ErrorText error={suggestion.error} />
      {!suggestion.data && !suggestion.error && <p role="status">Looking for a likely partner…</p>}
      {suggestion.data && !suggested && (
        <p className="empty">No likely partner: search their customers below.</p>
      )}
      {suggested && (
        <p className="suggestion">
          Their customer {suggested.externalNumber ?? suggested.externalId}, a{" "}
          {Math.round(suggested.score * 100)}% match: {suggested.reasons.join(", ")}.{" "}
          {pairButton(
            suggested.externalId,
            `their customer ${suggested.externalNumber ?? suggested.externalId}`,
          )}
        </p>
      )}
      <form onSubmit={search} className="inline-form" role="search">
        <label>
          Search {sync.integrationName}'s customers
          <input value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorText error={found.error ?? pair.error} />
      {found.data && found.data.length === 0 && (
        <p className="empty">None without a partner matches “{searched}”.</p>
      )}
      {found.data && found.data.length > 0 && (
        <ul className="plain-list">
          {found.data.map((t) => (
            <li key={t.externalId}>
              <span>{describe(t)}</span> {pairButton(t.externalId, describe(t))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describe(t: Theirs): string {
  const name = nameOf({
    firstName: t.firstName,
    lastName: t.lastName,
    customerNumber: t.customerNumber ?? t.externalId,
  });
  const contact = t.contacts[0]?.value;
  return `${name} (number ${t.customerNumber ?? "none"}${contact ? `, ${contact}` : ""})`;
}
