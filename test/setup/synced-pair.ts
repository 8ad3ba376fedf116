import { randomUUID } from "node:crypto";
import { startReferencePos, type ReferencePos } from "../../simulators/reference-pos/server.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { pollIntegration } from "../../src/capture/poll-integration.ts";
import type { IntegrationOptions } from "../../src/domain/integration-options.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { reclaimExpiredJobs } from "../../src/queue/reclaim-expired-jobs.ts";
import { ConnectorError } from "../../src/connectors/kit/connector-error.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import type { Db } from "../../src/store/database.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { afterThisTest } from "./cleanup.ts";
import { createTestHub, type TestHub } from "./hub.ts";

const apiKey = "pair-key-12345";

export interface SyncedPair extends TestHub {
  pos: ReferencePos;
  integrationId: number;
  /** acts at the POS as store staff, or as an integration would (/api/v1) */
  posCall: <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: T }>;
  /**
   * runs capture (a poll), the engine and apply until nothing moves; returns the steps taken.
   * `resolveConnector` replaces the apply stage's connectors (fault injection).
   */
  settle(options?: { resolveConnector?: Resolver }): Promise<number>;
  /** a minute later, one poll, then the engine until the inbox is empty; no outbound job runs */
  pollAndMerge(): Promise<number>;
  /** what a worker's apply loop uses, for tests that drive single steps */
  applyOptions: Parameters<typeof applyDueJobs>[0];
}

/**
 * A hub on a test database and the reference POS over loopback HTTP, connected. The stages are
 * driven by hand (`settle`) instead of by a worker's loops, so a test decides when sync happens.
 */
export async function startSyncedPair(
  db: Db,
  options: Partial<IntegrationOptions> = {},
): Promise<SyncedPair> {
  const hub = await createTestHub(db);
  const pos = await startReferencePos({ port: 0, apiKey });
  afterThisTest(() => pos.close());
  const view = await createIntegration(hub.ctx, hub.admin, {
    kind: "pos",
    name: "Reference POS",
    baseUrl: pos.url,
    apiKey,
    options: { webhooks: false, pollIntervalSeconds: 1, ...options },
  });
  const posCall = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, pos.url), {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  const applyOptions = {
    db,
    clock: hub.clock,
    workerId: "test",
    resolveConnector: hub.ctx.resolveConnector,
    leaseSeconds: 30,
  };
  const pollAndMerge = async () => {
    hub.clock.advance(60_000); // past the poll interval
    const integration = (await readIntegration(db, view.id))!;
    let moved =
      (await pollIntegration(
        { db, resolveConnector: hub.ctx.resolveConnector, now: () => hub.clock.now() },
        integration,
      )) ?? 0;
    while (await processNextEvent(db, hub.clock)) moved++;
    return moved;
  };
  const settle = async (options: { resolveConnector?: Resolver } = {}) => {
    const apply = { ...applyOptions, ...options };
    let steps = 0;
    for (let round = 0; round < 50; round++) {
      let moved = await pollAndMerge();
      // jobs whose (simulated) worker died come back once their lease is over
      await reclaimExpiredJobs(db, hub.clock.now());
      moved += await applyDueJobs(apply, 8);
      steps += moved;
      if (moved === 0) return steps;
    }
    throw new Error("the pair did not settle in 50 rounds: something ping-pongs");
  };
  return { ...hub, pos, integrationId: view.id, posCall, settle, pollAndMerge, applyOptions };
}

type Resolver = SyncedPair["ctx"]["resolveConnector"];

/**
 * A connector resolver whose sink makes the real write and then fails as if the worker died
 * before recording the answer: the write happened, its bookkeeping did not.
 */
export function crashAfter(
  pair: SyncedPair,
  write: "createCustomer" | "updateCustomer",
  base: Resolver = pair.ctx.resolveConnector,
): Resolver {
  const dying =
    <A extends unknown[]>(real: (...args: A) => Promise<unknown>) =>
    async (...args: A): Promise<never> => {
      await real(...args);
      throw new ConnectorError("unavailable", `simulated crash after ${write}`);
    };
  return async (integration) => {
    const real = await base(integration);
    const sink = { ...real.sink };
    if (write === "createCustomer")
      sink.createCustomer = dying(real.sink.createCustomer.bind(real.sink));
    else sink.updateCustomer = dying(real.sink.updateCustomer.bind(real.sink));
    return { ...real, sink };
  };
}

/**
 * Fault injection for the safeguards against duplicate partners (S2), one at a time: a resolver
 * whose sink writes without the job's idempotency key (a fresh key per call, so the POS never
 * replays an earlier answer) and/or without the `tandem:<client id>` ref on a new customer. The
 * third safeguard, the email match, is switched off by giving the customer no email.
 */
export function withoutSafeguards(
  base: Resolver,
  off: { idempotencyKey?: boolean; ref?: boolean },
): Resolver {
  return async (integration) => {
    const real = await base(integration);
    const createCustomer: typeof real.sink.createCustomer = (customer, options) => {
      const { ref, ...rest } = options;
      return real.sink.createCustomer(customer, {
        ...rest,
        ...(off.ref ? {} : { ref }),
        ...(off.idempotencyKey ? { idempotencyKey: `no-replay-${randomUUID()}` } : {}),
      });
    };
    return { ...real, sink: { ...real.sink, createCustomer } };
  };
}
