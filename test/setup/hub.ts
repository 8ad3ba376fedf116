import { randomBytes } from "node:crypto";
import type { Clock } from "../../src/domain/clock.ts";
import type { ExternalCustomer } from "../../src/domain/customer.ts";
import {
  integrationOptionsSchema,
  type IntegrationOptions,
} from "../../src/domain/integration-options.ts";
import { silentLogger } from "../../src/log.ts";
import type { ConnectorRegistry } from "../../src/connectors/registry.ts";
import { createConnectorResolver } from "../../src/services/connector-resolver.ts";
import type { Actor, ServiceContext } from "../../src/services/service-context.ts";
import { bootstrapHub } from "../../src/services/users.ts";
import type { Db } from "../../src/store/database.ts";
import { insertIntegration } from "../../src/store/integrations-table.ts";
import { insertChangeEvents } from "../../src/store/change-events-table.ts";
import { externalEventKey } from "../../src/domain/customer.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";

/** A clock tests move by hand. */
export function manualClock(
  start = new Date("2026-11-22T09:00:00Z"),
): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

export interface TestHub {
  ctx: ServiceContext;
  admin: Actor;
  token: string;
  clock: ReturnType<typeof manualClock>;
}

/**
 * A hub on `db` with a store and its admin. `connectors`: the connector kinds it knows (R8.1; the
 * shipped ones by default), e.g. with the minimal test connector added.
 */
export async function createTestHub(
  db: Db,
  options: { clock?: ReturnType<typeof manualClock>; connectors?: ConnectorRegistry } = {},
): Promise<TestHub> {
  const clock = options.clock ?? manualClock();
  const secretKey = randomBytes(32);
  const ctx: ServiceContext = {
    db,
    clock,
    secretKey,
    resolveConnector: createConnectorResolver(
      db,
      secretKey,
      { timeoutMs: 5000, maxAttempts: 2 },
      options.connectors,
    ),
    connectors: options.connectors,
    log: silentLogger,
    publicUrl: "http://127.0.0.1:1",
  };
  const boot = await bootstrapHub(ctx, { storeName: "Test Store", adminEmail: "admin@test.local" });
  return {
    ctx,
    admin: { userId: boot.admin.id, storeId: boot.storeId, role: "admin" },
    token: boot.token!,
    clock,
  };
}

/** An integration row without a reachable system: for engine tests that feed changes by hand. */
export async function addOfflineIntegration(
  hub: TestHub,
  options: Partial<IntegrationOptions> = {},
): Promise<number> {
  return insertIntegration(hub.ctx.db, hub.ctx.secretKey, {
    storeId: hub.admin.storeId,
    kind: "pos",
    profile: "pos",
    name: "Offline POS",
    baseUrl: "http://127.0.0.1:1",
    credentials: { apiKey: "k", webhookSecret: "s" },
    options: integrationOptionsSchema.parse({ webhooks: false, ...options }),
    now: hub.clock.now(),
  });
}

/** Delivers external customers to the inbox, as a webhook or a poll would. */
export async function deliver(
  hub: TestHub,
  integrationId: number,
  ...customers: ExternalCustomer[]
) {
  return insertChangeEvents(
    hub.ctx.db,
    customers.map((customer) => ({
      integrationId,
      source: "external" as const,
      eventKey: externalEventKey(customer),
      kind: "customer.test",
      externalId: customer.id,
      version: customer.version,
      payload: customer,
      actor: "test",
      receivedAt: hub.clock.now(),
    })),
  );
}

export function posCustomer(
  id: string,
  version: number,
  fields: Partial<ExternalCustomer["customer"]> = {},
): ExternalCustomer {
  return {
    id,
    number: null,
    version,
    customer: {
      firstName: null,
      lastName: null,
      acquisition: null,
      contacts: [],
      preferences: {},
      ...fields,
    },
  };
}

/** Runs the engine until nothing in the inbox is due (one event per transaction, as a worker's batch of one). */
export async function drainInbox(hub: TestHub): Promise<void> {
  while (await processNextEvent(hub.ctx.db, hub.clock)) {
    // until nothing is due
  }
}
