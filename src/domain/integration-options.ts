import { z } from "zod";

/** R7.11: the documented caps of an integration's options (docs/reliability.md). */
export const optionCaps = { fieldMap: 100, filterEntries: 200, textLength: 100 } as const;

const text = z.string().trim().min(1).max(optionCaps.textLength);
const filterList = z.array(text).max(optionCaps.filterEntries);

/** SPEC I2: the options of one integration. Defaults are what a store owner gets without choosing. */
export const integrationOptionsSchema = z.strictObject({
  /** S1: every customer syncs, or only those a user selected */
  syncMode: z.enum(["all", "selected"]).default("all"),
  /** S2: customers created in the hub are sent to the external system */
  pushNewCustomers: z.boolean().default(true),
  /** S3: send a hub customer when created, or only once it is an active customer */
  transferWhen: z.enum(["created", "active"]).default("created"),
  /**
   * S4: receive changes by webhook (polling then runs rarely, as a safety net). R8.1: by default
   * on where the integration's kind has webhooks (its manifest), off where it has none; the hub
   * stores the value it settled on.
   */
  webhooks: z.boolean().optional(),
  /** S4: seconds between polls of the changes feed */
  pollIntervalSeconds: z.number().int().min(1).max(86_400).default(30),
  /** F2: external custom field key -> hub preference name */
  fieldMap: z
    .record(text, text)
    .refine((m) => Object.keys(m).length <= optionCaps.fieldMap, {
      message: `at most ${optionCaps.fieldMap} mapped fields`,
    })
    .default({}),
  /** F4: the hub collection that mirrors the POS wish list */
  wishlistCollection: text.default("Edge"),
  /** F8: inventory that does not become hub products */
  inventoryFilters: z
    .strictObject({
      excludeCategories: filterList.default([]),
      excludeVendors: filterList.default([]),
      /** e.g. memo, consignment, trade */
      excludeTypes: filterList.default([]),
    })
    .default({ excludeCategories: [], excludeVendors: [], excludeTypes: [] }),
  /**
   * S8: the lowest score (0..1) a partner suggestion needs to be offered; nothing below it is
   * proposed, and nothing is linked without a user's confirmation
   */
  matchThreshold: z.number().min(0.5).max(1).default(0.9),
  /**
   * T1, T6: once onboarding is done, the POS's sales wait in the inbox for the next batch window
   * (`batched`), or are processed as they come (`realtime`). The history of the first sync is
   * processed as it comes either way (T3).
   */
  salesTiming: z.enum(["batched", "realtime"]).default("batched"),
  /** T1: the batch windows, as local times of the store's time zone ("HH:MM", 24-hour) */
  salesBatchTimes: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day like 12:00 or 23:30"))
    .min(1)
    .max(24)
    .default(["12:00", "23:00"]),
  /**
   * T3: during onboarding, the sales history is fetched at most this many pages a minute (a page
   * is up to 500 sales), so the backfill leaves the system room for its tills and for live sync;
   * absent: as fast as the system's rate limit lets
   */
  salesHistoryPagesPerMinute: z.number().int().min(1).max(6000).optional(),
  /** F9: POS associate number used when the hub user has none */
  defaultAssociateNumber: z.string().min(1).max(40).optional(),
});

export type IntegrationOptions = z.infer<typeof integrationOptionsSchema>;

/**
 * R7.2: what a PATCH may say about the options, made from the options schema itself so that a new
 * option is patchable the day it is added. Every option is optional and nullable, without
 * defaults (a default here would overwrite the stored value with it); a nested object (the
 * inventory filters) and a map (the field map) are patches themselves, key by key.
 */
export const integrationOptionsPatchSchema = patchSchemaOf(integrationOptionsSchema);
export type IntegrationOptionsPatch = z.input<typeof integrationOptionsPatchSchema>;

function patchSchemaOf(schema: z.ZodType): z.ZodType {
  const bare = withoutDefault(schema);
  if (bare instanceof z.ZodObject)
    return z.strictObject(
      Object.fromEntries(
        Object.entries(bare.shape as Record<string, z.ZodType>).map(([key, value]) => [
          key,
          patchSchemaOf(value).nullable().optional(),
        ]),
      ),
    );
  if (bare instanceof z.ZodRecord)
    return z.record(
      bare._zod.def.keyType as z.ZodString,
      (bare._zod.def.valueType as z.ZodType).nullable(),
    );
  return bare;
}

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault || schema instanceof z.ZodOptional
    ? withoutDefault(schema._zod.def.innerType as z.ZodType)
    : schema;
}

/**
 * R7.2: applies a PATCH of the options to the stored ones, as a JSON Merge Patch (RFC 7396): an
 * option not named keeps its value; a named one takes the new value; `null` resets an option to
 * its default (removes `defaultAssociateNumber`, a field-map entry, or a filter list's entries);
 * a nested object or map is patched key by key, so `{"inventoryFilters":{"excludeTypes":["memo"]}}`
 * leaves the category and vendor filters alone; a list is a value and is replaced whole.
 * The result is validated again with every cap (fieldMap's count counts the merged map).
 */
export function mergeOptions(
  current: IntegrationOptions,
  patch: IntegrationOptionsPatch,
): z.ZodSafeParseResult<IntegrationOptions> {
  return integrationOptionsSchema.safeParse(mergePatch(current, patch));
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
