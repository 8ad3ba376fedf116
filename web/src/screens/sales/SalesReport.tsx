import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { api, ok } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";
import { ScrollBox } from "../../ui/ScrollBox";
import { formatMoney } from "../../ui/store-settings";
import type { Period } from "./SalesPeriod";

// the chart library is large: it comes only with the screen that draws a chart
const SalesChart = lazy(() => import("./SalesChart"));

type Grouping = "day" | "associate" | "category";
const groupingWords: Record<Grouping, string> = {
  day: "Day",
  associate: "Associate",
  category: "Category",
};

/**
 * T5: the processed sales of the days, totalled by day, associate or category: a chart, and the
 * same figures as a table (a chart alone is not read out by a screen reader).
 */
export function SalesReport({ period }: { period: Period }) {
  const [by, setBy] = useState<Grouping>("day");
  const { from, to } = period;
  const report = useQuery({
    queryKey: ["sales-report", { from, to, by }],
    queryFn: () =>
      ok(api.GET("/v1/sales/report", { params: { query: { from: from!, to: to!, by } } })),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
  });
  const rows = report.data?.rows ?? [];
  const currency = report.data?.currency;
  const title = `Sales by ${groupingWords[by].toLowerCase()}`;
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">Sales report</h2>
      <label>
        Group by
        <select value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
          {(Object.keys(groupingWords) as Grouping[]).map((g) => (
            <option key={g} value={g}>
              {groupingWords[g]}
            </option>
          ))}
        </select>
      </label>
      <ErrorText error={report.error} />
      <figure className="chart" aria-labelledby="report-chart-title">
        <figcaption id="report-chart-title">
          {title}: total{currency ? ` in ${currency}` : ""} (chart; the figures are in the table
          below)
        </figcaption>
        <div className="chart-area">
          {report.data && rows.length > 0 && (
            <div className="chart-drawing" aria-hidden="true">
              <Suspense fallback={null}>
                <SalesChart rows={rows} currency={currency} />
              </Suspense>
            </div>
          )}
          {report.data && rows.length === 0 && (
            <p className="empty">No processed sales on these days.</p>
          )}
        </div>
      </figure>
      <ScrollBox label={`${title}: figures`} busy={report.isFetching}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{groupingWords[by]}</th>
              <th scope="col">Sales</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.sales}</td>
                <td>{formatMoney(r.total, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
