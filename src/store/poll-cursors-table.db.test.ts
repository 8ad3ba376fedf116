import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { leasePollCursor, releasePollCursor } from "./poll-cursors-table.ts";

describe.each(engines)("poll cursors, on $name", (engine) => {
  it("R8.5: a feed leased after the customers feed waits while that feed is not caught up, whichever worker polls it", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const id = await addOfflineIntegration(hub);
    const now = () => hub.clock.now();
    const lease = (feed: string, after: string | null) =>
      leasePollCursor(
        db,
        { integrationId: id, feed },
        { holder: "w1", intervalSeconds: 1, leaseSeconds: 30, now: now(), after },
      );
    const release = (feed: string, caughtUp: boolean, error: string | null = null) =>
      releasePollCursor(db, { integrationId: id, feed }, "w1", { now: now(), error, caughtUp });

    // a first poll of the customers feed (onboarding) is under way: sales wait for it
    expect(await lease("customers", null)).toEqual({ cursor: null });
    expect(await lease("sales", "customers")).toBeUndefined();
    // its pages ran out with more to fetch: still behind, sales still wait
    await release("customers", false);
    expect(await lease("sales", "customers")).toBeUndefined();
    // inventory and any other feed leased after it wait too; one not leased after it does not
    expect(await lease("inventory", "customers")).toBeUndefined();
    expect(await lease("inventory", null)).toEqual({ cursor: null });
    await release("inventory", true);
    // caught up: sales go
    expect(await lease("customers", null)).toEqual({ cursor: null });
    await release("customers", true);
    expect(await lease("sales", "customers")).toEqual({ cursor: null });
    await release("sales", true);

    // behind again, then its poll fails: a failing customers feed does not hold up the others
    hub.clock.advance(60_000);
    expect(await lease("customers", null)).toBeDefined();
    await release("customers", false);
    expect(await lease("sales", "customers")).toBeUndefined();
    expect(await lease("customers", null)).toBeDefined();
    await release("customers", false, "POS unreachable");
    expect(await lease("sales", "customers")).toBeDefined();
  });
});
