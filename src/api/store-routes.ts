import { OpenAPIHono, z } from "@hono/zod-openapi";
import { changeStore, getStore, storePatchSchema } from "../services/store-settings.ts";
import type { StoreRecord } from "../store/stores-table.ts";
import type { HubEnv } from "./hub-env.ts";
import { adminRole, anyRole, hubRoute } from "./role-route.ts";
import { errorResponses, json, jsonBody } from "./schemas.ts";

const storeSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    timeZone: z.string().openapi({ description: "IANA; sales batches (T1) and reports run in it" }),
    country: z.string().openapi({ description: "phones written without +prefix" }),
    currency: z.string().openapi({ description: "ISO 4217; sales in another are held back (T2)" }),
  })
  .openapi("Store");

const view = (s: StoreRecord) => ({
  id: s.id,
  name: s.name,
  timeZone: s.timeZone,
  country: s.country,
  currency: s.currency,
});

export const storeRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/store",
      operationId: "getStore",
      summary: "The store: its name, time zone, country and currency",
      roles: anyRole,
      tags: ["store"],
      responses: { 200: json(storeSchema, "the store"), ...errorResponses },
    }),
    async (c) => c.json(view(await getStore(c.var.ctx, c.var.actor)), 200),
  )
  .openapi(
    hubRoute({
      method: "patch",
      path: "/v1/store",
      operationId: "changeStore",
      summary: "Change the store's name, time zone, country or currency",
      description:
        "Changes only what the body names. The time zone moves the sales batch windows (T1); the currency is what POS sales must be in (T2). Admins only.",
      roles: adminRole,
      tags: ["store"],
      request: jsonBody(storePatchSchema),
      responses: { 200: json(storeSchema, "the store"), ...errorResponses },
    }),
    async (c) => c.json(view(await changeStore(c.var.ctx, c.var.actor, c.req.valid("json"))), 200),
  );
