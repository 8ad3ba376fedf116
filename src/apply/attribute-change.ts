import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { associateNumberOf } from "../store/user-associates-table.ts";

/**
 * F9: the associate a write is attributed to in the external system: the acting hub user's
 * mapped associate number, or the integration's default associate when the user has none (or
 * the change was not made by a user, e.g. a connector or the system).
 */
export async function associateFor(
  q: Queryable,
  integration: IntegrationRecord,
  actor: string,
): Promise<string | undefined> {
  const userId = /^user:(\d+)$/.exec(actor)?.[1];
  const mapped = userId ? await associateNumberOf(q, Number(userId), integration.id) : undefined;
  return mapped ?? integration.options.defaultAssociateNumber;
}
