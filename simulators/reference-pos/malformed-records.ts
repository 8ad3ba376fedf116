import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { fail, type PosEnv, type PosRuntime } from "./pos-env.ts";
import { errors, jsonOf, bodyOf } from "./pos-schemas.ts";

export type FeedKind = "customer" | "inventory" | "sale";

const key = (kind: FeedKind, record: { id: string; version: number }) =>
  `${kind}:${record.id}@${record.version}`;

/**
 * A feed page as the POS serves it: a record version marked malformed (a test hook, below) is
 * served with one field replaced, as a POS with a bug or a bad import would serve it.
 */
export function served<T extends { id: string; version: number }>(
  runtime: PosRuntime,
  kind: FeedKind,
  page: readonly T[],
): T[] {
  return page.map((record) => {
    const fault = runtime.faults.malformed.get(key(kind, record));
    // typed as the record it pretends to be: what the protocol promises, not what is sent
    return fault ? ({ ...structuredClone(record), [fault.field]: fault.value } as T) : record;
  });
}

const recordOf = (runtime: PosRuntime, kind: FeedKind, id: string) =>
  kind === "customer"
    ? runtime.state.customers.get(id)
    : kind === "sale"
      ? runtime.state.sales.get(id)
      : runtime.state.inventory.get(id);

const target = z.object({ kind: z.enum(["customer", "inventory", "sale"]), id: z.string() });
const versionAnswer = { 200: jsonOf(z.object({ version: z.number() }), "the record's version") };

/** Test hooks (reference POS only): a record the feeds serve malformed, and its repair. */
export const malformedRoutes = new OpenAPIHono<PosEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/faults/malformed",
      operationId: "staffServeMalformed",
      summary: "Test hook: serve a record's current version in its feed with one field replaced",
      request: bodyOf(target.extend({ field: z.string().min(1), value: z.unknown().optional() })),
      responses: { ...versionAnswer, ...errors },
    }),
    (c) => {
      const { kind, id, field, value } = c.req.valid("json");
      const runtime = c.var.pos;
      const record = recordOf(runtime, kind, id);
      if (!record) return c.json(fail("not_found", `no ${kind} ${id}`), 404) as never;
      runtime.faults.malformed.set(key(kind, record), { field, value });
      return c.json({ version: record.version }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/staff/faults/malformed/repair",
      operationId: "staffRepairMalformed",
      summary: "Test hook: the POS repairs a record: it is served whole again, at a new version",
      request: bodyOf(target),
      responses: { ...versionAnswer, ...errors },
    }),
    (c) => {
      const { kind, id } = c.req.valid("json");
      const runtime = c.var.pos;
      const record = recordOf(runtime, kind, id);
      if (!record) return c.json(fail("not_found", `no ${kind} ${id}`), 404) as never;
      runtime.faults.malformed.delete(key(kind, record));
      if (kind === "customer") runtime.state.bump(record as never, runtime.now());
      else runtime.state.bumpRecord(kind, record as never);
      return c.json({ version: record.version }, 200);
    },
  );
