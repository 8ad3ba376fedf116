import { systemActor } from "../domain/actor-id.ts";
import { integrationsDueForOnboarding } from "../store/client-assignment.ts";
import type { Queryable } from "../store/database.ts";
import { recordHubChange } from "../store/inbox.ts";

/**
 * A4: when an integration's first sync of customers and sales history is in, its onboarding
 * assignment is handed to the engine (a hub change in the inbox, under a key of its own, so two
 * workers hand it over once). Returns how many integrations were handed over.
 */
export async function scheduleOnboardingAssignments(q: Queryable, now: Date): Promise<number> {
  let scheduled = 0;
  for (const { id: integrationId, storeId } of await integrationsDueForOnboarding(q)) {
    const id = await recordHubChange(
      q,
      { kind: "integration.assignBySpend", integrationId },
      { storeId, eventKey: `a4-onboarding:${integrationId}`, actor: systemActor },
      now,
    );
    if (id !== undefined) scheduled++;
  }
  return scheduled;
}
