import type { ExternalCustomer } from "../../domain/customer.ts";

/**
 * I3: a stored file row -> the external customer the hub sees. The file's custom columns already
 * name preferences (`custom:<name>`); the integration's field map (F2) renames the ones it names
 * and leaves the rest as they are (a file has no other names for them).
 */
export function fromFileRow(
  row: ExternalCustomer,
  fieldMap: Record<string, string>,
): ExternalCustomer {
  if (Object.keys(fieldMap).length === 0) return row;
  const preferences: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.customer.preferences))
    preferences[fieldMap[name] ?? name] = value;
  return { ...row, customer: { ...row.customer, preferences } };
}
