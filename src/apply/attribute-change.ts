import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { associateNumberOf } from "../store/user-associates-table.ts";
import { parseActorId } from "../domain/actor-id.ts";

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
  const who = parseActorId(actor);
  const mapped =
    who.type === "user" ? await associateNumberOf(q, who.userId, integration.id) : undefined;
  return mapped ?? integration.options.defaultAssociateNumber;
}
