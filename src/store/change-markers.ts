import type { Queryable } from "./database.ts";

/**
 * R11.9: the newest row of each table whose new rows are changes a console should show (a field
 * changed, an event received, a sale recorded, a conflict found, a run started, a follow-up task
 * made by a sales trigger). Each is the end
 * of a primary key (store_id, id) index, so the read is cheap enough to run every second.
 */
export async function readChangeMarkers(q: Queryable, storeId: number): Promise<string> {
  const [row] = await q.query<{ markers: string }>(
    `select concat_ws('/',
       (select max(id) from audit_log where store_id = $1),
       (select max(id) from change_events where store_id = $1),
       (select max(id) from purchases where store_id = $1),
       (select max(id) from conflicts where store_id = $1),
       (select max(id) from partner_runs where store_id = $1),
       (select max(id) from follow_up_tasks where store_id = $1)) as markers`,
    [storeId],
  );
  return row?.markers ?? "";
}
