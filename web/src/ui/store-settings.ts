import { useQuery } from "@tanstack/react-query";
import { api, ok } from "../api/client";

/** The store's settings: its name, time zone and currency (every role may read them). */
export function useStore() {
  return useQuery({
    queryKey: ["store"],
    queryFn: () => ok(api.GET("/v1/store")),
    staleTime: 60_000,
  });
}

/** A money amount of the hub (a decimal string such as "123.45") in the currency's own format. */
export function formatMoney(amount: string | null, currency: string | undefined): string {
  if (amount === null) return "—";
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  if (!currency) return value.toFixed(2);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value);
  } catch {
    // a currency code the browser does not know: the code and the number
    return `${currency} ${value.toFixed(2)}`;
  }
}
