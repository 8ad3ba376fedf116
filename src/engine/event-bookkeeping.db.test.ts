import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { eventually } from "../../test/setup/processes.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { deliverSales, saleRecord, syncedPosCustomer } from "../../test/setup/sales.ts";
import { silentLogger } from "../log.ts";
import type { Db } from "../store/database.ts";
import { startWorker } from "../worker/run-worker.ts";
import { createEngineLoop } from "./run-engine.ts";

const poisonKey = "sale:s_poison@2";

/**
 * A fault in the failure bookkeeping itself: the inbox refuses to record the poison's failure
 * (any update that sets its error), as a bug in that update once did for every failure.
 */
async function refuseFailureMarks(db: Db) {
  await db.exec(`
    create function refuse_failure_mark() returns trigger language plpgsql as $$
      begin raise exception 'injected fault: the failure cannot be recorded'; end $$;
    create trigger refuse_failure_mark before update on change_events for each row
      when (new.event_key = '${poisonKey}' and new.last_error is not null)
      execute function refuse_failure_mark();`);
  return () => db.exec("drop trigger refuse_failure_mark on change_events");
}

const poisonRow = async (db: Db) =>
  (
    await db.query<{ id: number; attempts: number; last_error: string | null }>(
      "select id, attempts, last_error from change_events where event_key = $1",
      [poisonKey],
    )
  )[0]!;
const clients = async (db: Db) =>
  Number((await db.query<{ n: number }>("select count(*)::int as n from clients"))[0]!.n);

describe.each(engines)("when a failure cannot even be recorded, on $name", (engine) => {
  it("R7.1: the engine holds the event back with a growing pause and goes on with the others; once the fault is gone its failure is recorded", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub);
    await syncedPosCustomer(hub, integration, "c_ada");
    await deliverSales(hub, integration, saleRecord("s_poison", 2, "c_ada", 1e13));
    await deliver(
      hub,
      integration,
      ...Array.from({ length: 20 }, (_, n) => posCustomer(`c_${n}`, 10 + n)),
    );
    const restore = await refuseFailureMarks(db);
    const loop = createEngineLoop(db, hub.clock, silentLogger);
    const { id: poison } = await poisonRow(db);

    // the poison comes first; then every good event; then nothing is due
    let steps = 0;
    while (steps < 100 && (await loop.step())) steps++;
    expect(steps).toBe(21);
    expect(await clients(db)).toBe(21);
    expect(loop.held()).toEqual([poison]);
    expect(await poisonRow(db)).toMatchObject({ attempts: 0, last_error: null });

    // tried again once its hold is over (1 s), then held twice as long
    hub.clock.advance(1000);
    expect(await loop.step()).toBe(true);
    expect(loop.held()).toEqual([poison]);
    hub.clock.advance(1999);
    expect(await loop.step()).toBe(false);

    await restore();
    hub.clock.advance(1);
    expect(await loop.step()).toBe(true);
    expect(loop.held()).toEqual([]);
    expect(await poisonRow(db)).toMatchObject({ attempts: 1 });
    expect((await poisonRow(db)).last_error).toMatch(/numeric field overflow/);
  });

  it("R7.1: a worker whose failure bookkeeping fails on one event processes all the others and does not spin on it", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, { pollIntervalSeconds: 3600 });
    await syncedPosCustomer(hub, integration, "c_ada");
    await deliverSales(hub, integration, saleRecord("s_poison", 2, "c_ada", 1e13));
    await deliver(
      hub,
      integration,
      ...Array.from({ length: 50 }, (_, n) => posCustomer(`c_${n}`, 10 + n)),
    );
    await refuseFailureMarks(db);
    const lines: Array<{ msg: string; eventId?: number }> = [];
    const log = pino({ level: "error" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const worker = startWorker({
      db,
      clock: hub.clock,
      resolveConnector: hub.ctx.resolveConnector,
      log,
      idleMs: 20,
    });
    try {
      await eventually(
        async () => ((await clients(db)) === 51 ? true : undefined),
        30_000,
        "every good event processed",
      );
      // give a spinning engine time to show itself
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await worker.stop();
    }
    const { id: poison } = await poisonRow(db);
    const holds = lines.filter((l) => l.eventId === poison);
    // the test clock stands still, so the hold never ends: one attempt, one log line
    expect(holds).toHaveLength(1);
    expect(holds[0]!.msg).toMatch(/holding it back/);
    expect(await poisonRow(db)).toMatchObject({ attempts: 0 });
  });
});
