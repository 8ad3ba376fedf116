import { afterEach, describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { eventually } from "../../test/setup/processes.ts";
import { silentLogger } from "../log.ts";
import { updateCustomer } from "../services/customers.ts";
import { startWorker, type RunningWorker } from "./run-worker.ts";

let worker: RunningWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe.each(engines)("a worker waiting for work, on $name", (engine) => {
  it("R8.6: a change in the inbox and a job in the queue are taken at once, not after the idle pause", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    // a pause far longer than the test: only a wake-up can start the loops again
    worker = startWorker({
      db,
      clock: hub.clock,
      resolveConnector: hub.ctx.resolveConnector,
      log: silentLogger,
      idleMs: 600_000,
    });
    // every loop has looked once, found nothing and gone to sleep
    await new Promise((resolve) => setTimeout(resolve, 500));

    await deliver(hub, integrationId, posCustomer("c_1", 1, { firstName: "Ada" }));
    const clientId = await eventually(
      async () =>
        (await db.query<{ id: number }>("select id from clients where first_name = 'Ada'"))[0]?.id,
      5000,
      "the POS change merged",
    );

    // a hub edit queues a write to the POS (offline here): the apply loop tries it at once
    await updateCustomer(hub.ctx, hub.admin, clientId, { lastName: "Lovelace" });
    const tried = await eventually(
      async () =>
        (
          await db.query<{ attempts: number }>(
            "select attempts from jobs where kind = 'external.update' and attempts > 0",
          )
        )[0],
      5000,
      "the queued write tried",
    );
    expect(tried.attempts).toBeGreaterThan(0);
  });
});
