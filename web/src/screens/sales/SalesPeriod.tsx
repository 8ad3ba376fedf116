import { useSearchParams } from "react-router";
import { useStore } from "../../ui/store-settings";
import { dayIn, daysBefore } from "./store-days";

export interface Period {
  /** the first and last store-local day, YYYY-MM-DD; undefined until the store's day is known */
  from: string | undefined;
  to: string | undefined;
  timeZone: string | undefined;
  set(next: { from?: string; to?: string }): void;
}

/**
 * The days the report and the log cover, in the address (so a reload or a shared link shows the
 * same): by default the last 30 days of the store's calendar.
 */
export function useSalesPeriod(): Period {
  const [params, setParams] = useSearchParams();
  const store = useStore();
  const timeZone = store.data?.timeZone;
  const today = store.data ? dayIn(timeZone) : undefined;
  const from = params.get("from") ?? (today && daysBefore(today, 29));
  const to = params.get("to") ?? today;
  return {
    from,
    to,
    timeZone,
    set(next) {
      const merged = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next)) merged.set(key, value);
      setParams(merged, { replace: true });
    },
  };
}

/** The From and To days of the report and the log. */
export function SalesPeriod({ period }: { period: Period }) {
  return (
    <section aria-labelledby="period-title">
      <h2 id="period-title">Which days the report and the log show</h2>
      <div className="filters">
        <label>
          From
          <input
            type="date"
            value={period.from ?? ""}
            onChange={(e) => e.target.value && period.set({ from: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={period.to ?? ""}
            onChange={(e) => e.target.value && period.set({ to: e.target.value })}
          />
        </label>
      </div>
    </section>
  );
}
