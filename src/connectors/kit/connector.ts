import type { CanonicalCustomer, ExternalCustomer } from "../../domain/customer.ts";
import type { InventoryRecord, SaleRecord } from "../../domain/retail-records.ts";

export type { ExternalCustomer };

export interface ChangePage {
  customers: ExternalCustomer[];
  /** R7.1: the page's records the connector could not read; the feed goes on past them */
  rejected: RejectedRecord[];
  cursor: string;
  hasMore: boolean;
}

/**
 * R7.1: a record of a feed page that the connector could not read (it does not fit the system's
 * schema). It does not stop its feed: the cursor moves past it and capture records it as a failing
 * change, so it is listed with its reason until a later version of the record comes in.
 */
export interface RejectedRecord {
  /** the record's id in the external system, when it could be read */
  id: string | null;
  /** the record's version, when it could be read */
  version: number | null;
  /** what is wrong, by field path, never with the field's value: "contacts.0.value: expected string" */
  reason: string;
}

/** A write to an existing external customer. Paths are canonical field paths (domain/customer.ts). */
export interface CustomerPatch {
  /** scalar paths to set; null removes the value */
  set: Record<string, string | null>;
  /** the values the hub believes those paths hold now; the system refuses the write if not */
  expect: Record<string, string | null>;
  /** contact methods to add (never to change or remove: SPEC F1) */
  addContacts: Array<{ kind: "email" | "phone" | "address"; value: string }>;
  /** F5: notes to add, each with the ref that names its hub note ("tandem:<id>") */
  addNotes?: Array<{ ref: string; body: string }> | undefined;
  /** F4: wishes to add, each with the ref that names its hub collection item */
  addWishes?: Array<{ ref: string; inventoryId: string | null; description: string }> | undefined;
}

export type PatchResult =
  | { ok: true; customer: ExternalCustomer }
  | { ok: false; reason: "precondition_failed"; customer: ExternalCustomer };

export interface WriteOptions {
  idempotencyKey: string;
  /** the associate the change is attributed to in the external system (SPEC F9) */
  associateNumber?: string | undefined;
}

export interface Manifest {
  kind: string;
  displayName: string;
  webhooks: boolean;
  /** refuses a write whose `expect` does not hold (otherwise the sink reads before it writes) */
  conditionalWrites: boolean;
}

/** A page of a feed other than customers (inventory, sales). */
export interface FeedPage<T> {
  records: T[];
  /** R7.1: the page's records the connector could not read */
  rejected: RejectedRecord[];
  cursor: string;
  hasMore: boolean;
}

/** Reading from the external system (capture and matching). */
export interface Source {
  ping(): Promise<{ name: string }>;
  pollChanges(cursor: string | null, limit: number): Promise<ChangePage>;
  /** F8: inventory changed after the cursor, where the system has inventory */
  pollInventory?(cursor: string | null, limit: number): Promise<FeedPage<InventoryRecord>>;
  /** F6: sales recorded after the cursor, where the system has sales */
  pollSales?(cursor: string | null, limit: number): Promise<FeedPage<SaleRecord>>;
  getCustomer(id: string): Promise<ExternalCustomer | null>;
  findByEmail(email: string): Promise<ExternalCustomer[]>;
}

/** Writing to the external system (apply). */
export interface Sink {
  createCustomer(
    customer: CanonicalCustomer,
    options: WriteOptions & { number?: string | undefined; ref?: string | undefined },
  ): Promise<ExternalCustomer>;
  updateCustomer(id: string, patch: CustomerPatch, options: WriteOptions): Promise<PatchResult>;
  /** F7: writes a message sent from the hub to the customer's activity; the ref makes it idempotent */
  addActivity?(
    customerId: string,
    activity: { type: "email" | "text"; body: string; sentAt: string; ref: string },
    options: WriteOptions,
  ): Promise<void>;
}

export interface WebhookDelivery {
  headers: Record<string, string | undefined>;
  rawBody: string;
}

/** What one webhook delivery carried. */
export interface WebhookContent {
  customers: ExternalCustomer[];
  inventory: InventoryRecord[];
  sales: SaleRecord[];
}

/** Receiving pushes from the external system (capture). */
export interface Webhook {
  /** registers `url` at the external system so it sends changes there */
  register(url: string): Promise<void>;
  /** verifies and parses one delivery; throws a ConnectorError("invalid") when it is not genuine */
  parse(delivery: WebhookDelivery, now: Date): WebhookContent;
}

/**
 * The contract every connector fulfils. The engine and the stages only ever see this; they never
 * name a vendor.
 *
 * @example
 * const connector = connectorFor(integration); // services/connector-registry.ts
 * const page = await connector.source.pollChanges(null, 100);
 */
export interface Connector {
  manifest: Manifest;
  source: Source;
  sink: Sink;
  webhook?: Webhook;
}

/** What a connector needs to be built: where the system is, how to sign in, how to map fields. */
export interface ConnectorSettings {
  baseUrl: string;
  credentials: { apiKey: string; webhookSecret: string };
  /** external custom field key -> hub preference name (SPEC F2) */
  fieldMap: Record<string, string>;
  /** the store's country, for phone numbers without a +prefix */
  country: string;
  timeoutMs?: number;
  maxAttempts?: number;
}

/** Finds the connector of an integration (credentials decrypted, settings applied); stages receive one. */
export type ConnectorResolver = (integration: {
  id: number;
  kind: string;
  baseUrl: string;
  country: string;
  options: { fieldMap: Record<string, string> };
}) => Promise<Connector>;
