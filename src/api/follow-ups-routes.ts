import { OpenAPIHono, z } from "@hono/zod-openapi";
import { closeFollowUpTask, followUpTasks, taskCloseSchema } from "../services/follow-up-tasks.ts";
import {
  changeSalesTrigger,
  createSalesTrigger,
  listSalesTriggers,
  triggerCreateSchema,
  triggerPatchSchema,
} from "../services/sales-triggers.ts";
import { taskStates, type FollowUpTask } from "../store/follow-up-tasks-table.ts";
import type { SalesTrigger } from "../store/sales-triggers-table.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody, pageQuery } from "./schemas.ts";

const triggerSchema = z
  .object({
    id: z.number(),
    name: z.string().openapi({ description: "the title of the follow-ups it creates" }),
    daysAfter: z.number().openapi({ description: "0 to 3650: days after the sale, store-local" }),
    category: z.string().nullable().openapi({ description: "only sales with a line of it" }),
    minAmount: z.string().nullable().openapi({ description: "only sales of at least this total" }),
    active: z.boolean(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi("SalesTrigger");

const triggerView = (t: SalesTrigger) => ({
  id: t.id,
  name: t.name,
  daysAfter: t.daysAfter,
  category: t.category,
  minAmount: t.minAmount,
  active: t.active,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
});

const taskSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    triggerId: z.number(),
    purchaseId: z.number(),
    clientId: z.number(),
    clientName: z.string(),
    assignedUserId: z.number().nullable().openapi({ description: "null: the store's queue" }),
    dueAt: z.string(),
    createdAt: z.string(),
    state: z.enum(taskStates),
    closedBy: z.number().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi("FollowUpTask");

const taskView = (t: FollowUpTask) => ({
  ...t,
  dueAt: t.dueAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
  closedAt: t.closedAt?.toISOString() ?? null,
});

export const followUpsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/sales-triggers",
      operationId: "listSalesTriggers",
      summary: "T4: the store's sales triggers",
      roles: managerRoles,
      tags: ["follow-ups"],
      responses: {
        200: json(z.object({ triggers: z.array(triggerSchema) }), "the triggers"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ triggers: (await listSalesTriggers(c.var.ctx, c.var.actor)).map(triggerView) }, 200),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/sales-triggers",
      operationId: "createSalesTrigger",
      summary: "T4: a follow-up N days after each sale, optionally by category and minimum amount",
      description:
        "Fires once per processed sale it matches, `daysAfter` days after the sale (store-local calendar days; 0: as soon as the sale is processed, so a batched sale's fires when its batch runs), never before the sale is processed. It creates a follow-up task for the customer's associate, or for the store's queue when the customer is Unassigned. Sales processed from its creation on count; the first sync's history never does. Managers and admins.",
      roles: managerRoles,
      tags: ["follow-ups"],
      request: jsonBody(triggerCreateSchema),
      responses: { 201: json(triggerSchema, "the trigger"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        triggerView(await createSalesTrigger(c.var.ctx, c.var.actor, c.req.valid("json"))),
        201,
      ),
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/sales-triggers/{id}",
      operationId: "changeSalesTrigger",
      summary: "T4: change a sales trigger, or switch it off or on",
      description:
        "Changes only what the body names (null removes a filter). Sales waiting for it move to the new number of days; switched off, it drops them, and switched on again it counts the sales processed from then on. Managers and admins.",
      roles: managerRoles,
      tags: ["follow-ups"],
      request: { params: idParam, ...jsonBody(triggerPatchSchema) },
      responses: { 200: json(triggerSchema, "the trigger"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        triggerView(
          await changeSalesTrigger(
            c.var.ctx,
            c.var.actor,
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/tasks",
      operationId: "listTasks",
      summary: "T4: follow-up tasks, in the order they fired",
      description:
        "Open tasks by default. Managers and admins see all (or `assignedTo` one user, `me` or `queue`); an associate sees their own and the store's queue. Pages: `after` is the last page's last id.",
      roles: anyRole,
      tags: ["follow-ups"],
      request: {
        query: z.object({
          state: z.enum(taskStates).optional(),
          assignedTo: z.string().optional().openapi({ description: "me, queue, or a user id" }),
          ...pageQuery,
        }),
      },
      responses: {
        200: json(z.object({ tasks: z.array(taskSchema) }), "the tasks"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          tasks: (await followUpTasks(c.var.ctx, c.var.actor, c.req.valid("query"))).map(taskView),
        },
        200,
      ),
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/tasks/{id}",
      operationId: "closeTask",
      summary: "T4: mark a follow-up task done or dismissed",
      description:
        "Once: a closed task is a 409. An associate closes their own tasks and the queue's; managers and admins any.",
      roles: anyRole,
      tags: ["follow-ups"],
      request: { params: idParam, ...jsonBody(taskCloseSchema) },
      responses: { 200: json(taskSchema, "the task"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        taskView(
          await closeFollowUpTask(
            c.var.ctx,
            c.var.actor,
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );
