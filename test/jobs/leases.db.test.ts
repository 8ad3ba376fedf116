import { describe, expect, it } from "vitest";
import { addJob } from "../../src/queue/add-job.ts";
import { claimJobs } from "../../src/queue/claim-jobs.ts";
import { reclaimExpiredJobs } from "../../src/queue/reclaim-expired-jobs.ts";
import { renewJobLeases } from "../../src/queue/renew-job-leases.ts";
import {
  advancePollCursor,
  leasePollCursor,
  PollLeaseLost,
  releasePollCursor,
  renewPollLeases,
} from "../../src/store/poll-cursors-table.ts";
import { insertStore } from "../../src/store/stores-table.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../setup/hub.ts";

const start = new Date("2026-11-30T09:00:00Z");
const at = (s: number) => new Date(start.getTime() + s * 1000);

describe.each(engines)("leases and heartbeats, on $name", (engine) => {
  it("R12.1: a job's lease runs on while its worker's heartbeat renews it; only the holder renews it; once the heartbeats stop, it is taken back a lease later", async () => {
    const db = await engine.open();
    const storeId = await insertStore(db, { name: "Jobs", timeZone: "UTC", country: "US" });
    const id = await addJob(db, { storeId, kind: "test.job", payload: {}, runAt: start });
    await claimJobs(db, { workerId: "a", limit: 1, leaseSeconds: 15, now: at(0) });
    // a's heartbeats, every 5 s, carry it well past its first lease
    for (const s of [5, 10, 15, 20]) {
      expect(await renewJobLeases(db, "a", [id], at(s), 15)).toEqual([id]);
      expect(await reclaimExpiredJobs(db, at(s + 1))).toEqual([]);
    }
    // another worker cannot keep it (nor take it by renewing)
    expect(await renewJobLeases(db, "b", [id], at(21), 15)).toEqual([]);
    // a dies after its heartbeat at 20 s: the job comes back at 35 s, not before
    expect(await reclaimExpiredJobs(db, at(34))).toEqual([]);
    expect(await reclaimExpiredJobs(db, at(36))).toMatchObject([{ id, state: "ready" }]);
    // a late heartbeat of a (it was stalled, not dead) no longer holds it
    expect(await renewJobLeases(db, "a", [id], at(37), 15)).toEqual([]);
  });

  it("R12.6: a poll's lease runs on while its worker's heartbeat renews it; once they stop, another worker takes the feed a lease later, and the first one can neither advance the cursor nor release the feed", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    const feed = { integrationId, feed: "customers" };
    const lease = (holder: string, s: number) =>
      leasePollCursor(db, feed, { holder, intervalSeconds: 1, leaseSeconds: 15, now: at(s) });
    expect(await lease("a", 0)).toEqual({ cursor: null });
    for (const s of [5, 10, 15, 20]) {
      expect(await renewPollLeases(db, "a", [feed], at(s), 15)).toEqual([feed]);
      expect(await lease("b", s + 1)).toBeUndefined();
    }
    expect(await renewPollLeases(db, "b", [feed], at(21), 15)).toEqual([]);
    // a dies after its heartbeat at 20 s: b takes the feed at 35 s
    expect(await lease("b", 34)).toBeUndefined();
    expect(await lease("b", 36)).toEqual({ cursor: null });
    // a was only stalled: its page is not recorded, its release changes nothing
    const page = { holder: "a", leaseSeconds: 15, now: at(37), records: 50 };
    await expect(advancePollCursor(db, feed, "c_50", page)).rejects.toBeInstanceOf(PollLeaseLost);
    await releasePollCursor(db, feed, "a", { now: at(37), error: null });
    expect(await renewPollLeases(db, "a", [feed], at(37), 15)).toEqual([]);
    // b's poll goes on from the stored cursor and ends it
    await advancePollCursor(db, feed, "c_10", { ...page, holder: "b" });
    await releasePollCursor(db, feed, "b", { now: at(38), error: null });
    expect(
      await db.query(
        "select cursor, lease_holder, lease_until, pages_fetched::int as pages from poll_cursors",
      ),
    ).toEqual([{ cursor: "c_10", lease_holder: null, lease_until: null, pages: 1 }]);
  });
});
