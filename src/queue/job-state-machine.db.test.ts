import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import type { Db } from "../store/database.ts";
import { insertStore } from "../store/stores-table.ts";
import { addJob } from "./add-job.ts";
import { claimJobs } from "./claim-jobs.ts";
import { closeDeadJob } from "./close-dead-job.ts";
import { completeJob, completeJobs } from "./complete-jobs.ts";
import { failJob, failJobs } from "./fail-jobs.ts";
import { JobStateError, jobTransitions, targetState } from "./job-state-machine.ts";
import { reclaimExpiredJobs } from "./reclaim-expired-jobs.ts";
import { retryJob } from "./retry-job.ts";

const start = new Date("2026-11-30T09:00:00Z");
const at = (s: number) => new Date(start.getTime() + s * 1000);

const rows = async (db: Db) =>
  db.query<{ id: number; state: string; locked_by: string | null; attempts: number }>(
    "select id, state, locked_by, attempts, result, last_error from jobs order by id",
  );

/** the store the test's jobs are of (made once per database) */
const stores = new WeakMap<Db, Promise<number>>();
const storeOf = (db: Db) => {
  if (!stores.has(db))
    stores.set(db, insertStore(db, { name: "Jobs", timeZone: "UTC", country: "US" }));
  return stores.get(db)!;
};

const add = async (db: Db, n = 1) => {
  const storeId = await storeOf(db);
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      addJob(db, { storeId, kind: "test.job", payload: { i }, runAt: start, maxAttempts: 3 }),
    ),
  );
};

const claim = (db: Db, workerId: string, limit = 10, s = 0) =>
  claimJobs(db, { workerId, limit, leaseSeconds: 30, now: at(s) });

/** Runs a refused change and checks its code and that no job row changed. */
async function refused(db: Db, change: () => Promise<unknown>, code: JobStateError["code"]) {
  const before = await rows(db);
  const error = await change().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobStateError);
  expect((error as JobStateError).code).toBe(code);
  expect(await rows(db)).toEqual(before);
}

describe("R8.3 the job state machine, as a table", () => {
  it("R8.3: every transition names where it may go, and a target outside the table throws before any SQL", () => {
    expect(targetState("fail", "dead")).toBe("dead");
    expect(() => targetState("complete", "ready")).toThrow(/complete never moves a job to ready/);
    expect(() => targetState("retry", "running")).toThrow(/retry never moves a job to running/);
    // a done job never moves again
    for (const { from } of Object.values(jobTransitions)) expect(from).not.toContain("done");
  });
});

