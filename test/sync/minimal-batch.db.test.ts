import { describe, expect, it } from "vitest";
import { posConnector } from "../../src/connectors/pos/manifest.ts";
import { connectorRegistry } from "../../src/connectors/registry.ts";
import { processBatch } from "../../src/engine/run-batch.ts";
import { processEvent } from "../../src/engine/run-engine.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import type { Db } from "../../src/store/database.ts";
import { recordExternalRecords } from "../../src/store/inbox.ts";
import { minimalConnector } from "../connectors/minimal/manifest.ts";
import { startMinimalSimulator } from "../connectors/minimal/simulator.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

const count = async (db: Db, sql: string) =>
  Number((await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`))[0]!.n);

// The engine's batch (src/engine/run-batch.ts) with a system that is not the POS: what the batch
// decides by profile comes from the integration's profile, whatever the connector's kind.
describe.each(engines)("the engine's batch with the minimal ledger, on $name", (engine) => {
  it("R8.5, R8.1: a batch reads a sale's flow from its integration's profile, not its kind: a system without sales (the minimal ledger, profile 'customers') has its sale settled in the batch, not failed", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db, {
      connectors: connectorRegistry(posConnector, minimalConnector),
    });
    const ledger = await startMinimalSimulator();
    afterThisTest(() => ledger.close());
    const { id } = await createIntegration(hub.ctx, hub.admin, {
      kind: "minimal",
      name: "Ledger",
      baseUrl: ledger.url,
      credentials: { token: "minimal-token-123" },
      options: { pollIntervalSeconds: 1 },
    });
    await recordExternalRecords(
      db,
      id,
      "sale",
      [
        {
          id: "s_ledger_1",
          version: 1,
          customerId: "m1",
          associateNumber: null,
          occurredAt: hub.clock.now().toISOString(),
          currency: "USD",
          total: 1,
          lines: [],
          serviceJobs: [],
        },
      ],
      "poll",
      hub.clock.now(),
    );
    // the batch itself (not the engine loop, which would redo a failed batch one at a time)
    const result = await processBatch(db, () => hub.clock.now(), processEvent, { limit: 50 });
    expect(result.handled).toHaveLength(1);
    const [event] = await db.query<{ outcome: string | null; attempts: number }>(
      "select outcome, attempts from change_events where kind like 'sale.%'",
    );
    expect(event).toEqual({ outcome: "not imported (profile)", attempts: 0 });
    expect(await count(db, "select 1 from purchases")).toBe(0);
  });
});
