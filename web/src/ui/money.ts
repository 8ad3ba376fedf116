/**
 * An amount as the API gives it ("1234.50") in its currency, as the reader's locale writes money
 * ("$1,234.50"); a currency the browser does not know is written after the figure.
 */
export function money(amount: string | number, currency: string | null | undefined): string {
  const value = Number(amount);
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value);
    } catch {
      // not an ISO 4217 code the browser knows
    }
  }
  const figure = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 }).format(value);
  return currency ? `${figure} ${currency}` : figure;
}
