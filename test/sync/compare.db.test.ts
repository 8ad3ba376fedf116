import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import { fromPos } from "../setup/pos-helpers.ts";
import { crashAfter, startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { addToCollection } from "../../src/services/collections.ts";
import { compareWithPartner } from "../../src/services/conflicts.ts";
import { getCustomer, updateCustomer } from "../../src/services/customers.ts";

interface PosItems {
  notes: Array<{ id: string; body: string }>;
  wishlist: Array<{ id: string; description: string }>;
}

const posItems = async (pair: SyncedPair, posId: string) =>
  (await pair.posCall<PosItems>("GET", `/api/v1/customers/${posId}`)).body;

/**
 * A customer with notes and wishes on both sides, all synced: two notes and two wishes written at
 * the POS, one note and one wish written in the hub, each paired with its partner item.
 */
async function syncedWithItems(pair: SyncedPair) {
  const ring = (
    await pair.posCall<{ id: string }>("POST", "/staff/inventory", {
      sku: "CMP-1",
      description: "Emerald ring",
    })
  ).body.id;
  const { clientId, posId } = await fromPos(pair, {
    firstName: "Edith",
    lastName: "Clarke",
    notes: [{ body: "Prefers yellow gold" }, { body: "Birthday in March" }],
    wishlist: [{ inventoryId: ring, description: "Emerald ring" }, { description: "Jade pendant" }],
  });
  await updateCustomer(pair.ctx, pair.admin, clientId, { addNotes: ["Called about a resize"] });
  await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { description: "Onyx cufflinks" });
  await pair.settle();
  const pos = await posItems(pair, posId);
  expect(pos.notes).toHaveLength(3);
  expect(pos.wishlist).toHaveLength(3);
  return { clientId, posId, pos };
}

describe.each(engines)("S12 compare with notes and wishes, on $name", (engine) => {
  it("S12: R7.5: a customer whose notes and wishes are synced compares with no differences, one row per paired item", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, pos } = await syncedWithItems(pair);
    const comparison = await compareWithPartner(pair.ctx, pair.admin, clientId, pair.integrationId);
    expect(comparison.fields.filter((f) => f.differs)).toEqual([]);
    // every POS note and wish is one row, named by its POS id, with the same value on both sides
    const items = comparison.fields.filter((f) => /^(note|wish)\./.test(f.field));
    expect(items.map((f) => f.field).sort()).toEqual(
      [...pos.notes.map((n) => `note.${n.id}`), ...pos.wishlist.map((w) => `wish.${w.id}`)].sort(),
    );
    for (const row of items) expect(row.hub).toBe(row.external);
    expect(items.find((f) => f.field === `note.${pos.notes[2]!.id}`)).toMatchObject({
      hub: "Called about a resize",
      rule: "F5",
    });
    expect(items.find((f) => f.field === `wish.${pos.wishlist[2]!.id}`)).toMatchObject({
      hub: JSON.stringify({ inventoryId: null, description: "Onyx cufflinks" }),
      rule: "F4",
    });
  });

  it("S12: R7.5: compare marks only the real differences: a note edited at one side, a wish on one side only, a hub note not sent yet", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId, pos } = await syncedWithItems(pair);
    // at the POS, not polled yet: an edited note and a new wish
    await pair.posCall("PATCH", `/staff/customers/${posId}/notes/${pos.notes[0]!.id}`, {
      body: "Prefers rose gold",
    });
    await pair.posCall("POST", `/staff/customers/${posId}/wishes`, { description: "Pearl studs" });
    // in the hub, not sent yet: a new note and an edit of the note the hub wrote
    const hubNotes = (await getCustomer(pair.ctx, pair.admin, clientId)).notes!;
    await updateCustomer(pair.ctx, pair.admin, clientId, {
      addNotes: ["Wants a quote"],
      editNotes: { [hubNotes[2]!.id]: "Called about a resize to 7" },
    });

    const comparison = await compareWithPartner(pair.ctx, pair.admin, clientId, pair.integrationId);
    const newWish = (await posItems(pair, posId)).wishlist.find(
      (w) => w.description === "Pearl studs",
    )!;
    const newNote = (await getCustomer(pair.ctx, pair.admin, clientId)).notes!.find(
      (n) => n.body === "Wants a quote",
    )!;
    expect(
      comparison.fields
        .filter((f) => f.differs)
        .map((f) => [f.field, f.hub, f.external])
        .sort(),
    ).toEqual(
      [
        [`note.${pos.notes[0]!.id}`, "Prefers yellow gold", "Prefers rose gold"],
        [`note.${pos.notes[2]!.id}`, "Called about a resize to 7", "Called about a resize"],
        [`note.hub:${newNote.id}`, "Wants a quote", null],
        [
          `wish.${newWish.id}`,
          null,
          JSON.stringify({ inventoryId: null, description: "Pearl studs" }),
        ],
      ].sort(),
    );
  });

  it("S12: R7.5: a note the hub wrote whose answer was lost is one row (paired by its tandem: ref), and compare records no pairing", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Hedy", lastName: "Lamarr" });
    await updateCustomer(pair.ctx, pair.admin, clientId, { addNotes: ["Frequency hopping"] });
    await applyDueJobs(
      { ...pair.applyOptions, resolveConnector: crashAfter(pair, "updateCustomer") },
      8,
    );
    const [atPos] = (await posItems(pair, posId)).notes;
    expect(atPos?.body).toBe("Frequency hopping");
    const keys = "select count(*)::int as n from item_keys";
    expect(await pair.ctx.db.query(keys)).toEqual([{ n: 0 }]);

    const comparison = await compareWithPartner(pair.ctx, pair.admin, clientId, pair.integrationId);
    expect(comparison.fields.filter((f) => /^note\./.test(f.field))).toMatchObject([
      { field: `note.${atPos!.id}`, hub: "Frequency hopping", differs: false },
    ]);
    expect(await pair.ctx.db.query(keys)).toEqual([{ n: 0 }]);
  });
});
