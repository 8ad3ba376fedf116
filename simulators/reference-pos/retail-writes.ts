import type { RecordTable } from "./record-table.ts";
import type { PosInventoryItem, PosSale, PosSaleLine, PosState } from "./pos-state.ts";

export interface NewInventoryItem {
  sku: string;
  description: string;
  category?: string | null | undefined;
  vendor?: string | null | undefined;
  type?: string | undefined;
  price?: number | null | undefined;
}

export function addInventoryItem(
  state: PosState,
  body: NewInventoryItem,
  now: Date,
): PosInventoryItem {
  const item: PosInventoryItem = {
    id: state.newRecordId("i"),
    version: 0,
    sku: body.sku,
    description: body.description,
    category: body.category ?? null,
    vendor: body.vendor ?? null,
    type: body.type ?? "regular",
    status: "on_hand",
    price: body.price ?? null,
    updatedAt: now.toISOString(),
  };
  state.inventory.set(item.id, item);
  state.bumpRecord("inventory", item);
  return item;
}

export function updateInventoryItem(
  state: PosState,
  id: string,
  changes: {
    [K in keyof Omit<PosInventoryItem, "id" | "version" | "updatedAt">]?:
      PosInventoryItem[K] | undefined;
  },
  now: Date,
): PosInventoryItem | undefined {
  const item = state.inventory.get(id);
  if (!item) return undefined;
  Object.assign(
    item,
    Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    {
      updatedAt: now.toISOString(),
    },
  );
  state.bumpRecord("inventory", item);
  return item;
}

export interface NewSale {
  customerId: string;
  associateNumber?: string | null | undefined;
  occurredAt?: string | undefined;
  currency?: string | undefined;
  lines: Array<{
    kind?: "item" | "special_order" | undefined;
    inventoryId?: string | undefined;
    description?: string | undefined;
    quantity?: number | undefined;
    amount: number;
  }>;
  serviceJobs?:
    | Array<{ type: "repair" | "custom" | "appraisal"; description: string; amount: number }>
    | undefined;
}

/** Rings up a sale: sold inventory items leave the shelf (status sold, a new version). */
export function recordSale(state: PosState, body: NewSale, now: Date): PosSale | string {
  if (!state.customers.has(body.customerId))
    return `customerId: customer ${body.customerId} does not exist`;
  const lines: PosSaleLine[] = [];
  for (const [n, line] of body.lines.entries()) {
    const item = line.inventoryId ? state.inventory.get(line.inventoryId) : undefined;
    if (line.inventoryId && !item)
      return `lines.${n}.inventoryId: no inventory item ${line.inventoryId}`;
    if (!item && !line.description) return `lines.${n}: give an inventoryId or a description`;
    lines.push({
      kind: line.kind ?? "item",
      inventoryId: item?.id ?? null,
      sku: item?.sku ?? null,
      description: line.description ?? item!.description,
      category: item?.category ?? null,
      vendor: item?.vendor ?? null,
      quantity: line.quantity ?? 1,
      amount: line.amount,
    });
  }
  for (const line of lines)
    if (line.inventoryId) updateInventoryItem(state, line.inventoryId, { status: "sold" }, now);
  const serviceJobs = (body.serviceJobs ?? []).map((job) => ({
    id: state.newRecordId("sj"),
    ...job,
  }));
  const total = [...lines.map((l) => l.amount), ...serviceJobs.map((j) => j.amount)].reduce(
    (a, b) => a + b,
    0,
  );
  const sale: PosSale = {
    id: state.newRecordId("s"),
    version: 0,
    customerId: body.customerId,
    associateNumber: body.associateNumber ?? null,
    occurredAt: body.occurredAt ?? now.toISOString(),
    currency: body.currency ?? "USD",
    total: Math.round(total * 100) / 100,
    lines,
    serviceJobs,
  };
  state.sales.set(sale.id, sale);
  state.bumpRecord("sale", sale);
  return sale;
}

/** A feed page of records changed after `after`, in version order: O(page) (record-table.ts). */
export function recordsAfter<T extends { id: string; version: number }>(
  table: RecordTable<T>,
  after: number,
  limit: number,
) {
  const changed = table.after(after, limit + 1);
  const page = changed.slice(0, limit);
  return { page, cursor: page.at(-1)?.version ?? after, hasMore: changed.length > limit };
}
