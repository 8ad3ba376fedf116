import { z } from "zod";
import { insertStore, readStore, type StoreRecord } from "../store/stores-table.ts";
import { findUserByEmail, insertUser, type UserRecord } from "../store/users-table.ts";
import { parseInput } from "./customer-schemas.ts";
import { ServiceError } from "./service-error.ts";
import { storePatchSchema } from "./store-settings.ts";
import { newToken, type UserContext } from "./users.ts";

/** A new store: its settings (as `PATCH /v1/store` takes them; a name required) and its admin. */
export const newStoreSchema = storePatchSchema
  .extend({
    name: z.string().trim().min(1).max(200),
    adminEmail: z.email(),
  })
  .strict();

/**
 * Issue 10: another store (tenant) in this Tandem, with its first admin and the admin's API token
 * (shown once). Its data is its own: no user of another store reads or changes it. For the
 * operator on the database itself (the `stores` command), not for a store's users: a store's
 * admin runs their store, not the Tandem they share.
 */
export async function addStore(
  ctx: UserContext,
  input: unknown,
): Promise<{ store: StoreRecord; admin: UserRecord; token: string }> {
  const data = parseInput(newStoreSchema, input);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, data.adminEmail))
      throw new ServiceError(
        "conflict",
        `adminEmail: a user with '${data.adminEmail}' exists already (an email signs in to one store)`,
      );
    const storeId = await insertStore(tx, {
      name: data.name,
      timeZone: data.timeZone ?? "UTC",
      country: data.country ?? "US",
      currency: data.currency ?? "USD",
    });
    const token = newToken();
    const admin = await insertUser(tx, {
      storeId,
      name: "Administrator",
      email: data.adminEmail,
      role: "admin",
      token,
      now: ctx.clock.now(),
    });
    ctx.log.info({ storeId }, "store added");
    return { store: (await readStore(tx, storeId))!, admin, token };
  });
}
