import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addToCollection,
  collectionItemSchema,
  customerCollections,
  removeFromCollection,
} from "../services/collections.ts";
import { everyRole, requireRole } from "../services/users.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { errorResponses, idParam, json, jsonBody, pathId } from "./schemas.ts";

const collectionSchema = z
  .object({
    name: z.string(),
    items: z.array(z.object({ id: z.number(), productId: z.number(), name: z.string() })),
  })
  .openapi("Collection");

export const collectionsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/customers/{id}/collections",
      operationId: "listCollections",
      tags: ["customers"],
      request: { params: idParam },
      responses: {
        200: json(
          z.object({ collections: z.array(collectionSchema) }),
          "the customer's collections",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "reading collections");
      return c.json(
        { collections: await customerCollections(c.var.ctx, c.var.actor, c.req.valid("param").id) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/customers/{id}/collections/{name}/items",
      operationId: "addCollectionItem",
      summary:
        "F4: add a product or a described wish to a collection (the wish-list collection syncs with the POS)",
      tags: ["customers"],
      request: {
        params: idParam.extend({
          name: z.string().openapi({ param: { name: "name", in: "path" } }),
        }),
        ...jsonBody(collectionItemSchema),
      },
      responses: { 201: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "editing collections");
      const { id, name } = c.req.valid("param");
      return c.json(
        await addToCollection(c.var.ctx, c.var.actor, id, name, c.req.valid("json")),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/v1/customers/{id}/collections/items/{itemId}",
      operationId: "removeCollectionItem",
      tags: ["customers"],
      request: {
        params: idParam.extend({ itemId: pathId("itemId") }),
      },
      responses: { 200: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) => {
      requireRole(c.var.actor, everyRole, "editing collections");
      const { id, itemId } = c.req.valid("param");
      return c.json(await removeFromCollection(c.var.ctx, c.var.actor, id, itemId), 200);
    },
  );
