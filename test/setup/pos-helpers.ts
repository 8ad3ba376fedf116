import { createCustomer, getCustomer } from "../../src/services/customers.ts";
import type { SyncedPair } from "./synced-pair.ts";

export interface PosCustomer {
  id: string;
  version: number;
  firstName: string | null;
  lastName: string | null;
  acquisition: string | null;
  customFields: Record<string, string>;
  contacts: Array<{ id: string; type: string; value: string }>;
}

export const fieldMap = { ring_size: "Ring size", birthstone: "Birthstone" };

export async function posCustomers(pair: SyncedPair) {
  return (await pair.posCall<{ customers: PosCustomer[] }>("GET", "/staff/customers")).body
    .customers;
}

/** A customer created at the POS and synced into the hub; returns both ids. */
export async function fromPos(pair: SyncedPair, body: Record<string, unknown>) {
  const { body: pos } = await pair.posCall<PosCustomer>("POST", "/staff/customers", body);
  await pair.settle();
  const [row] = await pair.ctx.db.query<{ client_id: number }>(
    "select client_id from links where external_id = $1",
    [pos.id],
  );
  return { posId: pos.id, clientId: row!.client_id };
}

/** A customer created in the hub and synced out to the POS. */
export async function fromHub(pair: SyncedPair, body: Parameters<typeof createCustomer>[2]) {
  const customer = await createCustomer(pair.ctx, pair.admin, body);
  await pair.settle();
  const after = await getCustomer(pair.ctx, pair.admin, customer.id);
  return { clientId: customer.id, posId: after.sync[0]!.externalId! };
}

export const posGet = async (pair: SyncedPair, id: string) =>
  (await pair.posCall<PosCustomer>("GET", `/api/v1/customers/${id}`)).body;

/**
 * The reference POS's own record of what was written to it: per customer, its version, the
 * changes in its history (who wrote, via staff or an integration) and its activity entries. Two
 * equal records mean nothing was written in between, whatever the hub's jobs say.
 */
export async function posWriteRecord(pair: SyncedPair) {
  const record: Record<string, { version: number; changes: number; activity: number }> = {};
  for (const customer of await posCustomers(pair)) {
    const history = await pair.posCall<{ changes: unknown[] }>(
      "GET",
      `/staff/customers/${customer.id}/history`,
    );
    const activity = await pair.posCall<{ activity: unknown[] }>(
      "GET",
      `/api/v1/customers/${customer.id}/activity`,
    );
    record[customer.id] = {
      version: customer.version,
      changes: history.body.changes.length,
      activity: activity.body.activity.length,
    };
  }
  return record;
}
