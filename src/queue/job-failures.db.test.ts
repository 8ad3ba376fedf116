import { describe, expect, it } from "vitest";
import { insertStore } from "../store/stores-table.ts";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { applyDueJobs, reclaimJobs } from "../apply/run-apply.ts";
import { createCustomer, getCustomer } from "../services/customers.ts";
import type { Db } from "../store/database.ts";
import { addJob } from "./add-job.ts";
import { claimJobs } from "./claim-jobs.ts";
import { failJob } from "./fail-jobs.ts";
import type { JobStateError } from "./job-state-machine.ts";
import { reclaimExpiredJobs } from "./reclaim-expired-jobs.ts";

const jobRow = async (db: Db, id: number) =>
  (
    await db.query<{
      state: string;
      attempts: number;
      locked_by: string | null;
      last_error: string | null;
      run_at: Date;
    }>("select state, attempts, locked_by, last_error, run_at from jobs where id = $1", [id])
  )[0]!;

describe.each(engines)("failed jobs, on $name", (engine) => {
  it("R7.1: a worker whose lease another worker took over records nothing and learns that it no longer holds the job", async () => {
    const db = await engine.open();
    const start = new Date("2026-11-22T09:00:00Z");
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    const storeId = await insertStore(db, { name: "Jobs", timeZone: "UTC", country: "US" });
    const id = await addJob(db, {
      storeId,
      kind: "test.job",
      payload: {},
      runAt: start,
      maxAttempts: 1,
    });
    const [a] = await claimJobs(db, { workerId: "a", limit: 1, leaseSeconds: 30, now: at(0) });
    expect(await reclaimExpiredJobs(db, at(31))).toHaveLength(1);
    await db.query("update jobs set state = 'ready', max_attempts = 5 where id = $1", [id]);
    const [b] = await claimJobs(db, { workerId: "b", limit: 1, leaseSeconds: 30, now: at(32) });
    expect(b).toMatchObject({ id, attempts: 2 });

    // worker a comes back from its pause and fails the job for good: not its job any more
    const attempt = { id, workerId: "a", attempts: a!.attempts, maxAttempts: a!.maxAttempts };
    await expect(failJob(db, attempt, "a's late failure", false, at(33))).rejects.toMatchObject({
      code: "job_lease_not_held",
    } satisfies Partial<JobStateError>);
    expect(await jobRow(db, id)).toMatchObject({ state: "running", locked_by: "b" });
    // b's own failure is recorded, with a backoff
    const byB = { id, workerId: "b", attempts: b!.attempts, maxAttempts: b!.maxAttempts };
    expect(await failJob(db, byB, "b failed", true, at(34))).toBe("ready");
    const row = await jobRow(db, id);
    expect(row).toMatchObject({ state: "ready", locked_by: null, last_error: "b failed" });
    expect(row.run_at.getTime()).toBeGreaterThan(at(34).getTime());
  });

  it("R7.1: an outbound job whose failure bookkeeping fails is still recorded as failed, not left claimed until its lease runs out", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub);
    const ada = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    const [job] = await db.query<{ id: number }>("select id from jobs");
    await db.query("update jobs set max_attempts = 1");
    // a fault in the bookkeeping: the customer's link refuses the error status
    await db.exec(`
      create function refuse_link_error() returns trigger language plpgsql as $$
        begin raise exception 'injected fault: links are read-only'; end $$;
      create trigger refuse_link_error before update on links for each row
        when (new.status = 'error') execute function refuse_link_error();`);
    const options = {
      db,
      clock: hub.clock,
      workerId: "w1",
      resolveConnector: hub.ctx.resolveConnector,
      leaseSeconds: 30,
    };
    await expect(applyDueJobs(options, 8)).rejects.toThrow(/links are read-only/);
    const row = await jobRow(db, job!.id);
    expect(row).toMatchObject({ state: "dead", locked_by: null, attempts: 1 });
    expect(row.last_error).toMatch(/not reachable/);

    // with the fault gone, a job that dies puts its customer in the error section as before
    await db.exec("drop trigger refuse_link_error on links");
    await db.query("update jobs set state = 'ready', attempts = 0, run_at = $1", [hub.clock.now()]);
    await applyDueJobs(options, 8);
    const sync = (await getCustomer(hub.ctx, hub.admin, ada.id)).sync[0]!;
    expect(sync.status).toBe("error");
    expect(sync.lastError).toBe((await jobRow(db, job!.id)).last_error);
  });

  it("R8.3, R7.1: an outbound job whose payload does not fit its schema dies at once with the reason by field path; the other jobs go on", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub);
    await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    const [good] = await db.query<{ id: number }>("select id from jobs");
    const bad = await addJob(db, {
      storeId: hub.admin.storeId,
      kind: "external.update",
      payload: { kind: "external.update", linkId: "link-7", set: {}, add: {}, actor: "system" },
      runAt: hub.clock.now(),
      maxAttempts: 5,
    });
    await applyDueJobs(
      {
        db,
        clock: hub.clock,
        workerId: "w1",
        resolveConnector: hub.ctx.resolveConnector,
        leaseSeconds: 30,
      },
      8,
    );
    const row = await jobRow(db, bad);
    expect(row).toMatchObject({ state: "dead", attempts: 1 });
    expect(row.last_error).toMatch(/the job payload is not valid: linkId: /);
    expect(row.last_error).not.toMatch(/link-7/);
    // the good job ran (the offline POS is unreachable: it waits to be retried, not dead)
    expect(await jobRow(db, good!.id)).toMatchObject({ state: "ready", attempts: 1 });
  });

  it("S11: a job whose worker died during its last attempt is dead, and its customer shows error", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub);
    const ada = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    await db.query("update jobs set max_attempts = 1");
    const now = hub.clock.now();
    const [job] = await claimJobs(db, { workerId: "gone", limit: 1, leaseSeconds: 30, now });
    hub.clock.advance(31_000);
    expect(await reclaimJobs(db, hub.clock.now())).toBe(1);
    expect(await jobRow(db, job!.id)).toMatchObject({ state: "dead", locked_by: null });
    const sync = (await getCustomer(hub.ctx, hub.admin, ada.id)).sync[0]!;
    expect(sync.status).toBe("error");
    expect(sync.lastError).toBe(
      "worker lease expired (its worker stopped during its last attempt)",
    );
  });
});
