import { describe, expect, it } from "vitest";
import { ConnectorError } from "../../src/connectors/kit/connector-error.ts";
import type { ConnectorResolver } from "../../src/connectors/kit/connector.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { addJob } from "../../src/queue/add-job.ts";
import { claimJobs } from "../../src/queue/claim-jobs.ts";
import { completeJob } from "../../src/queue/complete-jobs.ts";
import { reclaimExpiredJobs } from "../../src/queue/reclaim-expired-jobs.ts";
import { createCustomer, getCustomer, updateCustomer } from "../../src/services/customers.ts";
import { setUserAssociate } from "../../src/services/integrations.ts";
import { storeJobs } from "../../src/services/jobs.ts";
import { createUser } from "../../src/services/users.ts";
import { insertStore } from "../../src/store/stores-table.ts";
import { engines } from "../setup/database.ts";
import { posGet } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

/**
 * The pair's connectors, with POS updates that carry a `lastName` refused for good (a value the
 * POS will never take): the job that sends it dies, its customer goes to the error section.
 */
function refusingLastNames(pair: SyncedPair): ConnectorResolver {
  return async (integration) => {
    const real = await pair.ctx.resolveConnector(integration);
    const updateCustomer: typeof real.sink.updateCustomer = async (id, operations, options) => {
      if (operations.some((o) => o.op === "setName" && o.field === "lastName"))
        throw new ConnectorError("invalid", "the POS refused the last name");
      return real.sink.updateCustomer(id, operations, options);
    };
    return { ...real, sink: { ...real.sink, updateCustomer } };
  };
}

