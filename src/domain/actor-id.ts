/**
 * Who made a change, as the audit log, jobs and change events record it: a signed-in user, a
 * connector (a change that came from an external system), or the system itself. `parseActorId`
 * is the one place that reads one.
 */
export type ActorId = "system" | `user:${number}` | `connector:${string}`;

export const systemActor: ActorId = "system";
export const userActor = (userId: number): ActorId => `user:${userId}`;
export const connectorActor = (name: string): ActorId => `connector:${name}`;

export type Actor =
  { type: "system" } | { type: "user"; userId: number } | { type: "connector"; name: string };

/** Reads an actor id; anything else is read as the system (it is only ever attribution). */
export function parseActorId(actor: string): Actor {
  const user = /^user:([1-9]\d*)$/.exec(actor)?.[1];
  if (user !== undefined) return { type: "user", userId: Number(user) };
  if (actor.startsWith("connector:") && actor.length > "connector:".length)
    return { type: "connector", name: actor.slice("connector:".length) };
  return { type: "system" };
}
