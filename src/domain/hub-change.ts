import type { CanonicalCustomer } from "./customer.ts";
import type { CustomerEdit } from "./customer-patch.ts";

/** F12: how one conflicting field is resolved. */
export type ConflictChoice =
  { take: "hub" } | { take: "external" } | { take: "value"; value: string | null };

/** The payloads of hub change events (services write them, the engine applies them). */
export type HubChange =
  | {
      kind: "client.created";
      storeId: number;
      customer: CanonicalCustomer;
      lifecycle: "prospect" | "active";
      createdBy: number | null;
      assignedUserId: number | null;
      country: string;
    }
  | {
      kind: "client.updated";
      clientId: number;
      edit: CustomerEdit;
      lifecycle?: "prospect" | "active" | undefined;
    }
  | { kind: "client.sync"; clientId: number; integrationId: number; number?: string | undefined }
  /**
   * S7: a user pairs the customer with a customer of the other system the hub recorded without a
   * hub customer (by its id there)
   */
  | { kind: "client.pair"; clientId: number; integrationId: number; externalId: string }
  /** S9: a user excludes the customer from one integration (`excluded`), or lifts that again */
  | { kind: "client.exclude"; clientId: number; integrationId: number; excluded: boolean }
  /**
   * S9: a user excludes a customer of the other system from syncing, or lifts that again (by its
   * id there; one the hub recorded)
   */
  | { kind: "record.exclude"; integrationId: number; externalId: string; excluded: boolean }
  /** R7.4: merge the customer with one integration again, as if just edited (catch-up) */
  | { kind: "client.resync"; clientId: number; integrationId: number }
  | {
      kind: "conflict.resolve";
      clientId: number;
      integrationId: number;
      /**
       * per conflicting field, what both systems take: the hub's side or the external side of
       * the open conflict (as the engine finds it under the customer's lock), or a typed value
       * (null: no value)
       */
      choices: Record<string, ConflictChoice>;
    }
  | { kind: "message.sent"; clientId: number; channel: "email" | "text"; body: string }
  | {
      kind: "collection.add";
      clientId: number;
      collection: string;
      /** an existing product, or a description for a new one (a non-stock wish) */
      productId?: number | undefined;
      description?: string | undefined;
    }
  | { kind: "collection.remove"; clientId: number; itemId: number };
