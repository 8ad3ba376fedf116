import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import { fromPos } from "../setup/pos-helpers.ts";
import { crashAfter, startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { storeProducts } from "../../src/services/activity.ts";
import {
  addToCollection,
  customerCollections,
  removeFromCollection,
} from "../../src/services/collections.ts";
import { createCustomer, customerHistory, getCustomer } from "../../src/services/customers.ts";

interface PosWish {
  id: string;
  inventoryId: string | null;
  description: string;
}

const wishlist = async (pair: SyncedPair, posId: string) =>
  (
    await pair.posCall<{ wishlist: PosWish[] }>("GET", `/api/v1/customers/${posId}`)
  ).body.wishlist.map((w) => [w.inventoryId, w.description]);

const hubCollection = async (pair: SyncedPair, clientId: number, name = "Edge") =>
  (
    (await customerCollections(pair.ctx, pair.admin, clientId)).find((c) => c.name === name)
      ?.items ?? []
  ).map((i) => i.name);

describe.each(engines)("F4 wish lists through the reference POS, on $name", (engine) => {
  it("F4: POS wishes (stock and non-stock) fill the hub collection 'Edge', each a hub product; removals follow", async () => {
    const pair = await startSyncedPair(await engine.open());
    const ring = (
      await pair.posCall<{ id: string }>("POST", "/staff/inventory", {
        sku: "R-1",
        description: "Sapphire ring",
      })
    ).body.id;
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    await pair.posCall("POST", `/staff/customers/${posId}/wishes`, {
      inventoryId: ring,
      description: "Sapphire ring",
    });
    const { body } = await pair.posCall<{ wishlist: PosWish[] }>(
      "POST",
      `/staff/customers/${posId}/wishes`,
      {
        description: "Vintage cameo brooch",
      },
    );
    await pair.settle();
    expect(await hubCollection(pair, clientId)).toEqual(["Sapphire ring", "Vintage cameo brooch"]);
    const products = await storeProducts(pair.ctx, pair.admin, { limit: 50 });
    expect(products.map((p) => p.name).sort()).toEqual(["Sapphire ring", "Vintage cameo brooch"]);

    await pair.posCall("DELETE", `/staff/customers/${posId}/wishes/${body.wishlist[1]!.id}`);
    await pair.settle();
    expect(await hubCollection(pair, clientId)).toEqual(["Sapphire ring"]);
  });

  it("F4: hub additions to 'Edge' reach the POS wish list (stock and non-stock), other collections do not", async () => {
    const pair = await startSyncedPair(await engine.open());
    const ring = (
      await pair.posCall<{ id: string }>("POST", "/staff/inventory", {
        sku: "R-2",
        description: "Opal ring",
      })
    ).body.id;
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    const product = (await storeProducts(pair.ctx, pair.admin, { limit: 10 })).find(
      (p) => p.sku === "R-2",
    )!;
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { productId: product.id });
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", {
      description: "Pearl earrings, 8mm",
    });
    await addToCollection(pair.ctx, pair.admin, clientId, "Holiday ideas", {
      description: "Silver cufflinks",
    });
    await pair.settle();
    expect(await wishlist(pair, posId)).toEqual([
      [ring, "Opal ring"],
      [null, "Pearl earrings, 8mm"],
    ]);
    // and a hub removal takes the wish off the POS list
    const [, pearl] = (await customerCollections(pair.ctx, pair.admin, clientId)).find(
      (c) => c.name === "Edge",
    )!.items;
    await removeFromCollection(pair.ctx, pair.admin, clientId, "Edge", pearl!.id);
    await pair.settle();
    expect(await wishlist(pair, posId)).toEqual([[ring, "Opal ring"]]);
    expect(await hubCollection(pair, clientId, "Holiday ideas")).toEqual(["Silver cufflinks"]);
    expect(await pair.settle()).toBe(0);
  });

  it("F4: the wish-list collection's name is configurable, both ways: POS wishes land in it, not in 'Edge'", async () => {
    const pair = await startSyncedPair(await engine.open(), { wishlistCollection: "Wish list" });
    const { clientId, posId } = await fromPos(pair, {
      firstName: "Ada",
      wishlist: [{ description: "Garnet brooch" }],
    });
    expect(await hubCollection(pair, clientId, "Wish list")).toEqual(["Garnet brooch"]);
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { description: "Not synced" });
    await addToCollection(pair.ctx, pair.admin, clientId, "Wish list", { description: "Synced" });
    await pair.settle();
    expect(await wishlist(pair, posId)).toEqual([
      [null, "Garnet brooch"],
      [null, "Synced"],
    ]);
    // a wish added at the POS later goes to the configured collection too
    await pair.posCall("POST", `/staff/customers/${posId}/wishes`, { description: "Topaz ring" });
    await pair.settle();
    expect(await hubCollection(pair, clientId, "Wish list")).toEqual([
      "Garnet brooch",
      "Synced",
      "Topaz ring",
    ]);
    expect(await hubCollection(pair, clientId, "Edge")).toEqual(["Not synced"]);
    expect(await wishlist(pair, posId)).toHaveLength(3);
    expect(await pair.settle()).toBe(0);
  });

  it("F4: a hub customer's partner is created with the configured collection as its wish list, and nothing of 'Edge'", async () => {
    const pair = await startSyncedPair(await engine.open(), { wishlistCollection: "Wish list" });
    const created = await createCustomer(pair.ctx, pair.admin, {
      firstName: "Grace",
      contacts: [{ kind: "email", value: "grace@wish.example" }],
    });
    await addToCollection(pair.ctx, pair.admin, created.id, "Edge", { description: "Not synced" });
    await addToCollection(pair.ctx, pair.admin, created.id, "Wish list", { description: "Synced" });
    await pair.settle();
    const posId = (await getCustomer(pair.ctx, pair.admin, created.id)).sync[0]!.externalId!;
    expect(await wishlist(pair, posId)).toEqual([[null, "Synced"]]);
    // written once, by the create: 'Edge' never went out (not even to be taken back later)
    const history = await pair.posCall<{ changes: unknown[] }>(
      "GET",
      `/staff/customers/${posId}/history`,
    );
    expect(history.body.changes).toHaveLength(1);
    expect(await hubCollection(pair, created.id, "Edge")).toEqual(["Not synced"]);
    expect(await hubCollection(pair, created.id, "Wish list")).toEqual(["Synced"]);
    expect(await pair.settle()).toBe(0);
  });

  it("F12: every wish-list change is in the audit history, from either side: what, before and after, source and actor", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    const history = async () =>
      (await customerHistory(pair.ctx, pair.admin, clientId))
        .filter((h) => /^(wish|collection)\./.test(h.field))
        .map((h) => [h.field, h.oldValue, h.newValue, h.source, h.actor]);
    const wish = (description: string) => JSON.stringify({ inventoryId: null, description });

    const { body: added } = await pair.posCall<{ wishlist: PosWish[] }>(
      "POST",
      `/staff/customers/${posId}/wishes`,
      { description: "Moonstone ring" },
    );
    await pair.settle();
    const [fromPosItem] = (await customerCollections(pair.ctx, pair.admin, clientId))[0]!.items;
    await pair.posCall("DELETE", `/staff/customers/${posId}/wishes/${added.wishlist[0]!.id}`);
    await pair.settle();
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { description: "Amber beads" });
    const [hubItem] = (await customerCollections(pair.ctx, pair.admin, clientId))[0]!.items;
    await pair.settle();
    await removeFromCollection(pair.ctx, pair.admin, clientId, "Edge", hubItem!.id);
    await pair.settle();

    const user = `user:${pair.admin.userId}`;
    expect(await history()).toEqual([
      [`wish.${fromPosItem!.id}`, null, wish("Moonstone ring"), "pos", "connector:pos"],
      [`wish.${fromPosItem!.id}`, wish("Moonstone ring"), null, "pos", "connector:pos"],
      [`collection.${hubItem!.id}`, null, `Edge: product ${hubItem!.productId}`, "hub", user],
      [`collection.${hubItem!.id}`, `Edge: product ${hubItem!.productId}`, null, "hub", user],
    ]);
    expect(await wishlist(pair, posId)).toEqual([]);
  });

  it("F4, F11: a wish the hub took off after its addition reached the POS unanswered is taken off there too, not brought back", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { description: "Ruby studs" });
    // the worker adds the wish at the POS and dies before recording the answer
    await applyDueJobs(
      { ...pair.applyOptions, resolveConnector: crashAfter(pair, "updateCustomer") },
      8,
    );
    expect(await wishlist(pair, posId)).toEqual([[null, "Ruby studs"]]);
    const [item] = (await customerCollections(pair.ctx, pair.admin, clientId))[0]!.items;
    await removeFromCollection(pair.ctx, pair.admin, clientId, "Edge", item!.id);
    await pair.settle();
    expect(await hubCollection(pair, clientId)).toEqual([]);
    expect(await wishlist(pair, posId)).toEqual([]);
    expect(await pair.settle()).toBe(0);
  });

  it("F4, F11: a wish the hub added, whose answer was lost, and that POS staff then took off stays off", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    await addToCollection(pair.ctx, pair.admin, clientId, "Edge", { description: "Jet brooch" });
    await applyDueJobs(
      { ...pair.applyOptions, resolveConnector: crashAfter(pair, "updateCustomer") },
      8,
    );
    const { body } = await pair.posCall<{ wishlist: PosWish[] }>(
      "GET",
      `/api/v1/customers/${posId}`,
    );
    await pair.posCall("DELETE", `/staff/customers/${posId}/wishes/${body.wishlist[0]!.id}`);
    // the retried job gets the first answer again (same idempotency key); the poll, the removal
    await pair.settle();
    expect(await wishlist(pair, posId)).toEqual([]);
    expect(await hubCollection(pair, clientId)).toEqual([]);
    expect(await pair.settle()).toBe(0);
  });
});
