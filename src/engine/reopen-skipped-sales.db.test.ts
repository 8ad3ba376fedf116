import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { deliverSales, saleRecord } from "../../test/setup/sales.ts";
import { integrationOptionsSchema } from "../domain/integration-options.ts";
import { silentLogger } from "../log.ts";
import { skippedNotSynced } from "../store/change-events-table.ts";
import { updateIntegration } from "../store/integrations-table.ts";
import { createEngineLoop } from "./run-engine.ts";

const saleOutcomes = (db: Awaited<ReturnType<(typeof engines)[number]["open"]>>) =>
  db.query<{ outcome: string | null }>(
    "select outcome from change_events where kind like 'sale.%' order by id",
  );

// F6/S1: the sales skipped while a customer did not sync are reopened by whoever records the
// outcome that makes it sync (salesToReopen): the batch (run-batch.ts, seen in
// test/sync/pos-sales.db.test.ts) and, here, the engine going one event per transaction
// (runClaimed: a batch size of 1, a batch that failed as a whole, a user's retry).
describe.each(engines)("skipped sales, one event per transaction, on $name", (engine) => {
  it("F6, S1: a customer that starts to sync brings in its sales skipped before, when the engine goes one event at a time", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const options = integrationOptionsSchema.parse({ webhooks: false, syncMode: "selected" });
    const integration = await addOfflineIntegration(hub, options);
    const loop = createEngineLoop(db, hub.clock, silentLogger, { batchSize: 1 });
    const drain = async () => {
      for (let n = 0; n < 20 && (await loop.step()); n++) {
        // until nothing is due
      }
    };

    // selected mode: the customer is only recorded, and its sale skipped
    await deliver(hub, integration, posCustomer("c_bea", 1, { firstName: "Bea" }));
    await deliverSales(hub, integration, saleRecord("s_bea", 1, "c_bea", 120));
    await drain();
    expect(await saleOutcomes(db)).toEqual([{ outcome: skippedNotSynced }]);

    // the store syncs everyone now; the customer's next change creates its hub client
    await updateIntegration(
      db,
      hub.ctx.secretKey,
      integration,
      { options: { ...options, syncMode: "all" } },
      hub.clock.now(),
    );
    await deliver(hub, integration, posCustomer("c_bea", 2, { firstName: "Bea" }));
    await drain();
    const [purchase] = await db.query<{ external_id: string; total: string }>(
      "select external_id, total::text from purchases",
    );
    expect(purchase).toEqual({ external_id: "s_bea", total: "120.00" });
    expect((await saleOutcomes(db))[0]!.outcome).toMatch(/^purchase:/);
  });
});
