import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ok } from "../api/client";
import { explainError } from "../api/explain-error";
import { contactOf, nameOf, statusWords } from "../ui/customer-names";
import { ScrollBox } from "../ui/ScrollBox";

const pageSize = 50;

/**
 * The customer list: searched and paged by the hub (keyset pages of 50), so that 100,000
 * customers open as fast as 100. The search is in the address, so a reload or a shared link
 * shows the same list.
 */
export function CustomersScreen() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [typed, setTyped] = useState(q);
  // the cursors of the pages before this one: Previous goes back without counting rows
  const [cursors, setCursors] = useState<number[]>([]);
  const after = cursors.at(-1);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() === q) return;
      setCursors([]);
      setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, q, setParams]);

  const page = useQuery({
    queryKey: ["customers", { q, after }],
    queryFn: () =>
      ok(
        api.GET("/v1/customers", {
          params: { query: { limit: pageSize, ...(q ? { q } : {}), ...(after ? { after } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search by name, number, email or phone
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
      </form>
      {page.error && (
        <p className="error" role="alert">
          {explainError(page.error)}
        </p>
      )}
      <ScrollBox label="Customer list" busy={page.isFetching}>
        <table className="customers">
          <caption className="visually-hidden">
            Customers{q ? ` matching “${q}”` : ""}, page {cursors.length + 1}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Number</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Sync</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.customers.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/customers/${c.id}`}>{nameOf(c)}</Link>
                </td>
                <td>{c.customerNumber}</td>
                <td>{contactOf(c, "email")}</td>
                <td>{contactOf(c, "phone")}</td>
                <td>
                  {c.sync.map((s) => (
                    <span key={s.integrationId} className={`status status-${s.status}`}>
                      {statusWords[s.status]}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.customers.length === 0 && (
          <p className="empty">
            {q ? `No customer matches “${q}”.` : "There are no customers yet."}
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
