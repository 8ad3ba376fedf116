import type { Queryable } from "./database.ts";

export type TaskState = "open" | "done" | "dismissed";
export const taskStates = ["open", "done", "dismissed"] as const satisfies readonly TaskState[];

/** T4: a follow-up a fired sales trigger created. */
export interface FollowUpTask {
  id: number;
  title: string;
  triggerId: number;
  purchaseId: number;
  clientId: number;
  clientName: string;
  /** null: the store's queue (the client was Unassigned when it fired) */
  assignedUserId: number | null;
  dueAt: Date;
  createdAt: Date;
  state: TaskState;
  closedBy: number | null;
  closedAt: Date | null;
}

interface TaskRow {
  id: number;
  title: string;
  trigger_id: number;
  purchase_id: number;
  client_id: number;
  client_name: string;
  assigned_user_id: number | null;
  due_at: Date;
  created_at: Date;
  state: TaskState;
  closed_by: number | null;
  closed_at: Date | null;
}

const fromRow = (r: TaskRow): FollowUpTask => ({
  id: r.id,
  title: r.title,
  triggerId: r.trigger_id,
  purchaseId: r.purchase_id,
  clientId: r.client_id,
  clientName: r.client_name,
  assignedUserId: r.assigned_user_id,
  dueAt: r.due_at,
  createdAt: r.created_at,
  state: r.state,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
});

const selectTask = `select t.*, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as client_name
  from follow_up_tasks t join clients c on c.id = t.client_id`;

export interface TaskFilter {
  state: TaskState;
  /** a user's tasks; null: the store's queue; undefined: all */
  assignedUserId?: number | null | undefined;
  /** a user's tasks and the queue (what an associate sees) */
  userAndQueue?: number | undefined;
  limit: number;
  /** tasks after this id (the next page) */
  after?: number | undefined;
}

/** The store's tasks in a state, in the order they fired, a page at a time. */
export async function listTasks(
  q: Queryable,
  storeId: number,
  filter: TaskFilter,
): Promise<FollowUpTask[]> {
  const rows = await q.query<TaskRow>(
    `${selectTask}
     where t.store_id = $1 and t.state = $2
       and ($3::boolean is false or t.assigned_user_id is not distinct from $4::bigint)
       and ($5::bigint is null or t.assigned_user_id is null or t.assigned_user_id = $5)
       and ($6::bigint is null or t.id > $6)
     order by t.id
     limit $7`,
    [
      storeId,
      filter.state,
      filter.assignedUserId !== undefined,
      filter.assignedUserId ?? null,
      filter.userAndQueue ?? null,
      filter.after ?? null,
      filter.limit,
    ],
  );
  return rows.map(fromRow);
}

export async function readTask(
  q: Queryable,
  storeId: number,
  id: number,
  lock = false,
): Promise<FollowUpTask | undefined> {
  const [row] = await q.query<TaskRow>(
    `${selectTask} where t.store_id = $1 and t.id = $2${lock ? " for update of t" : ""}`,
    [storeId, id],
  );
  return row ? fromRow(row) : undefined;
}

/** Marks an open task done or dismissed, by whom and when; undefined when it was not open. */
export async function closeTask(
  q: Queryable,
  storeId: number,
  id: number,
  close: { state: "done" | "dismissed"; by: number | null; at: Date },
): Promise<boolean> {
  const rows = await q.query(
    `update follow_up_tasks set state = $3, closed_by = $4, closed_at = $5
     where store_id = $1 and id = $2 and state = 'open' returning 1`,
    [storeId, id, close.state, close.by, close.at],
  );
  return rows.length > 0;
}
