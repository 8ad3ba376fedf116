import type { HubChange } from "../domain/hub-change.ts";
import { assignByLargestSpend, markAssignmentOnboarded } from "../store/client-assignment.ts";
import type { Queryable } from "../store/database.ts";
import { EngineError } from "./engine-error.ts";
import { integrationOf } from "./integration-of.ts";

/**
 * A4: the integration's onboarding assignment. Every Unassigned client with purchases there goes
 * to the associate with the largest total spend (store/client-assignment.ts says how ties and
 * unmapped numbers go); from now on a purchase by an Unassigned client assigns the associate who
 * made it (A5). Run once by the scheduler when the first sync of customers and sales is in, and
 * again by a manager after mapping more associate numbers (it only assigns Unassigned clients:
 * A6, nothing assigned changes).
 */
export async function assignBySpend(
  tx: Queryable,
  now: Date,
  change: Extract<HubChange, { kind: "integration.assignBySpend" }>,
  actor: string,
): Promise<{ clientId: null; assigned: number; first: boolean }> {
  const integration = await integrationOf(tx, change.integrationId);
  if (!integration)
    throw new EngineError("not_found", `integration ${change.integrationId} does not exist`);
  const first = await markAssignmentOnboarded(tx, integration.id, now);
  const { assigned } = await assignByLargestSpend(tx, integration, actor, now);
  return { clientId: null, assigned, first };
}
