import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addToCollection,
  collectionItemSchema,
  customerCollections,
  removeFromCollection,
} from "../services/collections.ts";
import { customerSchema } from "./customers-routes.ts";
import type { HubEnv } from "./hub-env.ts";
import { anyRole, hubRoute } from "./role-route.ts";
import { errorResponses, idParam, json, jsonBody, pathId } from "./schemas.ts";

const collectionSchema = z
  .object({
    name: z.string(),
    items: z.array(z.object({ id: z.number(), productId: z.number(), name: z.string() })),
  })
  .openapi("Collection");

export const collectionsRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/{id}/collections",
      operationId: "listCollections",
      summary: "F4: the customer's collections and their items",
      roles: anyRole,
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
      return c.json(
        { collections: await customerCollections(c.var.ctx, c.var.actor, c.req.valid("param").id) },
        200,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/{id}/collections/{name}/items",
      operationId: "addCollectionItem",
      summary:
        "F4: add a product or a described wish to a collection (the wish-list collection syncs with the POS)",
      roles: anyRole,
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
      const { id, name } = c.req.valid("param");
      return c.json(
        await addToCollection(c.var.ctx, c.var.actor, id, name, c.req.valid("json")),
        201,
      );
    },
  )
  .openapi(
    hubRoute({
      method: "delete",
      path: "/v1/customers/{id}/collections/{name}/items/{itemId}",
      operationId: "removeCollectionItem",
      summary: "F4: remove an item from one of the customer's collections",
      roles: anyRole,
      tags: ["customers"],
      request: {
        params: idParam.extend({
          name: z.string().openapi({ param: { name: "name", in: "path" } }),
          itemId: pathId("itemId"),
        }),
      },
      responses: { 200: json(customerSchema, "the customer"), ...errorResponses },
    }),
    async (c) => {
      const { id, name, itemId } = c.req.valid("param");
      return c.json(await removeFromCollection(c.var.ctx, c.var.actor, id, name, itemId), 200);
    },
  );
