import type { SaleRecord } from "./retail-records.ts";

/** The ISO 4217 currencies the runtime knows ("USD", "DKK"). */
const currencies = new Set(Intl.supportedValuesOf("currency"));

/** Before this, a sale's date is a placeholder or a mistake, not a sale. */
const earliest = Date.parse("2000-01-01T00:00:00Z");

/**
 * T2: why a sale is held back instead of processed, in words a store owner can act on, or
 * undefined when it is fine. Checked: it has lines (items or service jobs), its total is the sum
 * of its lines (to the cent), its currency is a real one and the store's, its date is a real date
 * and not before 2000. A date ahead of the hub's clock is not held: a till's clock may run fast,
 * and losing a real sale to a clock is worse than a sale dated tomorrow. Example: `saleProblem({ ...sale, total: 125, lines: [120] })`
 * is "the total 125.00 is not the sum of its lines, 120.00".
 */
export function saleProblem(sale: SaleRecord, storeCurrency: string): string | undefined {
  if (sale.lines.length === 0 && sale.serviceJobs.length === 0)
    return "it has no lines (no items and no service jobs)";
  const cents = (n: number) => Math.round(n * 100);
  const sum =
    sale.lines.reduce((n, line) => n + cents(line.amount), 0) +
    sale.serviceJobs.reduce((n, job) => n + cents(job.amount), 0);
  if (sum !== cents(sale.total))
    return `the total ${money(sale.total)} is not the sum of its lines, ${money(sum / 100)}`;
  if (!/^[A-Z]{3}$/.test(sale.currency) || !currencies.has(sale.currency))
    return `its currency '${sale.currency}' is not a currency code (ISO 4217, like USD)`;
  if (sale.currency !== storeCurrency)
    return `its currency ${sale.currency} is not the store's (${storeCurrency})`;
  const at = Date.parse(sale.occurredAt);
  if (Number.isNaN(at)) return `its date '${sale.occurredAt}' is not a date`;
  if (at < earliest) return `it is dated ${sale.occurredAt}, before 2000`;
  return undefined;
}

const money = (n: number) => n.toFixed(2);
