import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/domain/clock.ts";
import type { ConnectorResolver } from "../../src/connectors/kit/connector.ts";
import { silentLogger } from "../../src/log.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import { createCustomer } from "../../src/services/customers.ts";
import type { Db } from "../../src/store/database.ts";
import {
  startWorker,
  type RunningWorker,
  type WorkerOptions,
} from "../../src/worker/run-worker.ts";
import { engines } from "../setup/database.ts";
import { eventually } from "../setup/processes.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

const workers: RunningWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

/** A worker on the real clock (leases run out in real time), as a worker process runs one. */
function worker(db: Db, resolveConnector: ConnectorResolver, options: Partial<WorkerOptions>) {
  const running = startWorker({
    db,
    clock: systemClock,
    resolveConnector,
    log: silentLogger,
    idleMs: 50,
    ...options,
  });
  workers.push(running);
  return running;
}

/** What the partner saw of the writes of one job (its Idempotency-Key): tries, and how many at once. */
interface KeySeen {
  calls: number;
  inFlight: number;
  mostAtOnce: number;
}

/**
 * The pair's connectors with their new-customer writes watched: per idempotency key (one job),
 * how many tries and how many at once; per integration, how many writes at once; and `hold`,
 * which keeps a write waiting (after it reached the POS, its answer not yet back) while it
 * returns a promise.
 */
