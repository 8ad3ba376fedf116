import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { listConflicts } from "../../src/services/conflicts.ts";
import { createCustomer, getCustomer, updateCustomer } from "../../src/services/customers.ts";
import { fromPos, type PosCustomer } from "../setup/pos-helpers.ts";

describe.each(engines)("F5 notes through the reference POS, on $name", (engine) => {
  const posNotes = async (pair: SyncedPair, id: string) =>
    (
      await pair.posCall<PosCustomer & { notes: Array<{ id: string; body: string }> }>(
        "GET",
        `/api/v1/customers/${id}`,
      )
    ).body.notes;

  it("F5: POS notes become hub activity and hub notes become POS notes, edits included, both ways", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      notes: [{ body: "Likes rose gold" }],
    });
    let hub = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(hub.notes?.map((n) => n.body)).toEqual(["Likes rose gold"]);

    // hub -> POS: a new note, then an edit of the POS's own note
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      addNotes: ["Anniversary in May"],
      editNotes: { [hub.notes![0]!.id]: "Likes rose gold, size 6" },
    });
    await pair.settle();
    expect((await posNotes(pair, posId)).map((n) => n.body)).toEqual([
      "Likes rose gold, size 6",
      "Anniversary in May",
    ]);

    // POS -> hub: staff edit the note the hub wrote, and add one
    const [, fromHubNote] = await posNotes(pair, posId);
    await pair.posCall("PATCH", `/staff/customers/${posId}/notes/${fromHubNote!.id}`, {
      body: "Anniversary on May 3",
    });
    await pair.posCall("POST", `/staff/customers/${posId}/notes`, { body: "Called about repair" });
    await pair.settle();
    hub = await getCustomer(pair.ctx, pair.admin, clientId);
    expect(hub.notes?.map((n) => n.body)).toEqual([
      "Likes rose gold, size 6",
      "Anniversary on May 3",
      "Called about repair",
    ]);
    expect(await posNotes(pair, posId)).toHaveLength(3);
    expect(await pair.settle()).toBe(0);
  });

  it("F5: notes written in the hub before the partner exists go out with it, once", async () => {
    const pair = await startSyncedPair(await engine.open(), { pushNewCustomers: false });
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Grace",
      contacts: [{ kind: "email", value: "g@x.io" }],
    });
    await updateCustomer(pair.ctx, pair.admin, created.id, { addNotes: ["Prefers email"] });
    await pair.ctx.db.query(
      "update integrations set options = options || '{\"pushNewCustomers\": true}'",
    );
    await updateCustomer(pair.ctx, pair.admin, created.id, { lastName: "Hopper" });
    await pair.settle();
    const posId = (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!;
    expect((await posNotes(pair, posId)).map((n) => n.body)).toEqual(["Prefers email"]);
    expect((await getCustomer(pair.ctx, pair.admin, created.id)).notes).toHaveLength(1);
  });

  it("F5: the same note edited differently on both sides is a conflict, not an overwrite", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      notes: [{ body: "Ring resize" }],
    });
    const hubNote = (await getCustomer(pair.ctx, pair.admin, clientId)).notes![0]!;
    const [posNote] = await posNotes(pair, posId);
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      editNotes: { [hubNote.id]: "Ring resize to 6" },
    });
    await pair.posCall("PATCH", `/staff/customers/${posId}/notes/${posNote!.id}`, {
      body: "Ring resize to 7",
    });
    await pair.settle();
    expect((await posNotes(pair, posId))[0]!.body).toBe("Ring resize to 7");
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).notes![0]!.body).toBe(
      "Ring resize to 6",
    );
    const conflicts = await listConflicts(pair.ctx, pair.admin);
    expect(conflicts.map((c) => [c.field, c.hubValue, c.externalValue])).toEqual([
      [`note.${posNote!.id}`, "Ring resize to 6", "Ring resize to 7"],
    ]);
  });
});
