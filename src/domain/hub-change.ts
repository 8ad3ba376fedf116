import type { CanonicalCustomer } from "./customer.ts";
import type { CustomerEdit } from "./customer-patch.ts";

/** F12: how one conflicting field is resolved. */
export type ConflictChoice =
  { take: "hub" } | { take: "external" } | { take: "value"; value: string | null };

/** S5: which number a created partner gets. */
export type NumberChoice = "keep" | "next" | "typed";
export const numberChoices = ["keep", "next", "typed"] as const satisfies readonly NumberChoice[];

/** The payloads of hub change events (services write them, the engine applies them). */
export type HubChange =
  | {
      kind: "client.created";
      storeId: number;
      /** a number the user typed (refused when in use); absent: the store's next free number */
      customerNumber?: string | undefined;
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
  /**
   * S5/S6: a user has the customer's partner created in the other system, with the customer's
   * own number (keep), the system's next free one (next), or the number typed (typed: `number`)
   */
  | {
      kind: "client.partnerCreate";
      clientId: number;
      integrationId: number;
      numberChoice: NumberChoice;
      number?: string | undefined;
    }
  /**
   * S5/S6/S10: a user makes a hub customer of a customer of the other system the hub recorded
   * without one, with its number there (keep), the store's next free number (next), or the number
   * typed (typed: `number`); one with the same email in the hub becomes its partner instead (S2)
   */
  | {
      kind: "record.partnerCreate";
      integrationId: number;
      externalId: string;
      numberChoice: NumberChoice;
      number?: string | undefined;
    }
  /**
   * A1, A3, A8: a user assigns the customer to a user of the store, or makes it Unassigned (null);
   * `expected` is the assignment the user's permission (A7) was checked against, `reason` why
   */
  | {
      kind: "client.assign";
      clientId: number;
      userId: number | null;
      expected: number | null;
      reason: string;
    }
  /** A3, A7: a manager assigns many customers of the store to one user, or makes them Unassigned */
  | {
      kind: "clients.assign";
      storeId: number;
      clientIds: number[];
      userId: number | null;
      reason: string;
    }
  /**
   * A4: assign every Unassigned client with purchases in the integration to the associate with
   * the largest total spend there; marks the integration's onboarding done (A5 from then on)
   */
  | { kind: "integration.assignBySpend"; integrationId: number }
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
  | { kind: "collection.remove"; clientId: number; itemId: number }
  /**
   * T4: a sale a user entered by hand in the hub, processed at once (no batch); `soldBy` the user
   * who made it, in the store's currency
   */
  | {
      kind: "purchase.record";
      clientId: number;
      occurredAt: string;
      soldBy: number | null;
      currency: string;
      lines: HubSaleLine[];
    };

/** a line of a sale entered in the hub */
export interface HubSaleLine {
  description: string;
  category: string | null;
  quantity: number;
  amount: number;
}
