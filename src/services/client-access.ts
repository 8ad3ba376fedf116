import { readClient, type ClientRecord } from "../store/clients-table.ts";
import type { Queryable } from "../store/database.ts";
import type { Actor } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** A client of the actor's store, or not_found (another store's clients do not exist for it). */
export async function storeClient(q: Queryable, actor: Actor, id: number): Promise<ClientRecord> {
  const client = await readClient(q, id);
  if (!client || client.storeId !== actor.storeId)
    throw new ServiceError("not_found", `customer ${id} does not exist`);
  return client;
}

/**
 * A7: whether the actor may change this client (its data, contacts, collections, messages,
 * conflicts, sync). Managers and admins act on every client; an associate on the clients
 * assigned to them and on unassigned ones. The system (CLI maintenance, seeding) acts on all.
 */
export function mayChangeClient(actor: Actor, client: Pick<ClientRecord, "assignedUserId">) {
  if (actor.role !== "associate" || actor.userId === null) return true;
  return client.assignedUserId === null || client.assignedUserId === actor.userId;
}

/** A client the actor may change (A7), or forbidden with what to do; not_found as `storeClient`. */
export async function changeableClient(
  q: Queryable,
  actor: Actor,
  id: number,
): Promise<ClientRecord> {
  const client = await storeClient(q, actor, id);
  if (!mayChangeClient(actor, client))
    throw new ServiceError(
      "forbidden",
      `customer ${id} is assigned to another user: an associate changes only their own and unassigned customers (A7); ask a manager`,
    );
  return client;
}
