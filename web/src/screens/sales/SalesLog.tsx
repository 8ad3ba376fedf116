import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, ok } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";
import { ScrollBox } from "../../ui/ScrollBox";
import { formatMoney } from "../../ui/store-settings";
import { useUserName } from "../../ui/store-users";
import type { Period } from "./SalesPeriod";
import { whenIn } from "./store-days";

const pageSize = 50;

/**
 * T5: the sales log: the processed sales of the days, newest first, a page of 50 at a time
 * (keyset pages: Next asks for the sales before the page's smallest id).
 */
export function SalesLog({ period }: { period: Period }) {
  const { from, to } = period;
  const userName = useUserName();
  // the cursors of the pages before this one, per period: a new period starts at its first page
  const [paging, setPaging] = useState<{ of: string; cursors: number[] }>({ of: "", cursors: [] });
  const of = `${from}/${to}`;
  const cursors = paging.of === of ? paging.cursors : [];
  const before = cursors.at(-1);
  const page = useQuery({
    queryKey: ["sales", { from, to, before }],
    queryFn: () =>
      ok(
        api.GET("/v1/sales", {
          params: {
            query: { from: from!, to: to!, limit: pageSize, ...(before ? { before } : {}) },
          },
        }),
      ),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
  });
  const sales = page.data?.sales ?? [];
  const timeZone = page.data?.timeZone;
  const next = sales.length === pageSize ? Math.min(...sales.map((s) => s.purchaseId)) : undefined;
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Sales log</h2>
      <ErrorText error={page.error} />
      <ScrollBox label="Sales log" busy={page.isFetching}>
        <table className="sales-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Customer</th>
              <th scope="col">Total</th>
              <th scope="col">Associate</th>
              <th scope="col">Categories</th>
              <th scope="col">Sale</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((s) => (
              <tr key={s.purchaseId}>
                <td>{whenIn(s.occurredAt, timeZone)}</td>
                <td>
                  <Link to={`/customers/${s.clientId}`}>
                    {s.clientName.trim() || `Customer ${s.clientId}`}
                  </Link>
                </td>
                <td>{formatMoney(s.total, s.currency)}</td>
                <td>
                  {s.associateUserId !== null
                    ? userName(s.associateUserId)
                    : s.associateNumber
                      ? `Number ${s.associateNumber}`
                      : "—"}
                </td>
                <td>{s.categories.join(", ") || "—"}</td>
                <td>{s.externalId ? `POS sale ${s.externalId}` : "Entered in Tandem"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && sales.length === 0 && (
          <p className="empty">
            {cursors.length > 0 ? "No older sales." : "No processed sales on these days."}
          </p>
        )}
      </ScrollBox>
      <nav className="pager" aria-label="Pages of the sales log">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setPaging({ of, cursors: cursors.slice(0, -1) })}
        >
          Newer sales
        </button>
        <span>Page {cursors.length + 1}</span>
        <button
          type="button"
          disabled={next === undefined}
          onClick={() => next !== undefined && setPaging({ of, cursors: [...cursors, next] })}
        >
          Older sales
        </button>
      </nav>
    </section>
  );
}
