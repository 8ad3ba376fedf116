import { OpenAPIHono, z } from "@hono/zod-openapi";
import { failingEvents, retryEvent } from "../services/events.ts";
import type { EventView } from "../store/change-event-views.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { errorResponses, errorSchema, idParam, json, pageQuery } from "./schemas.ts";

const eventSchema = z
  .object({
    id: z.number(),
    integrationId: z.number().nullable(),
    kind: z.string().openapi({ example: "sale.webhook" }),
    externalId: z.string().nullable().openapi({ description: "the record's id at its source" }),
    customerId: z.number().nullable().openapi({ description: "the hub customer it concerns" }),
    state: z.enum(["waiting", "parked", "processed"]).openapi({
      description:
        "waiting: tried again at retryAt; parked: used its attempts, tried again only on request",
    }),
    attempts: z.number(),
    lastError: z.string().nullable(),
    outcome: z.string().nullable(),
    retryAt: z.string().nullable(),
    receivedAt: z.string(),
  })
  .openapi("ChangeEvent");

const toJson = (e: EventView) => ({
  ...e,
  retryAt: e.retryAt?.toISOString() ?? null,
  receivedAt: e.receivedAt.toISOString(),
});

/** R7.1: inbound changes that failed, and their retry. Admins and managers, as for jobs. */
export const eventsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/events/failed",
      operationId: "listFailedEvents",
      summary:
        "Inbound changes that failed: waiting for their next attempt or parked after their last, oldest first",
      roles: managerRoles,
      tags: ["events"],
      request: {
        query: z.object({ limit: pageQuery.limit }),
      },
      responses: {
        200: json(z.object({ events: z.array(eventSchema) }), "failing events, oldest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const events = await failingEvents(c.var.ctx, c.var.actor, c.req.valid("query").limit);
      return c.json({ events: events.map(toJson) }, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/events/{id}/retry",
      operationId: "retryEvent",
      summary: "Retry a failed inbound change now, with fresh attempts; answers with how it went",
      roles: managerRoles,
      tags: ["events"],
      request: { params: idParam },
      responses: {
        200: json(
          eventSchema,
          "the event after the retry: processed, or waiting again with its reason",
        ),
        409: json(errorSchema, "the event is not failing: nothing to retry"),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json(toJson(await retryEvent(c.var.ctx, c.var.actor, c.req.valid("param").id)), 200);
    },
  );
