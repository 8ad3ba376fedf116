import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ok } from "../api/client";
import { contactOf, nameOf, statusWords } from "../ui/customer-names";
import { ErrorText } from "../ui/ErrorText";
import { ScrollBox } from "../ui/ScrollBox";
import { useIntegrationNames } from "../ui/store-integrations";
import { useSession } from "../app/session";
import { AddCustomer } from "./customers/AddCustomer";
import { BulkActions } from "./customers/BulkActions";
import { SyncSections, type Status } from "./customers/SyncSections";

const pageSize = 50;

/**
 * The customer list: searched, filtered by section (S11) and paged by the hub (keyset pages of
 * 50), so that 100,000 customers open as fast as 100. The search and section are in the address,
 * so a reload or a shared link shows the same list. Customers are selected one by one, a page at a
 * time, or as the whole filtered list, for the bulk actions.
 */
export function CustomersScreen() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const integrationId = Number(params.get("integration")) || undefined;
  const status = (params.get("status") ?? undefined) as Status | undefined;
  const [typed, setTyped] = useState(q);
  // the cursors of the pages before this one: Previous goes back without counting rows
  const [cursors, setCursors] = useState<number[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [whole, setWhole] = useState(false);
  const after = cursors.at(-1);

  const setFilter = (next: { q?: string; integration?: number; status?: Status | undefined }) => {
    const merged = { q, integration: integrationId, status, ...next };
    const entries = Object.entries(merged).filter(([, v]) => v !== undefined && v !== "");
    setCursors([]);
    setPicked(new Set());
    setWhole(false);
    setParams(Object.fromEntries(entries.map(([k, v]) => [k, String(v)])), { replace: true });
  };

  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() !== q) setFilter({ q: typed.trim() });
    }, 250);
    return () => clearTimeout(timer);
  });

  const page = useQuery({
    queryKey: ["customers", { q, after, integrationId, status }],
    queryFn: () =>
      ok(
        api.GET("/v1/customers", {
          params: {
            query: {
              limit: pageSize,
              ...(q ? { q } : {}),
              ...(after ? { after } : {}),
              ...(integrationId && status ? { integrationId, status } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const customers = page.data?.customers ?? [];
  const integrations = useIntegrationNames(customers);
  const integration = integrations.find((i) => i.id === integrationId);
  const sections = useQuery({
    queryKey: ["sections", integrationId, q],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/sections", {
          params: { path: { id: integrationId! }, query: q ? { q } : {} },
        }),
      ),
    enabled: Boolean(integrationId && status),
  });
  const allOnPage = customers.length > 0 && customers.every((c) => picked.has(c.id));
  const wholeCount = status && sections.data ? sections.data.counts[status] : undefined;
  const toggle = (id: number) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      setWhole(false);
      return next;
    });

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      {session.can("createCustomer") && <AddCustomer />}
      <div className="filters">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            Search by name, number, email or phone
            <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
        </form>
        {integrations.length > 0 && (
          <label>
            Integration
            <select
              value={integrationId ?? ""}
              onChange={(e) =>
                setFilter({ integration: Number(e.target.value) || undefined, status: undefined })
              }
            >
              <option value="">Every customer</option>
              {integrations.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {integration && (
        <SyncSections
          integrationId={integration.id}
          integrationName={integration.name}
          q={q}
          status={status}
          onPick={(s) => setFilter({ status: s })}
        />
      )}
      <ErrorText error={page.error} />
      <BulkActions
        selection={{ ids: [...picked], whole, count: wholeCount ?? picked.size }}
        integration={integration}
        filter={{ q, status }}
        onDone={() => {
          setPicked(new Set());
          setWhole(false);
        }}
      />
      {allOnPage && (page.data?.next || wholeCount !== undefined) && !whole && (
        <p>
          All {customers.length} on this page are selected.{" "}
          <button type="button" className="link" onClick={() => setWhole(true)}>
            Select the whole list{wholeCount !== undefined ? ` (${wholeCount})` : ""}
          </button>
        </p>
      )}
      <ScrollBox label="Customer list" busy={page.isFetching}>
        <table className="customers">
          <caption className="visually-hidden">
            Customers{q ? ` matching “${q}”` : ""}, page {cursors.length + 1}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every customer on this page"
                  checked={allOnPage}
                  onChange={() => {
                    setWhole(false);
                    setPicked(allOnPage ? new Set() : new Set(customers.map((c) => c.id)));
                  }}
                />
              </th>
              <th scope="col">Name</th>
              <th scope="col">Number</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Sync</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${nameOf(c)}`}
                    checked={whole || picked.has(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                </td>
                <td>
                  <Link to={`/customers/${c.id}`}>{nameOf(c)}</Link>
                </td>
                <td>{c.customerNumber}</td>
                <td>{contactOf(c, "email")}</td>
                <td>{contactOf(c, "phone")}</td>
                <td>
                  {c.sync.map((s) => (
                    <span key={s.integrationId} className={`status status-${s.status}`}>
                      {integrations.length > 1 ? `${s.integrationName}: ` : ""}
                      {statusWords[s.status]}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && customers.length === 0 && (
          <p className="empty">
            {q ? `No customer matches “${q}”.` : "There are no customers here."}
          </p>
        )}
      </ScrollBox>
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous page
        </button>
        <span>Page {cursors.length + 1}</span>
        <button
          type="button"
          disabled={!page.data?.next}
          onClick={() => page.data?.next && setCursors((c) => [...c, page.data.next!])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
