import { describe, expect, it } from "vitest";
import { engines } from "../setup/database.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";
import {
  customerPurchases,
  recordSentMessage,
  storeProducts,
} from "../../src/services/activity.ts";
import { fromPos, posWriteRecord } from "../setup/pos-helpers.ts";

describe.each(engines)("F6-F8 retail data through the reference POS, on $name", (engine) => {
  const item = (pair: SyncedPair, body: Record<string, unknown>) =>
    pair.posCall<{ id: string }>("POST", "/staff/inventory", body).then((r) => r.body.id);

  it("F8: on-hand inventory becomes hub products, except what the filters exclude; sold items are archived", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      inventoryFilters: {
        excludeCategories: ["Gift cards"],
        excludeVendors: ["Acme Findings"],
        excludeTypes: ["memo", "consignment"],
      },
    });
    await item(pair, {
      sku: "R-100",
      description: "Solitaire ring",
      category: "Rings",
      vendor: "Tiffany",
      price: 2400,
    });
    await item(pair, {
      sku: "M-1",
      description: "Memo bracelet",
      category: "Bracelets",
      type: "memo",
    });
    await item(pair, {
      sku: "C-1",
      description: "Consigned watch",
      category: "Watches",
      type: "consignment",
    });
    await item(pair, { sku: "G-1", description: "Gift card", category: "Gift cards" });
    await item(pair, {
      sku: "F-1",
      description: "Clasp",
      category: "Findings",
      vendor: "Acme Findings",
    });
    const pendant = await item(pair, {
      sku: "P-7",
      description: "Pearl pendant",
      category: "Necklaces",
    });
    await pair.settle();
    const products = await storeProducts(pair.ctx, pair.admin, { limit: 100 });
    expect(products.map((p) => [p.sku, p.archived])).toEqual([
      ["R-100", false],
      ["P-7", false],
    ]);
    await pair.posCall("PATCH", `/staff/inventory/${pendant}`, { status: "removed" });
    await pair.settle();
    const active = await storeProducts(pair.ctx, pair.admin, { limit: 100, archived: false });
    expect(active.map((p) => p.sku)).toEqual(["R-100"]);
  });

  it("F8: an item sold at the POS is archived in the hub, by a sale or by its status alone", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { posId } = await fromPos(pair, { firstName: "Ada" });
    const ring = await item(pair, { sku: "S-1", description: "Sold ring", category: "Rings" });
    const watch = await item(pair, { sku: "S-2", description: "Sold watch", category: "Watches" });
    await item(pair, { sku: "S-3", description: "Kept brooch", category: "Brooches" });
    await pair.settle();
    // sold over the counter without a customer record: the item's status alone says it left
    await pair.posCall("PATCH", `/staff/inventory/${ring}`, { status: "sold" });
    await pair.posCall("POST", "/staff/sales", {
      customerId: posId,
      lines: [{ inventoryId: watch, amount: 900 }],
    });
    await pair.settle();
    const products = await storeProducts(pair.ctx, pair.admin, { limit: 100 });
    expect(products.map((p) => [p.sku, p.archived])).toEqual([
      ["S-1", true],
      ["S-2", true],
      ["S-3", false],
    ]);
  });

  it("F8: the inventory filters ignore case (category, vendor and type as the POS spells them or not)", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      inventoryFilters: {
        excludeCategories: ["GIFT CARDS"],
        excludeVendors: ["acme findings"],
        excludeTypes: ["Memo"],
      },
    });
    await item(pair, { sku: "K-1", description: "Gift card", category: "Gift Cards" });
    await item(pair, { sku: "K-2", description: "Clasp", vendor: "ACME Findings" });
    await item(pair, { sku: "K-3", description: "Memo bangle", type: "memo" });
    const kept = await item(pair, { sku: "K-4", description: "Cameo", category: "Brooches" });
    await pair.settle();
    const products = await storeProducts(pair.ctx, pair.admin, { limit: 100 });
    expect(products.map((p) => p.sku)).toEqual(["K-4"]);
    // an item that comes to match a filter, in another case again, is archived
    await pair.posCall("PATCH", `/staff/inventory/${kept}`, { category: "gift cards" });
    await pair.settle();
    expect(await storeProducts(pair.ctx, pair.admin, { limit: 100, archived: false })).toEqual([]);
  });

  it("F6: a sale becomes a purchase once; sold items, special orders and service jobs become archived products", async () => {
    const pair = await startSyncedPair(await engine.open());
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    const ring = await item(pair, {
      sku: "R-100",
      description: "Solitaire ring",
      category: "Rings",
      price: 2400,
    });
    await pair.settle();
    const sale = await pair.posCall<{ id: string }>("POST", "/staff/sales", {
      customerId: posId,
      associateNumber: "3",
      lines: [
        { inventoryId: ring, amount: 2400 },
        { kind: "special_order", description: "Custom engraved band", amount: 650 },
      ],
      serviceJobs: [{ type: "repair", description: "Re-tip prongs", amount: 85 }],
    });
    expect(sale.status).toBe(201);
    const before = await posWriteRecord(pair);
    await pair.settle();
    await pair.settle();
    const purchases = await customerPurchases(pair.ctx, pair.admin, clientId);
    expect(purchases).toHaveLength(1);
    expect(purchases[0]).toMatchObject({
      externalId: sale.body.id,
      total: "3135.00",
      associateNumber: "3",
    });
    expect(purchases[0]!.lines.map((l) => [l.name, l.kind])).toEqual([
      ["Solitaire ring", "item"],
      ["Custom engraved band", "special_order"],
      ["Repair: Re-tip prongs", "service"],
    ]);
    const products = await storeProducts(pair.ctx, pair.admin, { limit: 100 });
    expect(products.map((p) => [p.name, p.origin, p.archived])).toEqual([
      ["Solitaire ring", "inventory", true],
      ["Custom engraved band", "sold", true],
      ["Repair: Re-tip prongs", "service", true],
    ]);
    // one way: nothing of the sale goes back to the POS, as the POS's own record of writes shows
    expect(await posWriteRecord(pair)).toEqual(before);
    expect(before[posId]).toMatchObject({ changes: 1, activity: 0 });
  });

  it("F7: a message sent from the hub is written to the POS customer's activity, once", async () => {
    const pair = await startSyncedPair(await engine.open(), { defaultAssociateNumber: "9" });
    const { clientId, posId } = await fromPos(pair, { firstName: "Ada" });
    await recordSentMessage(pair.ctx, pair.admin, clientId, {
      channel: "text",
      body: "Your ring is ready for pickup",
    });
    await pair.settle();
    const activity = await pair.posCall<{
      activity: Array<{ type: string; body: string; associateNumber: string }>;
    }>("GET", `/api/v1/customers/${posId}/activity`);
    expect(activity.body.activity.map((a) => [a.type, a.body, a.associateNumber])).toEqual([
      ["text", "Your ring is ready for pickup", "9"],
    ]);
    expect(await pair.settle()).toBe(0);
  });
});
