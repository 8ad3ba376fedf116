import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import type { ConnectorResolver } from "../connectors/kit/connector.ts";
import { addJob } from "../queue/add-job.ts";
import { createCustomer } from "../services/customers.ts";
import { applyDueJobs } from "./run-apply.ts";

describe.each(engines)("apply's queue bookkeeping in one statement, on $name", (engine) => {
  it("R8.3: a batch's finished and retried jobs are written together; one whose lease another worker took records nothing and the others still finish", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    await addOfflineIntegration(hub);
    // three customers: three partner.create jobs, each failing (the POS is not reachable) and
    // retried after a backoff
    for (const firstName of ["Ada", "Bo", "Cy"])
      await createCustomer(hub.ctx, hub.admin, { firstName });
    // three activity jobs with nothing to write (the link has no partner yet): done at once
    const [link] = await db.query<{ id: number }>("select id from links order by id limit 1");
    for (const messageId of [1, 2, 3]) {
      const payload = { kind: "activity.add", linkId: link!.id, messageId, actor: "system" };
      await addJob(db, {
        storeId: hub.admin.storeId,
        kind: "activity.add",
        payload,
        runAt: hub.clock.now(),
      });
    }
    // While the batch runs, another worker takes one job of each kind over (as after this
    // worker's lease ran out).
    let stolen = false;
    const resolveConnector: ConnectorResolver = async (integration) => {
      if (!stolen) {
        stolen = true;
        await db.query(
          `update jobs set locked_by = 'other' where id in (
             select min(id) from jobs group by kind)`,
        );
      }
      return hub.ctx.resolveConnector(integration);
    };
    const options = { db, clock: hub.clock, workerId: "w1", resolveConnector, leaseSeconds: 30 };
    expect(await applyDueJobs(options, 8)).toBe(6);

    const jobs = await db.query<{
      kind: string;
      state: string;
      locked_by: string | null;
      last_error: string | null;
    }>("select kind, state, locked_by, last_error from jobs order by kind, id");
    expect(jobs.map((j) => [j.kind, j.state, j.locked_by])).toEqual([
      ["activity.add", "running", "other"],
      ["activity.add", "done", "w1"],
      ["activity.add", "done", "w1"],
      ["partner.create", "running", "other"],
      ["partner.create", "ready", null],
      ["partner.create", "ready", null],
    ]);
    expect(jobs[4]!.last_error).toMatch(/not reachable/);
  });
});
