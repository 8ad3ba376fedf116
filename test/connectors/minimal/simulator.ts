import { serve } from "@hono/node-server";
import { Hono, type Context } from "hono";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/**
 * R8.2: the minimal system's own simulator, for tests only: a customer ledger with far less than
 * the POS. No webhooks, no conditional writes (a PATCH writes whatever it is sent), no idempotency
 * keys, no lookup by email; customer numbers are chosen by the caller and can be looked up. Its
 * storage is its own: a map in memory. It answers `X-RateLimit-Remaining`/`X-RateLimit-Reset`
 * for a window of `requestsPerWindow` requests per second, and 429 past it.
 */
export interface MinimalCustomer {
  id: string;
  number: string;
  version: number;
  given_name: string | null;
  family_name: string | null;
  source: string | null;
  emails: string[];
  phones: string[];
  attributes: Record<string, string>;
  ref: string | null;
}

const createSchema = z.strictObject({
  number: z.string().min(1).max(40),
  given_name: z.string().nullable().optional(),
  family_name: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  emails: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  ref: z.string().nullable().optional(),
});

const patchSchema = z.strictObject({
  given_name: z.string().nullable().optional(),
  family_name: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  add_emails: z.array(z.string()).optional(),
  add_phones: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.string().nullable()).optional(),
});

export interface MinimalSimulator {
  url: string;
  token: string;
  /** the ledger as its staff see it */
  customers(): MinimalCustomer[];
  /** a staff member adds a customer (numbers from 5000 up) */
  createAsStaff(fields: Partial<MinimalCustomer>): MinimalCustomer;
  /** a staff member edits a customer */
  editAsStaff(id: string, fields: Partial<MinimalCustomer>): MinimalCustomer;
  /** the next `n` writes are done and then their answer is lost (the connection is cut) */
  loseNextAnswers(n: number): void;
  /** how many requests came in, by method and path pattern ("POST /v2/customers") */
  requests: Map<string, number>;
  close(): Promise<void>;
}

export async function startMinimalSimulator(
  options: { token?: string; requestsPerWindow?: number } = {},
): Promise<MinimalSimulator> {
  const token = options.token ?? "minimal-token-123";
  const perWindow = options.requestsPerWindow ?? 1000;
  const byId = new Map<string, MinimalCustomer>();
  let version = 0;
  let nextId = 1;
  let staffNumber = 5000;
  let loseAnswers = 0;
  let window = { start: Date.now(), used: 0 };
  const requests = new Map<string, number>();

  const create = (fields: z.infer<typeof createSchema>): MinimalCustomer => {
    const customer: MinimalCustomer = {
      id: `m${nextId++}`,
      number: fields.number,
      version: ++version,
      given_name: fields.given_name ?? null,
      family_name: fields.family_name ?? null,
      source: fields.source ?? null,
      emails: fields.emails ?? [],
      phones: fields.phones ?? [],
      attributes: fields.attributes ?? {},
      ref: fields.ref ?? null,
    };
    byId.set(customer.id, customer);
    return customer;
  };
  const edit = (customer: MinimalCustomer, patch: z.infer<typeof patchSchema>) => {
    const attributes = { ...customer.attributes };
    for (const [key, value] of Object.entries(patch.attributes ?? {}))
      if (value === null) delete attributes[key];
      else attributes[key] = value;
    const next: MinimalCustomer = {
      ...customer,
      ...(patch.given_name === undefined ? {} : { given_name: patch.given_name }),
      ...(patch.family_name === undefined ? {} : { family_name: patch.family_name }),
      ...(patch.source === undefined ? {} : { source: patch.source }),
      emails: [...customer.emails, ...(patch.add_emails ?? [])],
      phones: [...customer.phones, ...(patch.add_phones ?? [])],
      attributes,
      version: ++version,
    };
    byId.set(next.id, next);
    return next;
  };
  const byNumber = (number: string) => [...byId.values()].find((c) => c.number === number);

  /** answers, or does the write and cuts the connection when its answer is to be lost */
  const answer = (c: Context, body: unknown, status: 200 | 201 = 200) => {
    if (loseAnswers > 0 && c.req.method !== "GET") {
      loseAnswers--;
      (c.env as { incoming: { socket: { destroy(): void } } }).incoming.socket.destroy();
    }
    return c.json(body as object, status);
  };

  const app = new Hono();
  app.use("*", async (c, next) => {
    const key = `${c.req.method} ${c.req.routePath ?? c.req.path}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    const now = Date.now();
    if (now - window.start >= 1000) window = { start: now, used: 0 };
    window.used++;
    const reset = Math.max(0, Math.ceil((window.start + 1000 - now) / 1000));
    c.header("x-ratelimit-remaining", String(Math.max(0, perWindow - window.used)));
    c.header("x-ratelimit-reset", String(reset));
    if (window.used > perWindow) {
      c.header("retry-after", String(reset));
      return c.json({ message: "slow down" }, 429);
    }
    if (c.req.header("x-token") !== token) return c.json({ message: "bad token" }, 401);
    await next();
    return undefined;
  });
  app.get("/v2/status", (c) => c.json({ service: "Minimal ledger" }));
  app.get("/v2/customers", (c) => {
    const since = Number(c.req.query("since") ?? "0");
    const max = Math.min(100, Number(c.req.query("max") ?? "50"));
    const changed = [...byId.values()]
      .filter((x) => x.version > since)
      .sort((a, b) => a.version - b.version);
    const items = changed.slice(0, max);
    return c.json({
      items,
      position: items.at(-1)?.version ?? since,
      more: changed.length > max,
    });
  });
  app.get("/v2/customers/by-number/:number", (c) => {
    const found = byNumber(c.req.param("number"));
    return found ? c.json(found) : c.json({ message: "no such number" }, 404);
  });
  app.get("/v2/customers/:id", (c) => {
    const found = byId.get(c.req.param("id"));
    return found ? c.json(found) : c.json({ message: "no such customer" }, 404);
  });
  app.post("/v2/customers", async (c) => {
    const body = createSchema.safeParse(await c.req.json());
    if (!body.success) return c.json({ message: body.error.issues[0]?.message }, 400);
    if (byNumber(body.data.number)) return c.json({ message: "number taken" }, 409);
    return answer(c, create(body.data), 201);
  });
  app.patch("/v2/customers/:id", async (c) => {
    const customer = byId.get(c.req.param("id"));
    if (!customer) return c.json({ message: "no such customer" }, 404);
    const body = patchSchema.safeParse(await c.req.json());
    if (!body.success) return c.json({ message: body.error.issues[0]?.message }, 400);
    return answer(c, edit(customer, body.data));
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    customers: () => [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)),
    createAsStaff: (fields) =>
      create({
        number: String(staffNumber++),
        ...fields,
      } as z.infer<typeof createSchema>),
    editAsStaff: (id, fields) => {
      const customer = byId.get(id);
      if (!customer) throw new Error(`no customer ${id}`);
      const { emails, phones, ...rest } = fields;
      return edit(customer, {
        ...rest,
        ...(emails ? { add_emails: emails.filter((e) => !customer.emails.includes(e)) } : {}),
        ...(phones ? { add_phones: phones.filter((p) => !customer.phones.includes(p)) } : {}),
      } as z.infer<typeof patchSchema>);
    },
    loseNextAnswers: (n) => void (loseAnswers = n),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
