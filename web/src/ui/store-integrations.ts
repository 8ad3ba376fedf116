import { useQuery } from "@tanstack/react-query";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";
import type { Customer } from "./customer-names";

export interface IntegrationName {
  id: number;
  name: string;
  kind: string;
}

/** An integration's kind as a store owner calls it. */
export const kindWords: Record<string, string> = { pos: "Point of sale", file: "Customer file" };

/**
 * Whether the hub creates customers in an integration of this kind: a customer file is read, never
 * written (the file connector's manifest says `writes: false`), so nothing is created there.
 */
export const createsCustomers = (kind: string) => kind !== "file";

/**
 * The store's integrations by name: listed for managers and admins; for associates (who may not
 * list integrations) the ones the customers on screen name in their sync entries.
 */
export function useIntegrationNames(seen: readonly Customer[] = []): IntegrationName[] {
  const session = useSession();
  const listed = useQuery({
    queryKey: ["integrations"],
    queryFn: () => ok(api.GET("/v1/integrations")).then((r) => r.integrations),
    enabled: session.can("listIntegrations"),
    staleTime: 60_000,
  });
  if (listed.data) return listed.data.map((i) => ({ id: i.id, name: i.name, kind: i.kind }));
  const byId = new Map<number, IntegrationName>();
  for (const c of seen)
    for (const s of c.sync)
      byId.set(s.integrationId, {
        id: s.integrationId,
        name: s.integrationName,
        kind: s.integrationKind,
      });
  return [...byId.values()];
}
