import { serve } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createCustomer } from "./customer-writes.ts";
import { integrationRoutes } from "./integration-routes.ts";
import { fail, type PosEnv, type PosRuntime } from "./pos-env.ts";
import { PosState } from "./pos-state.ts";
import { addInventoryItem, recordSale } from "./retail-writes.ts";
import { seedAssociates, seedCustomers, seedInventory, seedNotes } from "./seed-customers.ts";
import { retailRoutes } from "./retail-routes.ts";
import type { ScaleSeed } from "./scale-seed.ts";
import { malformedRoutes } from "./malformed-records.ts";
import { staffRoutes } from "./staff-routes.ts";
import { createWebhookSender } from "./webhook-sender.ts";

/** A store that looks lived in: customers with notes and wishes, inventory, and a few sales. */
function seedStore(state: PosState, count: number, retail: boolean) {
  const now = new Date();
  if (!retail) {
    for (const body of seedCustomers(count)) createCustomer(state, body, now);
    return state.save();
  }
  const items = seedInventory().map((item) => addInventoryItem(state, item, now));
  seedCustomers(count).forEach((body, i) => {
    const withExtras = {
      ...body,
      ...(i % 4 === 0 ? { notes: [{ body: seedNotes[i % seedNotes.length]! }] } : {}),
      ...(i % 5 === 1
        ? {
            wishlist: [
              {
                inventoryId: items[i % items.length]!.id,
                description: items[i % items.length]!.description,
              },
            ],
          }
        : {}),
    };
    const created = createCustomer(state, withExtras, now);
    // every seventh customer bought something (the demo shows purchases and sold, archived products)
    if (created.ok && i % 7 === 0) {
      const item = items.find((x) => x.status === "on_hand" && x.type === "regular");
      if (item)
        recordSale(
          state,
          {
            customerId: created.customer.id,
            associateNumber: String(1 + (i % 5)),
            lines: [{ inventoryId: item.id, amount: item.price ?? 0 }],
            ...(i % 14 === 0
              ? {
                  serviceJobs: [
                    { type: "repair" as const, description: "Ring sizing", amount: 45 },
                  ],
                }
              : {}),
          },
          now,
        );
    }
  });
  state.save();
}

export interface ReferencePosOptions {
  /** 0 = any free port */
  port: number;
  host?: string;
  /** bearer key integrations and staff must send */
  apiKey: string;
  storeName?: string;
  /** JSON file for persistence; without it the POS keeps everything in memory */
  dataFile?: string;
  /** when the store is empty, invent this many customers (deterministic) */
  seed?: number;
  /**
   * when the store is empty, a store at scale built lazily (scale-seed.ts): customers with 2-3
   * contact methods, custom fields, some notes and wishes, and sales with `salesLines` lines
   */
  scale?: ScaleSeed;
  /** with `seed`: also inventory, notes, wishes and a few sales (the demo's store) */
  seedRetail?: boolean;
  /**
   * told of every write an integration makes (POST, PATCH, DELETE under /api/v1/), after it is
   * answered: the benchmark's write log, to find echoes and time arrivals
   */
  observeWrite?: (write: { method: string; path: string; body: string; status: number }) => void;
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  log?: (line: Record<string, unknown>) => void;
}

export interface ReferencePos {
  url: string;
  close(): Promise<void>;
}

const sameKey = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The reference POS: a real HTTP server with its own storage, speaking the open POS protocol
 * (docs/pos-protocol.md). The demo and the tests sync against it.
 */
export async function startReferencePos(options: ReferencePosOptions): Promise<ReferencePos> {
  const log = options.log ?? (() => undefined);
  const state = new PosState(options.dataFile);
  if (state.associates.length === 0) state.associates = seedAssociates;
  if (state.customers.size === 0 && options.scale) state.seedScale(options.scale);
  else if (state.customers.size === 0 && options.seed)
    seedStore(state, options.seed, options.seedRetail ?? false);
  const sender = createWebhookSender({
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    maxAttempts: options.webhookMaxAttempts ?? 8,
    isSubscribed: (id) => state.webhooks.has(id),
    log,
  });
  const runtime: PosRuntime = {
    state,
    storeName: options.storeName ?? "Reference POS",
    now: () => new Date(),
    notify(customerId, created) {
      const customer = state.customers.peek(customerId);
      if (!customer) return;
      const type = created ? "customer.created" : "customer.updated";
      const event = {
        type,
        record: structuredClone(customer),
        key: "customer",
        occurredAt: customer.updatedAt,
      };
      sender.send(state.webhooks.values(), event);
    },
    notifyRecord(kind, record) {
      const type = kind === "inventory" ? "inventory.updated" : "sale.created";
      const event = {
        type,
        record: structuredClone(record),
        key: kind === "inventory" ? "item" : "sale",
        occurredAt: new Date().toISOString(),
      };
      sender.send(state.webhooks.values(), event);
    },
    faults: { remaining: 0, status: 500, malformed: new Map() },
  };

  const app = new OpenAPIHono<PosEnv>({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "body";
      return c.json(fail("invalid", `${where}: ${issue?.message ?? "invalid"}`), 400);
    },
  });
  app.onError((error, c) => {
    // Hono raises a 400 HTTPException for a body that is not JSON: that is the client's mistake.
    if (error instanceof HTTPException && error.status === 400)
      return c.json(fail("invalid", `body: ${error.message || "not valid JSON"}`), 400);
    log({ msg: "request failed", error: String(error) });
    return c.json(fail("internal", "internal error"), 500);
  });
  app.notFound((c) =>
    c.json(fail("not_found", `${c.req.method} ${c.req.path} is not an operation of this POS`), 404),
  );
  app.use("*", async (c, next) => {
    c.set("pos", runtime);
    if (c.req.path === "/openapi.json") return next();
    const header = c.req.header("authorization") ?? "";
    if (!sameKey(header, `Bearer ${options.apiKey}`))
      return c.json(fail("unauthorized", "send Authorization: Bearer <api key>"), 401);
    if (c.req.path.startsWith("/api/v1/") && runtime.faults.remaining > 0) {
      runtime.faults.remaining -= 1;
      const status = runtime.faults.status as 500 | 429 | 503;
      if (status === 429) c.header("retry-after", "1");
      return c.json(fail(status === 429 ? "rate_limited" : "internal", "injected fault"), status);
    }
    const observe = options.observeWrite;
    if (!observe || c.req.method === "GET" || !c.req.path.startsWith("/api/v1/")) return next();
    const body = await c.req.raw.clone().text();
    await next();
    observe({ method: c.req.method, path: c.req.path, body, status: c.res.status });
  });
  app.route("/", integrationRoutes);
  app.route("/", staffRoutes);
  app.route("/", retailRoutes);
  app.route("/", malformedRoutes);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Open POS protocol (reference POS)",
      version: "1",
      license: { name: "MIT", url: "https://opensource.org/license/mit" },
      description: "See docs/pos-protocol.md.",
    },
    servers: [{ url: "/", description: "the POS that serves this document" }],
    security: [{ bearer: [] }],
  });

  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: host, port: options.port },
      (info: AddressInfo) => {
        const url = `http://${host}:${info.port}`;
        log({ msg: "reference POS listening", url });
        resolve({
          url,
          close: async () => {
            sender.close();
            await new Promise<void>((done) => server.close(() => done()));
            state.save();
          },
        });
      },
    );
    // a port already in use (EADDRINUSE) rejects, so the caller can say what to do
    server.once("error", (error) => {
      sender.close();
      reject(error);
    });
  });
}
