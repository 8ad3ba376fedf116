import type { Queryable } from "../store/database.ts";
import { EngineError } from "./engine-error.ts";
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

/**
 * S5, S6: the integration a user creates customers for, refused when it does not exist or is
 * switched off (`what` the user asked for, in words).
 */
export async function switchedOnIntegration(
  tx: Queryable,
  id: number,
  what: string,
): Promise<IntegrationRecord> {
  const integration = await integrationOf(tx, id);
  if (!integration) throw new EngineError("not_found", `integration ${id} does not exist`);
  if (!integration.enabled)
    throw new EngineError("conflict", `integration ${id} is switched off; switch it on to ${what}`);
  return integration;
}
