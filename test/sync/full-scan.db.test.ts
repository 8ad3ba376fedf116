import { describe, expect, it } from "vitest";
import { pollIntegration } from "../../src/capture/poll-integration.ts";
import { posConnector } from "../../src/connectors/pos/manifest.ts";
import { connectorRegistry } from "../../src/connectors/registry.ts";
import { processNextEvent } from "../../src/engine/run-engine.ts";
import { listCustomers } from "../../src/services/customers.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import { readIntegration } from "../../src/store/integrations-table.ts";
import { minimalScanConnector as scanConnector } from "../connectors/minimal/scan.ts";
import { startMinimalSimulator } from "../connectors/minimal/simulator.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

describe.each(engines)("R8.1: a full-scan feed, on $name", (engine) => {
  it("R8.1: a full-scan system is read from its beginning at every poll; only what changed comes in again", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db, {
      connectors: connectorRegistry(posConnector, scanConnector),
    });
    const ledger = await startMinimalSimulator();
    afterThisTest(() => ledger.close());
    const { id } = await createIntegration(hub.ctx, hub.admin, {
      kind: "minimal-scan",
      name: "Ledger file",
      baseUrl: ledger.url,
      credentials: { token: ledger.token },
      connection: { pageSize: 2 },
      options: { pollIntervalSeconds: 1 },
    });
    const cursor = async () =>
      (
        await db.query<{ cursor: string | null }>(
          "select cursor from poll_cursors where integration_id = $1",
          [id],
        )
      )[0]?.cursor;
    const poll = async (maxPages = 50) => {
      hub.clock.advance(60_000);
      const recorded = await pollIntegration(
        { db, resolveConnector: hub.ctx.resolveConnector, now: () => hub.clock.now(), maxPages },
        (await readIntegration(db, id))!,
      );
      while (await processNextEvent(db, hub.clock));
      return recorded;
    };
    const ids = [1, 2, 3, 4, 5].map(
      (n) => ledger.createAsStaff({ given_name: `C${n}`, emails: [`c${n}@example.com`] }).id,
    );
    // cut short after two pages: the scan goes on from there next time, then starts over
    expect(await poll(2)).toBe(4);
    expect(await cursor()).not.toBeNull();
    expect(await poll(2)).toBe(1);
    expect(await cursor()).toBeNull();
    expect((await listCustomers(hub.ctx, hub.admin, { limit: 10 })).customers).toHaveLength(5);
    // a whole scan again: the unchanged four are duplicates, the edited one comes in
    ledger.editAsStaff(ids[2]!, { given_name: "Changed" });
    expect(await poll()).toBe(1);
    expect(await cursor()).toBeNull();
    const names = (await listCustomers(hub.ctx, hub.admin, { limit: 10 })).customers.map(
      (c) => c.firstName,
    );
    expect(names.sort()).toEqual(["C1", "C2", "C4", "C5", "Changed"]);
  });
});
