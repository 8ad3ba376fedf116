import { z } from "zod";

/** SPEC I2: the options of one integration. Defaults are what a store owner gets without choosing. */
export const integrationOptionsSchema = z.object({
  /** S1: every customer syncs, or only those a user selected */
  syncMode: z.enum(["all", "selected"]).default("all"),
  /** S2: customers created in the hub are sent to the external system */
  pushNewCustomers: z.boolean().default(true),
  /** S3: send a hub customer when created, or only once it is an active customer */
  transferWhen: z.enum(["created", "active"]).default("created"),
  /** S4: receive changes by webhook (polling then runs rarely, as a safety net) */
  webhooks: z.boolean().default(true),
  /** S4: seconds between polls of the changes feed */
  pollIntervalSeconds: z.number().int().min(1).max(86_400).default(30),
  /** F2: external custom field key -> hub preference name */
  fieldMap: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** F4: the hub collection that mirrors the POS wish list */
  wishlistCollection: z.string().trim().min(1).max(100).default("Edge"),
  /** F8: inventory that does not become hub products */
  inventoryFilters: z
    .object({
      excludeCategories: z.array(z.string().min(1)).default([]),
      excludeVendors: z.array(z.string().min(1)).default([]),
      /** e.g. memo, consignment, trade */
      excludeTypes: z.array(z.string().min(1)).default([]),
    })
    .default({ excludeCategories: [], excludeVendors: [], excludeTypes: [] }),
  /** F9: POS associate number used when the hub user has none */
  defaultAssociateNumber: z.string().min(1).optional(),
});

export type IntegrationOptions = z.infer<typeof integrationOptionsSchema>;