describe.each(engines)("R8.3 the job state machine, on $name", (engine) => {
  it("R8.3: a job moves ready -> running -> done, and many complete in one statement", async () => {
    const db = await engine.open();
    await add(db, 3);
    const claimed = await claim(db, "w1");
    expect(claimed).toHaveLength(3);
    await completeJobs(
      db,
      "w1",
      claimed.map((j) => ({ id: j.id, result: { said: `ok, "${j.id}" {\\}` } })),
      at(1),
    );
    expect((await rows(db)).map((r) => [r.state, r.locked_by])).toEqual([
      ["done", "w1"],
      ["done", "w1"],
      ["done", "w1"],
    ]);
    const [first] = await db.query<{ result: unknown }>("select result from jobs where id = $1", [
      claimed[0]!.id,
    ]);
    expect(first!.result).toEqual({ said: `ok, "${claimed[0]!.id}" {\\}` });
  });

  it("R8.3: completing a job that is not running is refused and changes nothing", async () => {
    const db = await engine.open();
    const [id] = await add(db);
    await refused(
      db,
      () => completeJob(db, { id: id!, workerId: "w1" }, "ok", at(1)),
      "job_not_in_state",
    );
    // nor a finished one a second time
    await claim(db, "w1");
    await completeJob(db, { id: id!, workerId: "w1" }, "ok", at(1));
    await refused(
      db,
      () => completeJob(db, { id: id!, workerId: "w1" }, "again", at(2)),
      "job_not_in_state",
    );
  });

  it("R8.3: completing or failing a job whose lease this worker no longer holds is refused and changes nothing", async () => {
    const db = await engine.open();
    const [id] = await add(db);
    const [a] = await claim(db, "a");
    await reclaimExpiredJobs(db, at(31));
    await claim(db, "b", 10, 32);
    await refused(
      db,
      () => completeJob(db, { id: id!, workerId: "a" }, "late", at(33)),
      "job_lease_not_held",
    );
    const attempt = { id: id!, workerId: "a", attempts: a!.attempts, maxAttempts: 3 };
    await refused(db, () => failJob(db, attempt, "late", true, at(33)), "job_lease_not_held");
  });

  it("R8.3: failing a job that is not running is refused and changes nothing", async () => {
    const db = await engine.open();
    const [id] = await add(db);
    const attempt = { id: id!, workerId: "w1", attempts: 1, maxAttempts: 3 };
    await refused(db, () => failJob(db, attempt, "boom", true, at(1)), "job_not_in_state");
    // nor a job this worker finished (a done job keeps locked_by: only the state refuses it)
    await claim(db, "w1");
    await completeJob(db, { id: id!, workerId: "w1" }, "ok", at(1));
    await refused(db, () => failJob(db, attempt, "late", true, at(2)), "job_not_in_state");
  });

  it("R8.3: a batch with one refused job changes none of them", async () => {
    const db = await engine.open();
    await add(db, 3);
    const claimed = await claim(db, "w1");
    // the last one's lease ran out and another worker has it now
    await db.query("update jobs set locked_by = 'w2' where id = $1", [claimed[2]!.id]);
    const results = claimed.map((j) => ({ id: j.id, result: "ok" }));
    await refused(db, () => completeJobs(db, "w1", results, at(1)), "job_lease_not_held");
    const failures = claimed.map((j) => ({ ...j, error: "boom", retryable: true }));
    await refused(db, () => failJobs(db, "w1", failures, at(1)), "job_lease_not_held");
    await refused(
      db,
      () => completeJobs(db, "w1", [...results, { id: 999_999, result: "?" }], at(1)),
      "job_lease_not_held",
    );
    // the first refusal named is the first refused job of the batch, in the caller's order
    await refused(
      db,
      () => completeJobs(db, "w1", [{ id: 999_999, result: "?" }, ...results], at(1)),
      "job_not_found",
    );
  });

  it("R8.3: many jobs fail in one statement, each to its own state", async () => {
    const db = await engine.open();
    await add(db, 2);
    const [x, y] = await claim(db, "w1");
    const states = await failJobs(
      db,
      "w1",
      [
        { ...x!, error: "timeout", retryable: true },
        { ...y!, error: 'refused: {"a", b\\c} NULL é', retryable: false },
      ],
      at(1),
    );
    expect(states).toEqual(["ready", "dead"]);
    expect((await rows(db)).map((r) => [r.state, r.locked_by])).toEqual([
      ["ready", null],
      ["dead", null],
    ]);
    // text goes through the batch's arrays unchanged, whatever array syntax it holds
    const [error] = await db.query<{ last_error: string }>(
      "select last_error from jobs where id = $1",
      [y!.id],
    );
    expect(error!.last_error).toBe('refused: {"a", b\\c} NULL é');
  });

  it("R8.3: retrying or closing a job that is not dead is refused and changes nothing", async () => {
    const db = await engine.open();
    const [ready, running, done] = await add(db, 3);
    await db.query("update jobs set run_at = $2 where id = $1", [ready, at(60)]);
    await claim(db, "w1");
    await completeJob(db, { id: done!, workerId: "w1" }, "ok", at(1));
    for (const id of [ready!, running!, done!]) {
      await refused(db, () => retryJob(db, id, at(2)), "job_not_in_state");
      await refused(db, () => closeDeadJob(db, id, at(2)), "job_not_in_state");
    }
    await refused(db, () => retryJob(db, 999_999, at(2)), "job_not_found");
  });

  it("R8.3: a dead job is retried with fresh attempts, or closed once", async () => {
    const db = await engine.open();
    const [x, y] = await add(db, 2);
    for (const job of await claim(db, "w1"))
      await failJob(db, { ...job, workerId: "w1" }, "for good", false, at(1));
    await retryJob(db, x!, at(2));
    await closeDeadJob(db, y!, at(2));
    expect((await rows(db)).map((r) => [r.state, r.attempts])).toEqual([
      ["ready", 0],
      ["done", 1],
    ]);
    await refused(db, () => closeDeadJob(db, y!, at(3)), "job_not_in_state");
  });
});
