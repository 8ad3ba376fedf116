import { z } from "zod";
import type { InventoryRecord, SaleRecord } from "../../domain/retail-records.ts";

/** Inventory and sales as the POS protocol sends them (docs/pos-protocol.md, "Inventory and sales"). */
export const posInventorySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  sku: z.string().nullable().optional(),
  description: z.string(),
  category: z.string().nullable().optional(),
  vendor: z.string().nullable().optional(),
  type: z.string(),
  status: z.enum(["on_hand", "sold", "removed"]),
  price: z.number().nullable().optional(),
});

export const posSaleSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  customerId: z.string(),
  associateNumber: z.string().nullable().optional(),
  occurredAt: z.string(),
  currency: z.string(),
  total: z.number(),
  lines: z.array(
    z.object({
      kind: z.enum(["item", "special_order"]),
      inventoryId: z.string().nullable().optional(),
      sku: z.string().nullable().optional(),
      description: z.string(),
      category: z.string().nullable().optional(),
      vendor: z.string().nullable().optional(),
      quantity: z.number(),
      amount: z.number(),
    }),
  ),
  serviceJobs: z.array(
    z.object({
      id: z.string(),
      type: z.enum(["repair", "custom", "appraisal"]),
      description: z.string(),
      amount: z.number(),
    }),
  ),
});

export const fromPosInventory = (i: z.infer<typeof posInventorySchema>): InventoryRecord => ({
  id: i.id,
  version: i.version,
  sku: i.sku ?? null,
  name: i.description,
  category: i.category ?? null,
  vendor: i.vendor ?? null,
  type: i.type,
  status: i.status,
  price: i.price ?? null,
});

export const fromPosSale = (s: z.infer<typeof posSaleSchema>): SaleRecord => ({
  id: s.id,
  version: s.version,
  customerId: s.customerId,
  associateNumber: s.associateNumber ?? null,
  occurredAt: s.occurredAt,
  currency: s.currency,
  total: s.total,
  lines: s.lines.map((l) => ({
    kind: l.kind,
    inventoryId: l.inventoryId ?? null,
    sku: l.sku ?? null,
    description: l.description,
    category: l.category ?? null,
    vendor: l.vendor ?? null,
    quantity: l.quantity,
    amount: l.amount,
  })),
  serviceJobs: s.serviceJobs,
});
