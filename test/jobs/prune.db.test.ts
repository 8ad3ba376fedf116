import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addJob } from "../../src/queue/add-job.ts";
import { claimJobs } from "../../src/queue/claim-jobs.ts";
import { completeJob } from "../../src/queue/complete-jobs.ts";
import { failJob } from "../../src/queue/fail-jobs.ts";
import { createPruner, pruneFinishedWork } from "../../src/scheduler/prune-finished-work.ts";
import { insertChangeEvents, skippedNotSynced } from "../../src/store/change-events-table.ts";
import type { Db } from "../../src/store/database.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, posCustomer, type TestHub } from "../setup/hub.ts";

const dayMs = 24 * 3600 * 1000;
/** when the prune runs; everything below is dated back from it */
const now = new Date("2026-12-01T03:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);

/**
 * An inbox event as it stands after processing (or not): recorded through the inbox's own
 * statement, then given the processing the test needs. Returns its id.
 */
async function event(
  hub: TestHub,
  integrationId: number | null,
  e: {
    key: string;
    kind: string;
    externalId?: string;
    version?: number;
    processedDaysAgo?: number;
    outcome?: string;
    held?: boolean;
    runId?: number;
  },
): Promise<number> {
  const db = hub.ctx.db;
  const recorded = await insertChangeEvents(db, [
    {
      integrationId,
      storeId: hub.admin.storeId,
      source: integrationId === null ? "hub" : "external",
      eventKey: e.key,
      kind: e.kind,
      externalId: e.externalId ?? null,
      version: e.version ?? null,
      payload: {},
      actor: "test",
      receivedAt: daysAgo(60),
      ...(e.runId ? { runId: e.runId } : {}),
    },
  ]);
  expect(recorded).toBe(1);
  const [row] = await db.query<{ id: number }>(
    "select id from change_events where event_key = $1",
    [e.key],
  );
  await db.query(
    "update change_events set processed_at = $2, outcome = $3, retry_at = $4 where id = $1",
    [
      row!.id,
      e.processedDaysAgo === undefined ? null : daysAgo(e.processedDaysAgo),
      e.outcome ?? (e.processedDaysAgo === undefined ? null : "applied"),
      e.held ? "infinity" : null,
    ],
  );
  return row!.id;
}

/** A job finished (or not) `days` ago, through the queue's own transitions. */
async function job(
  db: Db,
  storeId: number,
  end: "done" | "dead" | "ready" | "running",
  days: number,
): Promise<number> {
  const at = daysAgo(days);
  const id = await addJob(db, { storeId, kind: "test.job", payload: { end }, runAt: at });
  if (end === "ready") return id;
  await claimJobs(db, { workerId: `w${id}`, limit: 1, leaseSeconds: 15, now: at });
  if (end === "done") await completeJob(db, { id, workerId: `w${id}` }, "ok", at);
  if (end === "dead")
    await failJob(db, { id, workerId: `w${id}`, attempts: 1, maxAttempts: 1 }, "gone", false, at);
  return id;
}

const remaining = async (db: Db, table: "change_events" | "jobs") =>
  (await db.query<{ id: number }>(`select id from ${table} order by id`)).map((r) => r.id);

describe.each(engines)("pruning finished work, on $name", (engine) => {
  it("R12.7: processed events and finished jobs past their retention go; what is still needed stays, however old", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const pos = await addOfflineIntegration(hub);
    const [run] = await db.query<{ id: number }>(
      `insert into partner_runs (store_id, integration_id, side, number_choice, total)
       values ($1, $2, 'external', 'keep', 1) returning id`,
      [hub.admin.storeId, pos],
    );
    const c = (id: string, v: number) => `${id}@${v}`;
    const gone = [
      // a hub change, processed long ago
      await event(hub, null, { key: "hub-1", kind: "client.update", processedDaysAgo: 40 }),
      // external records' versions, whether a newer one is in the inbox or not
      await event(hub, pos, {
        key: c("c_1", 1),
        kind: "customer.poll",
        externalId: "c_1",
        version: 1,
        processedDaysAgo: 40,
      }),
      await event(hub, pos, {
        key: c("c_1", 2),
        kind: "customer.poll",
        externalId: "c_1",
        version: 2,
        processedDaysAgo: 35,
      }),
      await event(hub, pos, {
        key: c("c_9", 1),
        kind: "customer.poll",
        externalId: "c_9",
        version: 1,
        processedDaysAgo: 40,
      }),
      await event(hub, pos, {
        key: `inventory:${c("x_1", 5)}`,
        kind: "inventory.poll",
        externalId: "x_1",
        version: 5,
        processedDaysAgo: 40,
      }),
      await event(hub, pos, {
        key: c("c_3", 2),
        kind: "customer.poll",
        externalId: "c_3",
        version: 2,
        processedDaysAgo: 40,
      }),
    ];
    const kept = [
      // within the retention
      await event(hub, pos, {
        key: c("c_9", 2),
        kind: "customer.poll",
        externalId: "c_9",
        version: 2,
        processedDaysAgo: 2,
      }),
      await event(hub, null, { key: "hub-3", kind: "client.update", processedDaysAgo: 10 }),
      // a sale skipped while its customer did not sync: taken up again when it does (F6)
      await event(hub, pos, {
        key: `sale:${c("s_1", 1)}`,
        kind: "sale.poll",
        externalId: "s_1",
        version: 1,
        processedDaysAgo: 40,
        outcome: skippedNotSynced,
      }),
      // parked as failed: listed until a user retries it
      await event(hub, pos, {
        key: c("c_3", 1),
        kind: "customer.poll",
        externalId: "c_3",
        version: 1,
        processedDaysAgo: 40,
        outcome: "failed",
      }),
      // a sale held for its batch, and a change not yet processed
      await event(hub, pos, {
        key: `sale:${c("s_2", 1)}`,
        kind: "sale.poll",
        externalId: "s_2",
        version: 1,
        held: true,
      }),
      await event(hub, null, { key: "hub-2", kind: "client.update" }),
      // a partner run's change: the run's progress counts it
      await event(hub, null, {
        key: "run-1",
        kind: "client.create",
        processedDaysAgo: 40,
        runId: run!.id,
      }),
    ];
    const storeId = hub.admin.storeId;
    const jobsGone = [await job(db, storeId, "done", 40), await job(db, storeId, "done", 31)];
    const jobsKept = [
      await job(db, storeId, "done", 10),
      await job(db, storeId, "dead", 40),
      await job(db, storeId, "ready", 40),
      await job(db, storeId, "running", 40),
    ];

    const counts = await pruneFinishedWork(db, { eventsDays: 30, jobsDays: 30 }, now);
    expect(counts).toEqual({ events: gone.length, jobs: jobsGone.length });
    expect(await remaining(db, "change_events")).toEqual(kept.sort((a, b) => a - b));
    expect(await remaining(db, "jobs")).toEqual(jobsKept);
    // a kept event still recognises its redelivery as a duplicate; a pruned one is recorded
    // again (the engine finds it stale by its version)
    const redeliver = (id: string, version: number) =>
      insertChangeEvents(db, [
        {
          integrationId: pos,
          source: "external",
          eventKey: c(id, version),
          kind: "customer.webhook",
          externalId: id,
          version,
          payload: posCustomer(id, version),
          actor: "test",
          receivedAt: now,
        },
      ]);
    expect(await redeliver("c_9", 2)).toBe(0);
    expect(await redeliver("c_1", 2)).toBe(1);
    // a second pass finds nothing more
    expect(await pruneFinishedWork(db, { eventsDays: 30, jobsDays: 30 }, now)).toEqual({
      events: 0,
      jobs: 0,
    });
  });

  it("R12.7: a retention of 0 keeps everything; a finished job of the last day is kept whatever the retention (F11)", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await event(hub, null, { key: "hub-1", kind: "client.update", processedDaysAgo: 400 });
    const old = await job(db, hub.admin.storeId, "done", 400);
    expect(await pruneFinishedWork(db, { eventsDays: 0, jobsDays: 0 }, now)).toEqual({
      events: 0,
      jobs: 0,
    });
    const recent = await job(db, hub.admin.storeId, "done", 0.9);
    expect(await pruneFinishedWork(db, { eventsDays: 1, jobsDays: 1 }, now)).toEqual({
      events: 1,
      jobs: 1,
    });
    expect(await remaining(db, "jobs")).toEqual([recent]);
    expect(old).toBeLessThan(recent);
  });

  it("R12.7: a worker prunes in steps of a few chunks, and once a pass is over, not again before the next is due", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    for (let i = 0; i < 7; i++)
      await event(hub, null, { key: `hub-${i}`, kind: "client.update", processedDaysAgo: 40 });
    const pruner = createPruner(
      db,
      { eventsDays: 30, jobsDays: 30 },
      { chunk: 2, chunksPerStep: 2, everyMs: 3600_000 },
    );
    const steps = [];
    for (;;) {
      const step = await pruner.step(now);
      steps.push(step);
      if (!step || step.finished) break;
    }
    // two chunks of two a step; the third step looks at the jobs (none)
    expect(steps.map((s) => s?.events)).toEqual([4, 3, 0]);
    expect(await remaining(db, "change_events")).toEqual([]);
    await event(hub, null, { key: "hub-late", kind: "client.update", processedDaysAgo: 40 });
    expect(await pruner.step(new Date(now.getTime() + 3599_000))).toBeUndefined();
    expect(await pruner.step(new Date(now.getTime() + 3600_000))).toMatchObject({
      events: 1,
      finished: true,
    });
  });
});

describe("tandem prune", () => {
  it("R12.7: prunes the embedded store now and says what it did; a bad retention is refused naming its flag", async () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-prune-"));
    const tandem = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ["--import", "tsx", "src/cli/main.ts", ...args],
          { cwd: root, env: { ...process.env, DATABASE_URL: "", TANDEM_LOG_LEVEL: "warn" } },
          (error, stdout, stderr) =>
            resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
    const ok = await tandem(["prune", "--data-dir", dataDir, "--retain-jobs-days", "0"]);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe(
      "Pruned 0 processed inbox events (older than 30 days) and 0 finished jobs (kept for good).\n",
    );
    const bad = await tandem(["prune", "--data-dir", dataDir, "--retain-events-days=-3"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--retain-events-days \(or TANDEM_RETAIN_EVENTS_DAYS\)/);
  }, 60_000);
});
