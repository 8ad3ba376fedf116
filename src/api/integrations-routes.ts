import { OpenAPIHono, z } from "@hono/zod-openapi";
import { integrationOptionsSchema } from "../domain/integration-options.ts";
import { linkStatuses } from "../domain/link-status.ts";
import { countCustomers, enableSync, enableSyncMatching } from "../services/customers.ts";
import {
  checkIntegration,
  createIntegration,
  getIntegration,
  integrationCreateSchema,
  integrationUpdateSchema,
  listStoreIntegrations,
  listUserAssociates,
  setUserAssociate,
  updateIntegrationSettings,
} from "../services/integrations.ts";
import { countExternalCustomers } from "../services/external-customers.ts";
import { externalOnlyStatuses } from "../store/external-records.ts";
import type { HubEnv } from "./hub-env.ts";
import { adminRole, anyRole, hubRoute, managerRoles } from "./role-route.ts";
import { customerFilterQuery, errorResponses, idParam, json, jsonBody, pathId } from "./schemas.ts";

const integrationSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    baseUrl: z
      .string()
      .nullable()
      .openapi({ description: "the system's address; null for kinds that have none" }),
    connection: z
      .record(z.string(), z.unknown())
      .openapi({ description: "R8.1: the connector's own settings, as its manifest defines them" }),
    enabled: z.boolean(),
    options: integrationOptionsSchema,
    webhookUrl: z.string(),
  })
  .openapi("Integration");

const associateSchema = z
  .object({ userId: z.number(), associateNumber: z.string() })
  .openapi("AssociateMapping");

const unavailable = {
  502: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "the external system could not be reached",
  ),
};

export const integrationsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations",
      operationId: "listIntegrations",
      summary: "The store's integrations",
      roles: managerRoles,
      tags: ["integrations"],
      responses: {
        200: json(
          z.object({ integrations: z.array(integrationSchema) }),
          "the store's integrations",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json({ integrations: await listStoreIntegrations(c.var.ctx, c.var.actor) }, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations",
      operationId: "createIntegration",
      summary: "I1: add an integration; the connection is tested before it is saved",
      roles: adminRole,
      tags: ["integrations"],
      request: jsonBody(integrationCreateSchema),
      responses: {
        201: json(integrationSchema, "the integration, connection tested"),
        ...errorResponses,
        ...unavailable,
      },
    }),
    async (c) => {
      return c.json(await createIntegration(c.var.ctx, c.var.actor, c.req.valid("json")), 201);
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}",
      operationId: "getIntegration",
      summary: "One integration and its options",
      roles: managerRoles,
      tags: ["integrations"],
      request: { params: idParam },
      responses: { 200: json(integrationSchema, "the integration"), ...errorResponses },
    }),
    async (c) => {
      return c.json(await getIntegration(c.var.ctx, c.var.actor, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/integrations/{id}",
      operationId: "updateIntegration",
      summary: "I2: change an integration's name, address, key, options or enabled state",
      roles: adminRole,
      tags: ["integrations"],
      request: { params: idParam, ...jsonBody(integrationUpdateSchema) },
      responses: {
        200: json(integrationSchema, "the integration after the change"),
        ...errorResponses,
        ...unavailable,
      },
    }),
    async (c) => {
      return c.json(
        await updateIntegrationSettings(
          c.var.ctx,
          c.var.actor,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/test",
      operationId: "testIntegration",
      summary: "I1: test the connection with the stored settings",
      roles: adminRole,
      tags: ["integrations"],
      request: { params: idParam },
      responses: {
        200: json(z.object({ name: z.string() }), "the connection works"),
        ...errorResponses,
        ...unavailable,
      },
    }),
    async (c) => {
      return c.json(await checkIntegration(c.var.ctx, c.var.actor, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/sync",
      operationId: "enableCustomerSync",
      summary: "S1: turn on sync for selected customers (each gets a partner if it has none)",
      description:
        "Either `customerIds` (a selection; applied before the answer) or `filter` (a whole " +
        "filtered list, as `GET /v1/customers` filters it; queued for the workers, so thousands " +
        "answer at once). A7: an associate enables their own and unassigned customers by " +
        "`customerIds`; a whole filtered list is a bulk action for managers and admins.",
      roles: anyRole,
      tags: ["integrations"],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .object({
              customerIds: z.array(z.number().int().positive()).min(1).max(1000).optional(),
              filter: z
                .object({
                  status: customerFilterQuery.shape.status,
                  q: customerFilterQuery.shape.q,
                })
                .strict()
                .optional(),
            })
            .strict()
            .refine((b) => (b.customerIds === undefined) !== (b.filter === undefined), {
              message: "give either customerIds or filter, not both",
              path: ["customerIds"],
            }),
        ),
      },
      responses: {
        200: json(
          z.object({
            synced: z.number().openapi({ description: "customers set to sync now" }),
            queued: z.number().openapi({ description: "customers whose sync the workers do" }),
          }),
          "how many customers were set to sync",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getIntegration(c.var.ctx, c.var.actor, id);
      const { customerIds, filter } = c.req.valid("json");
      if (filter) {
        const queued = await enableSyncMatching(c.var.ctx, c.var.actor, id, {
          integrationId: id,
          status: filter.status,
          search: filter.q,
        });
        return c.json({ synced: 0, queued }, 200);
      }
      const views = await enableSync(c.var.ctx, c.var.actor, id, customerIds ?? []);
      return c.json({ synced: views.length, queued: 0 }, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/sections",
      operationId: "countSyncSections",
      summary: "S11: how many customers are in each sync status of this integration",
      roles: anyRole,
      tags: ["integrations"],
      request: { params: idParam, query: z.object({ q: customerFilterQuery.shape.q }) },
      responses: {
        200: json(
          z.object({
            counts: z.record(z.enum(linkStatuses), z.number()).openapi({
              description: "hub customers per status (unlinked includes those without a link)",
            }),
            external: z.record(z.enum(externalOnlyStatuses), z.number()).openapi({
              description:
                "the other system's customers without a hub customer, per status (GET /v1/integrations/{id}/external-customers lists them)",
            }),
          }),
          "the counts of both sides",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { q } = c.req.valid("query");
      const counts = await countCustomers(c.var.ctx, c.var.actor, id, q);
      const external = await countExternalCustomers(c.var.ctx, c.var.actor, id, q);
      return c.json({ counts, external }, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/integrations/{id}/associates",
      operationId: "listAssociateMappings",
      summary: "F9: which hub user is which associate in this integration",
      roles: managerRoles,
      tags: ["integrations"],
      request: { params: idParam },
      responses: {
        200: json(z.object({ associates: z.array(associateSchema) }), "the mappings"),
        ...errorResponses,
      },
    }),
    async (c) => {
      return c.json(
        { associates: await listUserAssociates(c.var.ctx, c.var.actor, c.req.valid("param").id) },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "put",
      path: "/v1/integrations/{id}/associates/{userId}",
      operationId: "setAssociateMapping",
      summary: "F9: set (or, with null, remove) a hub user's associate number in this integration",
      roles: adminRole,
      tags: ["integrations"],
      request: {
        params: idParam.extend({ userId: pathId("userId") }),
        ...jsonBody(z.object({ associateNumber: z.string().trim().min(1).max(40).nullable() })),
      },
      responses: {
        200: json(
          z.object({ associates: z.array(associateSchema) }),
          "the mappings after the change",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      const associates = await setUserAssociate(
        c.var.ctx,
        c.var.actor,
        id,
        userId,
        c.req.valid("json").associateNumber,
      );
      return c.json({ associates }, 200);
    },
  );