function watchedWrites(
  pair: SyncedPair,
  hold: (integrationId: number, firstName: string | null) => Promise<void> | undefined,
) {
  const keys = new Map<string, KeySeen>();
  const atOnce = new Map<number, { now: number; most: number; done: number }>();
  const resolveConnector: ConnectorResolver = async (integration) => {
    const real = await pair.ctx.resolveConnector(integration);
    const createCustomer: typeof real.sink.createCustomer = async (customer, options) => {
      const key = keys.get(options.idempotencyKey) ?? { calls: 0, inFlight: 0, mostAtOnce: 0 };
      keys.set(options.idempotencyKey, key);
      const of = atOnce.get(integration.id) ?? { now: 0, most: 0, done: 0 };
      atOnce.set(integration.id, of);
      key.calls += 1;
      key.inFlight += 1;
      key.mostAtOnce = Math.max(key.mostAtOnce, key.inFlight);
      of.now += 1;
      of.most = Math.max(of.most, of.now);
      try {
        const answer = await real.sink.createCustomer(customer, options);
        await hold(integration.id, customer.firstName);
        of.done += 1;
        return answer;
      } finally {
        key.inFlight -= 1;
        of.now -= 1;
      }
    };
    return { ...real, sink: { ...real.sink, createCustomer } };
  };
  return { keys, atOnce, resolveConnector };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe.each(engines)("the job runner, on $name", (engine) => {
  it("R12.1: a write that outlasts its lease (the partner answers 3 s late, the lease is 1 s) has one runner at a time: its worker's heartbeat keeps it, the other worker never takes it over", async () => {
    const pair = await startSyncedPair(await engine.open());
    const watched = watchedWrites(pair, (_, firstName) =>
      firstName?.startsWith("Slow") ? sleep(3000) : undefined,
    );
    for (const firstName of ["Slow1", "Slow2", "Quick"])
      await createCustomer(pair.ctx, pair.admin, { firstName });
    worker(pair.ctx.db, watched.resolveConnector, { workerId: "a", leaseSeconds: 1 });
    worker(pair.ctx.db, watched.resolveConnector, { workerId: "b", leaseSeconds: 1 });
    const db = pair.ctx.db;
    await eventually(
      async () =>
        (
          await db.query<{ n: number }>(
            "select count(*)::int as n from jobs where kind = 'partner.create' and state = 'done'",
          )
        )[0]!.n === 3 || undefined,
      20_000,
      "the three customers created at the POS",
    );
    // each job: one try, never two at once, and nothing says a lease ran out
    expect([...watched.keys.values()]).toEqual([
      { calls: 1, inFlight: 0, mostAtOnce: 1 },
      { calls: 1, inFlight: 0, mostAtOnce: 1 },
      { calls: 1, inFlight: 0, mostAtOnce: 1 },
    ]);
    expect(
      await db.query("select attempts, last_error from jobs where kind = 'partner.create'"),
    ).toEqual([
      { attempts: 1, last_error: null },
      { attempts: 1, last_error: null },
      { attempts: 1, last_error: null },
    ]);
    const { body } = await pair.posCall<{ customers: unknown[] }>("GET", "/staff/customers");
    expect(body.customers).toHaveLength(3);
  });

  it("R12.1: a worker told to stop while a write hangs (3 s, lease 1 s) keeps renewing its lease until the write ends: the other worker never takes it over", async () => {
    const pair = await startSyncedPair(await engine.open());
    let started!: () => void;
    const writing = new Promise<void>((resolve) => (started = resolve));
    const watched = watchedWrites(pair, () => {
      started();
      return sleep(3000);
    });
    await createCustomer(pair.ctx, pair.admin, { firstName: "Leaving" });
    const leaving = worker(pair.ctx.db, watched.resolveConnector, {
      workerId: "leaving",
      leaseSeconds: 1,
    });
    await writing;
    const stopped = leaving.stop();
    worker(pair.ctx.db, watched.resolveConnector, { workerId: "staying", leaseSeconds: 1 });
    await stopped;
    await sleep(1500); // past the lease: had it run out, the other worker would try again now
    expect([...watched.keys.values()]).toEqual([{ calls: 1, inFlight: 0, mostAtOnce: 1 }]);
    expect(
      await pair.ctx.db.query(
        "select state, attempts, locked_by from jobs where kind = 'partner.create'",
      ),
    ).toEqual([{ state: "done", attempts: 1, locked_by: "leaving" }]);
  });

  it("R12.2: jobs flow past a hanging partner: a worker fills each free slot at once, runs at most its per-integration share of one integration, and a healthy integration's writes all go while the other's hang", async () => {
    const pair = await startSyncedPair(await engine.open());
    // a second integration, to the same POS; the first one's partner hangs until released
    const second = await createIntegration(pair.ctx, pair.admin, {
      kind: "pos",
      name: "Second till",
      baseUrl: pair.pos.url,
      apiKey: "pair-key-12345",
      options: { webhooks: false, pollIntervalSeconds: 1 },
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const watched = watchedWrites(pair, (integrationId) =>
      integrationId === pair.integrationId ? released : undefined,
    );
    const names = Array.from({ length: 8 }, (_, i) => `Flow${i}`);
    for (const firstName of names) await createCustomer(pair.ctx, pair.admin, { firstName });
    worker(pair.ctx.db, watched.resolveConnector, {
      workerId: "only",
      concurrency: 4,
      perIntegration: 2,
      leaseSeconds: 2,
    });
    // every write to the healthy integration goes while the hanging one holds two slots
    await eventually(
      async () => (watched.atOnce.get(second.id)?.done === names.length ? true : undefined),
      20_000,
      "the healthy integration's eight customers created",
    );
    expect(watched.atOnce.get(pair.integrationId)).toMatchObject({ now: 2, most: 2, done: 0 });
    release();
    await eventually(
      async () =>
        watched.atOnce.get(pair.integrationId)?.done === names.length ? true : undefined,
      20_000,
      "the hanging integration's customers created once it answers",
    );
    // the hanging partner never had more than its share of the worker's four slots
    expect(watched.atOnce.get(pair.integrationId)!.most).toBe(2);
    expect([...watched.keys.values()].every((k) => k.calls === 1)).toBe(true);
  });

  it("R12.2: one slow write does not hold up the rest of what the worker claimed: the others finish and more are claimed while it hangs", async () => {
    const pair = await startSyncedPair(await engine.open());
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const watched = watchedWrites(pair, (_, firstName) =>
      firstName === "Stuck" ? released : undefined,
    );
    await createCustomer(pair.ctx, pair.admin, { firstName: "Stuck" });
    for (let i = 0; i < 9; i++)
      await createCustomer(pair.ctx, pair.admin, { firstName: `Fine${i}` });
    // three slots, all for one integration: a batch that waited for its slowest would finish
    // two of the first three and nothing more while "Stuck" hangs
    worker(pair.ctx.db, watched.resolveConnector, {
      workerId: "only",
      concurrency: 3,
      perIntegration: 3,
      leaseSeconds: 2,
    });
    await eventually(
      async () => (watched.atOnce.get(pair.integrationId)?.done === 9 ? true : undefined),
      20_000,
      "the nine other customers created while one write hangs",
    );
    expect(watched.atOnce.get(pair.integrationId)!.now).toBe(1);
    release();
    await eventually(
      async () => (watched.atOnce.get(pair.integrationId)?.done === 10 ? true : undefined),
      20_000,
      "the stuck one created once it answers",
    );
  });

  it("R12.6: a poll whose page outlasts its lease (the POS answers 3 s late, the lease is 1 s) is not polled by another worker meanwhile: its worker's heartbeat keeps the feed", async () => {
    const pair = await startSyncedPair(await engine.open());
    await pair.posCall("POST", "/staff/customers", { firstName: "Polled" });
    let inFlight = 0;
    let mostAtOnce = 0;
    let slowPages = 0;
    const resolveConnector: ConnectorResolver = async (integration) => {
      const real = await pair.ctx.resolveConnector(integration);
      const customers = real.source.feeds.customers;
      if (!customers) return real;
      const watched: typeof customers = async (cursor, limit) => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        try {
          const page = await customers(cursor, limit);
          if (page.records.length > 0) {
            slowPages += 1;
            await sleep(3000);
          }
          return page;
        } finally {
          inFlight -= 1;
        }
      };
      return {
        ...real,
        source: { ...real.source, feeds: { ...real.source.feeds, customers: watched } },
      };
    };
    worker(pair.ctx.db, resolveConnector, { workerId: "a", leaseSeconds: 1 });
    worker(pair.ctx.db, resolveConnector, { workerId: "b", leaseSeconds: 1 });
    await eventually(
      async () =>
        (
          await pair.ctx.db.query<{ n: number }>(
            "select count(*)::int as n from clients where first_name = 'Polled'",
          )
        )[0]!.n === 1 || undefined,
      20_000,
      "the POS customer in the hub",
    );
    expect(slowPages).toBe(1);
    expect(mostAtOnce).toBe(1);
  });
});