async function syncedCustomer(pair: SyncedPair, firstName: string) {
  const created = await createCustomer(pair.ctx, pair.admin, { firstName });
  await pair.settle();
  const posId = (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!;
  return { id: created.id, posId };
}

const jobsOf = (pair: SyncedPair) =>
  pair.ctx.db.query<{ id: number; state: string; result: unknown; last_error: string | null }>(
    "select id, state, result, last_error from jobs where kind = 'external.update' order by id",
  );

describe.each(engines)("what a job ends with, on $name", (engine) => {
  it("R12.3: a dead write is closed as superseded once a later write of its customer that carried its fields went through; the customer is no longer listed among dead jobs", async () => {
    const pair = await startSyncedPair(await engine.open());
    const ada = await syncedCustomer(pair, "Ada");
    await updateCustomer(pair.ctx, pair.admin, ada.id, { lastName: "Byron" });
    await pair.settle({ resolveConnector: refusingLastNames(pair) });
    const [dead] = await storeJobs(pair.ctx, pair.admin, "dead");
    expect(dead).toMatchObject({
      kind: "external.update",
      lastError: "the POS refused the last name",
    });
    expect((await getCustomer(pair.ctx, pair.admin, ada.id)).sync[0]!.status).toBe("error");

    // the POS takes last names again; a later edit sends what the hub holds, the last name too
    await updateCustomer(pair.ctx, pair.admin, ada.id, { firstName: "Augusta Ada" });
    await pair.settle();
    expect((await getCustomer(pair.ctx, pair.admin, ada.id)).sync[0]!.status).toBe("synced");
    expect(await posGet(pair, ada.posId)).toMatchObject({
      firstName: "Augusta Ada",
      lastName: "Byron",
    });
    expect(await storeJobs(pair.ctx, pair.admin, "dead")).toEqual([]);
    const [closed, sent] = await jobsOf(pair);
    expect(closed).toMatchObject({
      id: dead!.id,
      state: "done",
      result: `superseded by job ${sent!.id}`,
    });
    // it keeps the error it died of: why it never went out
    expect(closed!.last_error).toBe("the POS refused the last name");
    expect(sent).toMatchObject({ state: "done", result: "sent", last_error: null });
  });

  it("R12.3: a dead write stays dead when the later write that went through did not carry its fields (queued while they were still on their way), until one that carries them goes", async () => {
    const pair = await startSyncedPair(await engine.open());
    const bo = await syncedCustomer(pair, "Bo");
    // two edits, two writes queued one behind the other before either runs
    await updateCustomer(pair.ctx, pair.admin, bo.id, { lastName: "Diddley" });
    await pair.pollAndMerge();
    await updateCustomer(pair.ctx, pair.admin, bo.id, { firstName: "Bob" });
    await pair.pollAndMerge();
    const refusing = { ...pair.applyOptions, resolveConnector: refusingLastNames(pair) };
    expect(await applyDueJobs(refusing, 8)).toBe(1); // the last name: refused for good
    expect(await applyDueJobs(refusing, 8)).toBe(1); // the first name: sent
    const [first, second] = await jobsOf(pair);
    expect(first).toMatchObject({ state: "dead" });
    expect(second).toMatchObject({ state: "done", result: "sent" });
    expect((await storeJobs(pair.ctx, pair.admin, "dead")).map((j) => j.id)).toEqual([first!.id]);
    // the answer's merge sends the hub's last name again; the POS takes it now
    await pair.settle();
    expect(await storeJobs(pair.ctx, pair.admin, "dead")).toEqual([]);
    expect(await posGet(pair, bo.posId)).toMatchObject({ firstName: "Bob", lastName: "Diddley" });
  });

  it("R12.4: a job that failed and then went through ends without the earlier attempt's error", async () => {
    const pair = await startSyncedPair(await engine.open());
    const cy = await syncedCustomer(pair, "Cy");
    let failures = 0;
    const failingOnce: ConnectorResolver = async (integration) => {
      const real = await pair.ctx.resolveConnector(integration);
      const updateCustomer: typeof real.sink.updateCustomer = async (...args) => {
        if (failures++ === 0) throw new ConnectorError("unavailable", "the POS is busy");
        return real.sink.updateCustomer(...args);
      };
      return { ...real, sink: { ...real.sink, updateCustomer } };
    };
    await updateCustomer(pair.ctx, pair.admin, cy.id, { lastName: "Young" });
    await pair.settle({ resolveConnector: failingOnce });
    expect(failures).toBe(2);
    const rows = await pair.ctx.db.query(
      "select state, attempts, last_error from jobs where kind = 'external.update'",
    );
    expect(rows).toEqual([{ state: "done", attempts: 2, last_error: null }]);
  });

  it("R12.4: a job whose worker's lease ran out and that another worker then finished ends without 'worker lease expired'", async () => {
    const db = await engine.open();
    const storeId = await insertStore(db, { name: "Jobs", timeZone: "UTC", country: "US" });
    const start = new Date("2026-11-30T09:00:00Z");
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    const id = await addJob(db, { storeId, kind: "test.job", payload: {}, runAt: start });
    await claimJobs(db, { workerId: "gone", limit: 1, leaseSeconds: 15, now: at(0) });
    expect(await reclaimExpiredJobs(db, at(16))).toMatchObject([
      { id, lastError: "worker lease expired" },
    ]);
    await claimJobs(db, { workerId: "next", limit: 1, leaseSeconds: 15, now: at(17) });
    await completeJob(db, { id, workerId: "next" }, "ok", at(18));
    expect(await db.query("select state, last_error from jobs")).toEqual([
      { state: "done", last_error: null },
    ]);
  });

  it("R12.5, F9: a value a user made, sent again by a merge that a POS change set off (its first write died), goes to the POS as that user's associate, not the default one", async () => {
    const pair = await startSyncedPair(await engine.open(), { defaultAssociateNumber: "9" });
    const { user } = await createUser(pair.ctx, pair.admin, {
      name: "Rosa",
      email: "rosa@test.local",
      role: "associate",
    });
    await setUserAssociate(pair.ctx, pair.admin, pair.integrationId, user.id, "3");
    const rosa = { userId: user.id, storeId: pair.admin.storeId, role: "associate" as const };
    // Rosa's own customer (A7: an associate edits their own)
    const created = await createCustomer(pair.ctx, rosa, { firstName: "Dee" });
    await pair.settle();
    const dee = {
      id: created.id,
      posId: (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!,
    };
    await updateCustomer(pair.ctx, rosa, dee.id, { lastName: "Dee-Rosa" });
    await pair.settle({ resolveConnector: refusingLastNames(pair) });
    expect(await storeJobs(pair.ctx, pair.admin, "dead")).toHaveLength(1);

    // POS staff change the customer's first name: the merge this sets off sends the hub's last
    // name again, now that the POS takes it
    await pair.posCall("PATCH", `/staff/customers/${dee.posId}`, { set: { firstName: "Deirdre" } });
    await pair.settle();
    const history = await pair.posCall<{
      changes: Array<{ associateNumber: string | null; via: string; fields?: unknown }>;
    }>("GET", `/staff/customers/${dee.posId}/history`);
    const fromHub = history.body.changes.filter((c) => c.via === "integration");
    // the customer's creation, then her last name: both Rosa's (the default associate is 9)
    expect(fromHub.map((c) => c.associateNumber)).toEqual(["3", "3"]);
    expect(await posGet(pair, dee.posId)).toMatchObject({
      firstName: "Deirdre",
      lastName: "Dee-Rosa",
    });
  });
});
