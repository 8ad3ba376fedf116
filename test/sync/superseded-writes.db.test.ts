import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import { fromPos, posGet } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { listConflicts, resolveConflicts } from "../../src/services/conflicts.ts";
import { getCustomer, updateCustomer } from "../../src/services/customers.ts";

/** The values integrations wrote to one POS customer, as the POS's own history records them. */
async function integrationWrites(pair: SyncedPair, posId: string) {
  const { body } = await pair.posCall<{ changes: Array<{ via: string }> }>(
    "GET",
    `/staff/customers/${posId}/history`,
  );
  return body.changes.filter((c) => c.via === "integration").length;
}

/**
 * F11: a queued write carries the hub's intent when it was queued; by the time a worker runs it,
 * the hub may have given that value up. Such a value must never reach the POS.
 */
describe.each(engines)("F11 queued writes the hub gave up on, on $name", (engine) => {
  it("F11: a hub edit taken back before the worker ran is never sent; of two edits only the last is", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada", lastName: "Lovelace" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { firstName: "Adah" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { firstName: "Ada" });
    await pair.settle();
    expect(await integrationWrites(pair, posId)).toBe(0);
    expect((await posGet(pair, posId)).firstName).toBe("Ada");

    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "King" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { lastName: "King-Noel" });
    await pair.settle();
    expect(await integrationWrites(pair, posId)).toBe(1);
    expect((await posGet(pair, posId)).lastName).toBe("King-Noel");
    expect(await pair.settle()).toBe(0);
  });

  it("F11, F12: a queued hub value the user gave up on (took the POS value) is never sent, though the precondition would now let it through", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    // the hub's write is queued; before a worker runs it, the POS changes the same field
    await updateCustomer(pair.ctx, pair.admin, clientId, { firstName: "Adah" });
    await pair.posCall("PATCH", `/staff/customers/${posId}`, { set: { firstName: "Augusta" } });
    await pair.pollAndMerge();
    expect((await listConflicts(pair.ctx, pair.admin)).map((c) => c.field)).toEqual(["firstName"]);
    // the user keeps the POS value: the base becomes "Augusta", so the queued "Adah" would pass
    // its precondition if it were sent now
    await resolveConflicts(pair.ctx, pair.admin, clientId, {
      integrationId: pair.integrationId,
      fields: { firstName: { take: "external" } },
    });
    await pair.settle();
    expect((await posGet(pair, posId)).firstName).toBe("Augusta");
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).firstName).toBe("Augusta");
    expect(await integrationWrites(pair, posId)).toBe(0);
  });
});
