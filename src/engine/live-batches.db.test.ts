import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { silentLogger } from "../log.ts";
import type { Db } from "../store/database.ts";
import { createEngineLoop } from "./run-engine.ts";

const waiting = async (db: Db) =>
  Number(
    (
      await db.query<{ n: number }>(
        "select count(*)::int as n from change_events where processed_at is null",
      )
    )[0]!.n,
  );

describe.each(engines)("the engine's batch size, on $name", (engine) => {
  it("R8.6: after a batch of live edits the engine claims a few at a time, so every worker takes a share; new customers go in full batches again (R8.5: a step that took fewer than it could says nothing more waits)", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    const loop = createEngineLoop(db, hub.clock, silentLogger, {
      batchSize: 500,
      liveBatchSize: 5,
    });
    const customers = (version: number, from = 0) =>
      Array.from({ length: 12 }, (_, n) =>
        posCustomer(`c_${from + n}`, version, { lastName: `v${version}` }),
      );

    // new customers: one full batch
    await deliver(hub, integrationId, ...customers(1));
    await loop.step();
    expect(await waiting(db)).toBe(0);
    // it took all there was (12 of 500): a worker waits for the next wake-up
    expect(loop.mayHaveMore()).toBe(false);
    // edits of them: the batch after the first edit of each goes one at a time
    await deliver(hub, integrationId, ...customers(2));
    await loop.step();
    expect(await waiting(db)).toBe(0);
    await deliver(hub, integrationId, ...customers(3));
    await loop.step();
    expect(await waiting(db)).toBe(12 - 5);
    // a full (live-sized) batch: more may wait, the worker asks again at once
    expect(loop.mayHaveMore()).toBe(true);
    while (await loop.step());
    expect(await waiting(db)).toBe(0);
    // new customers again: a live-sized batch takes the first, then full batches
    await deliver(hub, integrationId, ...customers(1, 100));
    await loop.step();
    expect(await waiting(db)).toBe(12 - 5);
    await loop.step();
    expect(await waiting(db)).toBe(0);
  });
});
