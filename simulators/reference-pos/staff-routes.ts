import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  createCustomer,
  deleteContact,
  staffNote,
  staffWish,
  staffUpdateCustomer,
  type WriteResult,
} from "./customer-writes.ts";
import type { PosEnv } from "./pos-env.ts";
import { writeAnswer } from "./write-answer.ts";
import {
  bodyOf,
  createBodySchema,
  customerSchema,
  errors,
  jsonOf,
  staffUpdateBodySchema,
  noteBodySchema,
  newWishSchema,
} from "./pos-schemas.ts";

/** Staff writes answer at once (no idempotency keys at the counter). */
function answer(c: Context<PosEnv>, result: WriteResult, okStatus: 200 | 201, created: boolean) {
  const { status, body } = writeAnswer(c.var.pos, result, okStatus, created, { via: "staff" });
  return c.json(body as object, status);
}

/** What store staff do at the counter (reference POS only; not part of the protocol). */
export const staffRoutes = new OpenAPIHono<PosEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/staff/customers",
      operationId: "staffListCustomers",
      summary: "Staff: every customer",
      responses: {
        200: jsonOf(z.object({ customers: z.array(customerSchema) }), "every customer"),
        ...errors,
      },
    }),
    (c) => c.json({ customers: [...c.var.pos.state.customers.values()] }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/customers",
      operationId: "staffCreateCustomer",
      summary: "Staff: create a customer at the counter",
      request: bodyOf(createBodySchema),
      responses: { 201: jsonOf(customerSchema, "the new customer"), ...errors },
    }),
    (c) =>
      answer(
        c,
        createCustomer(c.var.pos.state, c.req.valid("json"), c.var.pos.now()),
        201,
        true,
      ) as never,
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/staff/customers/{id}",
      operationId: "staffUpdateCustomer",
      summary: "Staff: change a customer at the counter",
      request: { params: z.object({ id: z.string() }), ...bodyOf(staffUpdateBodySchema) },
      responses: { 200: jsonOf(customerSchema, "the customer after the edit"), ...errors },
    }),
    (c) =>
      answer(
        c,
        staffUpdateCustomer(
          c.var.pos.state,
          c.req.valid("param").id,
          c.req.valid("json"),
          c.var.pos.now(),
        ),
        200,
        false,
      ) as never,
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/staff/customers/{id}/contacts/{contactId}",
      operationId: "staffDeleteContact",
      summary: "Staff: delete one contact method",
      request: { params: z.object({ id: z.string(), contactId: z.string() }) },
      responses: { 200: jsonOf(customerSchema, "the customer without the contact"), ...errors },
    }),
    (c) => {
      const { id, contactId } = c.req.valid("param");
      return answer(
        c,
        deleteContact(c.var.pos.state, id, contactId, c.var.pos.now()),
        200,
        false,
      ) as never;
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/customers/{id}/notes",
      operationId: "staffAddNote",
      summary: "Staff: add a note",
      request: { params: z.object({ id: z.string() }), ...bodyOf(noteBodySchema) },
      responses: { 200: jsonOf(customerSchema, "the customer with the new note"), ...errors },
    }),
    (c) =>
      answer(
        c,
        staffNote(c.var.pos.state, c.req.valid("param").id, c.req.valid("json"), c.var.pos.now()),
        200,
        false,
      ) as never,
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/staff/customers/{id}/notes/{noteId}",
      operationId: "staffEditNote",
      summary: "Staff: edit a note",
      request: {
        params: z.object({ id: z.string(), noteId: z.string() }),
        ...bodyOf(noteBodySchema),
      },
      responses: { 200: jsonOf(customerSchema, "the customer with the edited note"), ...errors },
    }),
    (c) => {
      const { id, noteId } = c.req.valid("param");
      const note = { id: noteId, body: c.req.valid("json").body };
      return answer(c, staffNote(c.var.pos.state, id, note, c.var.pos.now()), 200, false) as never;
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/customers/{id}/wishes",
      operationId: "staffAddWish",
      summary: "Staff: add a wish-list item",
      request: { params: z.object({ id: z.string() }), ...bodyOf(newWishSchema) },
      responses: { 200: jsonOf(customerSchema, "the customer with the new wish"), ...errors },
    }),
    (c) => {
      const change = { add: c.req.valid("json") };
      return answer(
        c,
        staffWish(c.var.pos.state, c.req.valid("param").id, change, c.var.pos.now()),
        200,
        false,
      ) as never;
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/staff/customers/{id}/wishes/{wishId}",
      operationId: "staffRemoveWish",
      summary: "Staff: remove a wish-list item",
      request: { params: z.object({ id: z.string(), wishId: z.string() }) },
      responses: { 200: jsonOf(customerSchema, "the customer without the wish"), ...errors },
    }),
    (c) => {
      const { id, wishId } = c.req.valid("param");
      return answer(
        c,
        staffWish(c.var.pos.state, id, { removeId: wishId }, c.var.pos.now()),
        200,
        false,
      ) as never;
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/staff/customers/{id}/history",
      operationId: "staffCustomerHistory",
      summary: "Staff: a customer's change history, with who made each change",
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: jsonOf(
          z.object({
            changes: z.array(
              z.object({
                version: z.number(),
                via: z.string(),
                associateNumber: z.string().nullable(),
                at: z.string(),
              }),
            ),
          }),
          "who changed the customer, oldest first",
        ),
        ...errors,
      },
    }),
    (c) => c.json({ changes: c.var.pos.state.history.get(c.req.valid("param").id) ?? [] }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/faults",
      operationId: "staffInjectFaults",
      summary: "Test hook: make the next requests fail with a chosen status",
      request: bodyOf(
        z.object({
          failNextRequests: z.number().int().min(0).max(1000),
          status: z.union([z.literal(500), z.literal(429), z.literal(503)]),
        }),
      ),
      responses: {
        200: jsonOf(z.object({ ok: z.boolean() }), "the next integration requests will fail"),
        ...errors,
      },
    }),
    (c) => {
      const { failNextRequests, status } = c.req.valid("json");
      c.var.pos.faults.remaining = failNextRequests;
      c.var.pos.faults.status = status;
      return c.json({ ok: true }, 200);
    },
  );
