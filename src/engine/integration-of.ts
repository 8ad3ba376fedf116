import type { Queryable } from "../store/database.ts";
import { readIntegration, type IntegrationRecord } from "../store/integrations-table.ts";

/**
 * The integrations a batch read when it began, shared with the changes it runs in the same
 * transaction (R8.5: each change would otherwise read its integration again, a round trip each).
 */
const known = new WeakMap<Queryable, Map<number, IntegrationRecord | undefined>>();

/** Lets the changes run in `tx` use the integrations in `integrations` (and add to it). */
export function shareIntegrations(
  tx: Queryable,
  integrations: Map<number, IntegrationRecord | undefined>,
): void {
  known.set(tx, integrations);
}

/** The integration, as the batch of `tx` read it, or from the database. */
export async function integrationOf(
  tx: Queryable,
  id: number,
): Promise<IntegrationRecord | undefined> {
  const shared = known.get(tx);
  if (shared?.has(id)) return shared.get(id);
  const integration = await readIntegration(tx, id);
  shared?.set(id, integration);
  return integration;
}
