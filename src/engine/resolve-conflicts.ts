import type { HubChange } from "../domain/hub-change.ts";
import { appendAudit } from "../store/audit-table.ts";
import { readClient } from "../store/clients-table.ts";
import { closeConflict } from "../store/conflicts-table.ts";
import type { Queryable } from "../store/database.ts";
import { readIntegration } from "../store/integrations-table.ts";
import { agreeBase, findLink } from "../store/links-table.ts";
import { clientLockKey, lockKey } from "./lock-keys.ts";
import { linkView } from "./link-view.ts";
import { writeToHub } from "./write-to-hub.ts";
import { mergeLink } from "./merge-link.ts";
import { EngineError } from "./engine-error.ts";

type Resolve = Extract<HubChange, { kind: "conflict.resolve" }>;

/**
 * F12: a user's resolution of a link's conflicts, field by field. The hub takes the chosen
 * values at once (audited), each conflict closes with its resolution, and the base of each field
 * becomes the value the external system holds now, so the ordinary merge sends the chosen value
 * there with that value as its precondition: one submit updates both systems, and a change made
 * at the external system meanwhile reopens the conflict instead of being overwritten.
 */
export async function resolveConflicts(
  tx: Queryable,
  now: Date,
  change: Resolve,
  actor: string,
): Promise<{ clientId: number }> {
  await lockKey(tx, clientLockKey(change.clientId));
  const integration = await readIntegration(tx, change.integrationId);
  const link = await findLink(
    tx,
    { integrationId: change.integrationId, clientId: change.clientId },
    true,
  );
  const client = await readClient(tx, change.clientId);
  if (!integration || !link?.external || !client)
    throw new EngineError("not_found", "the customer has no partner in this integration");
  const view = await linkView(tx, integration, link, client, link.external);
  const { hubFields, externalFields, openConflicts: open } = view;

  const hubChanges: Record<string, string | null> = {};
  const base = { ...link.base };
  const values: Record<string, string | null> = {};
  for (const [field, choice] of Object.entries(change.choices)) {
    const conflict = open.find((c) => c.field === field);
    if (!conflict)
      throw new EngineError(
        "invalid_edit",
        `fields.${field}: there is no open conflict on this field`,
      );
    // the sides as the conflict holds them now, under the customer's lock
    const value =
      choice.take === "hub"
        ? conflict.hubValue
        : choice.take === "external"
          ? conflict.externalValue
          : choice.value || null;
    values[field] = value;
    if ((hubFields[field] ?? null) !== value) hubChanges[field] = value;
    await closeConflict(
      tx,
      conflict.id,
      actor,
      { value, hub: conflict.hubValue, external: conflict.externalValue },
      now,
    );
    const external = externalFields[field];
    if (external === undefined) delete base[field];
    else base[field] = external;
  }
  await writeToHub(
    tx,
    { integration, linkId: link.id, clientId: client.id },
    view,
    hubChanges,
    { source: "hub", actor },
    now,
  );
  // Every resolution is audited, also when the hub already held the chosen value.
  const confirmed = Object.entries(values).filter(([field]) => !(field in hubChanges));
  await appendAudit(
    tx,
    confirmed.map(([field, value]) => ({
      clientId: client.id,
      integrationId: integration.id,
      field,
      oldValue: hubFields[field] ?? null,
      newValue: value,
      source: "hub",
      actor,
      at: now,
    })),
  );
  await agreeBase(tx, link, base, now);
  const resolved = await readClient(tx, client.id);
  await mergeLink(tx, now, integration, { ...link, base }, resolved!, link.external, {
    source: "hub",
    actor,
  });
  return { clientId: client.id };
}
