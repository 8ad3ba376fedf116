import type { Queryable } from "../store/database.ts";

/**
 * R12.5, F9: who asked for each of these values of a link, by the link's earlier writes: the
 * actor of the newest external.update job (in any state: sent, waiting, dead) that carried the
 * same value for the same path. A merge set off by a partner's change that sends a hub value
 * again (its first write died, or the partner changed first) sends it as the user who made it,
 * not as the connector. Paths no earlier write carried are left out. Looks at the link's last
 * `depth` writes.
 */
export async function earlierWriteActors(
  q: Queryable,
  queueKey: string,
  values: Readonly<Record<string, string | null>>,
  depth = 50,
): Promise<Record<string, string>> {
  const rows = await q.query<{
    payload: { set?: Record<string, string | null>; add?: Record<string, string>; actor?: string };
  }>(
    `select payload from jobs where queue_key = $1 and kind = 'external.update'
     order by id desc limit $2`,
    [queueKey, depth],
  );
  const actors: Record<string, string> = {};
  for (const [path, value] of Object.entries(values)) {
    const write = rows.find(({ payload }) => {
      const sent = { ...payload.add, ...payload.set };
      return path in sent && sent[path] === value && typeof payload.actor === "string";
    });
    if (write) actors[path] = write.payload.actor!;
  }
  return actors;
}
