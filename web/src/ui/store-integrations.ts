import { useQuery } from "@tanstack/react-query";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";
import type { Customer } from "./customer-names";

export interface IntegrationName {
  id: number;
  name: string;
}

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
  if (listed.data) return listed.data.map((i) => ({ id: i.id, name: i.name }));
  const byId = new Map<number, string>();
  for (const c of seen) for (const s of c.sync) byId.set(s.integrationId, s.integrationName);
  return [...byId].map(([id, name]) => ({ id, name }));
}
