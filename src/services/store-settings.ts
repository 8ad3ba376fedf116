import { getCountries } from "libphonenumber-js";
import { z } from "zod";
import { readStore, updateStore, type StoreRecord } from "../store/stores-table.ts";
import { describeIssue } from "./customer-schemas.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

const zones = new Set(Intl.supportedValuesOf("timeZone"));
const currencies = new Set(Intl.supportedValuesOf("currency"));
const countries = new Set<string>(getCountries());

/**
 * What an admin may change of the store: its name, its time zone (IANA, e.g. Europe/Copenhagen:
 * sales batch windows and reports run in it, T1, T5), its country (phones without +prefix) and
 * its currency (ISO 4217: sales in another are held back, T2). A PATCH changes what it names.
 */
export const storePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    timeZone: z
      .string()
      .refine((zone) => zones.has(zone) || zone === "UTC", {
        message: "an IANA time zone like Europe/Copenhagen or America/New_York",
      })
      .optional(),
    country: z
      .string()
      .refine((c) => countries.has(c), { message: "a two-letter country code like US or DK" })
      .optional(),
    currency: z
      .string()
      .refine((c) => /^[A-Z]{3}$/.test(c) && currencies.has(c), {
        message: "a currency code (ISO 4217) like USD or DKK",
      })
      .optional(),
  })
  .strict();

export async function getStore(ctx: ServiceContext, actor: Actor): Promise<StoreRecord> {
  const store = await readStore(ctx.db, actor.storeId);
  if (!store) throw new ServiceError("not_found", `store ${actor.storeId} does not exist`);
  return store;
}

export async function changeStore(
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
): Promise<StoreRecord> {
  requireRole(actor, ["admin"], "changing the store's settings");
  const parsed = storePatchSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError("invalid", describeIssue(parsed.error));
  await updateStore(ctx.db, actor.storeId, parsed.data);
  ctx.log.info({ by: actor.userId, fields: Object.keys(parsed.data) }, "store settings changed");
  return getStore(ctx, actor);
}
