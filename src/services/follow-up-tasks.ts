import { z } from "zod";
import {
  closeTask,
  listTasks,
  readTask,
  taskStates,
  type FollowUpTask,
} from "../store/follow-up-tasks-table.ts";
import { parseInput } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/** How many tasks one page lists at most. */
export const taskPageCap = 500;

export const taskQuerySchema = z
  .object({
    state: z.enum(taskStates).default("open"),
    /** "me", "queue" (the store's: Unassigned clients' follow-ups), or a user id */
    assignedTo: z.union([z.enum(["me", "queue"]), z.coerce.number().int().positive()]).optional(),
    after: z.coerce.number().int().nonnegative().optional(),
    limit: z.coerce.number().int().min(1).max(taskPageCap).default(100),
  })
  .strict();

export const taskCloseSchema = z.object({ state: z.enum(["done", "dismissed"]) }).strict();

/**
 * T4: the follow-ups the store's sales triggers created. Managers and admins see every task (or
 * one user's, or the queue's); an associate sees their own and the store's queue, and asking for
 * a colleague's is refused.
 */
export async function followUpTasks(
  ctx: ServiceContext,
  actor: Actor,
  query: unknown,
): Promise<FollowUpTask[]> {
  const q = parseInput(taskQuerySchema, query);
  const assignedUserId =
    q.assignedTo === "me" ? actor.userId : q.assignedTo === "queue" ? null : q.assignedTo;
  const associate = actor.role === "associate";
  if (associate && typeof assignedUserId === "number" && assignedUserId !== actor.userId)
    throw new ServiceError(
      "forbidden",
      "assignedTo: an associate lists their own tasks and the store's queue; ask a manager",
    );
  return listTasks(ctx.db, actor.storeId, {
    state: q.state,
    assignedUserId,
    userAndQueue: associate && assignedUserId === undefined ? (actor.userId ?? 0) : undefined,
    after: q.after,
    limit: q.limit,
  });
}

/**
 * T4: a task is done, or dismissed, once: by its associate, anyone from the store's queue
 * (an associate who takes a queue task closes it), or a manager or admin for any.
 */
export async function closeFollowUpTask(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<FollowUpTask> {
  const { state } = parseInput(taskCloseSchema, input);
  return ctx.db.transaction(async (tx) => {
    const task = await readTask(tx, actor.storeId, id, true);
    if (!task) throw new ServiceError("not_found", `task ${id} does not exist`);
    if (
      actor.role === "associate" &&
      task.assignedUserId !== null &&
      task.assignedUserId !== actor.userId
    )
      throw new ServiceError(
        "forbidden",
        `task ${id} is another user's: an associate closes their own and the queue's (T4); ask a manager`,
      );
    if (task.state !== "open")
      throw new ServiceError("conflict", `task ${id} is ${task.state} already`);
    await closeTask(tx, actor.storeId, id, { state, by: actor.userId, at: ctx.clock.now() });
    return (await readTask(tx, actor.storeId, id))!;
  });
}
