/** F8: an inventory item as a connector reports it. */
export interface InventoryRecord {
  id: string;
  version: number;
  sku: string | null;
  name: string;
  category: string | null;
  vendor: string | null;
  /** regular, memo, consignment, trade, ... (the POS's inventory type) */
  type: string;
  status: "on_hand" | "sold" | "removed";
  price: number | null;
}

/** F6: a sale as a connector reports it. */
export interface SaleRecord {
  id: string;
  version: number;
  /** the external customer's id */
  customerId: string;
  associateNumber: string | null;
  occurredAt: string;
  currency: string;
  total: number;
  lines: Array<{
    kind: "item" | "special_order";
    inventoryId: string | null;
    sku: string | null;
    description: string;
    category: string | null;
    vendor: string | null;
    quantity: number;
    amount: number;
  }>;
  serviceJobs: Array<{
    id: string;
    type: "repair" | "custom" | "appraisal";
    description: string;
    amount: number;
  }>;
}

/** F8: the integration's inventory filters; an item matching any of them is not a hub product. */
export interface InventoryFilters {
  excludeCategories: string[];
  excludeVendors: string[];
  excludeTypes: string[];
}

export function passesInventoryFilters(item: InventoryRecord, filters: InventoryFilters): boolean {
  const lower = (values: string[]) => new Set(values.map((v) => v.toLowerCase()));
  if (item.category && lower(filters.excludeCategories).has(item.category.toLowerCase()))
    return false;
  if (item.vendor && lower(filters.excludeVendors).has(item.vendor.toLowerCase())) return false;
  return !lower(filters.excludeTypes).has(item.type.toLowerCase());
}
