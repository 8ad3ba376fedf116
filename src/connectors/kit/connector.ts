import type { CanonicalCustomer, ContactMethod, ExternalCustomer } from "../../domain/customer.ts";
import type { InventoryRecord, SaleRecord } from "../../domain/retail-records.ts";
import type { Manifest } from "./manifest.ts";
import type { RateBudget } from "./rate-budget.ts";

export type { ExternalCustomer };
export type { Manifest };

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

/** One page of a feed: the records changed after the cursor, oldest first. */
export interface FeedPage<T> {
  records: T[];
  /** R7.1: the page's records the connector could not read */
  rejected: RejectedRecord[];
  cursor: string;
  hasMore: boolean;
}

/**
 * R8.1: the records a feed or a webhook can carry, by feed name. A new kind of record (orders,
 * invoices) is one more entry here, and capture records it by its name; nothing else is fixed to
 * customers, inventory and sales.
 */
export interface FeedRecords {
  customers: ExternalCustomer;
  /** F8 */
  inventory: InventoryRecord;
  /** F6 */
  sales: SaleRecord;
}
export type FeedName = keyof FeedRecords;
export const feedNames = ["customers", "inventory", "sales"] as const satisfies readonly FeedName[];

export type FeedReader<T> = (cursor: string | null, limit: number) => Promise<FeedPage<T>>;

/** The customers' feed always; inventory and sales where the manifest claims those records. */
export type FeedReaders = { customers: FeedReader<ExternalCustomer> } & {
  [K in Exclude<FeedName, "customers">]?: FeedReader<FeedRecords[K]>;
};

/** What one webhook delivery carried, by feed name (records of one kind each). */
export type WebhookContent = { [K in FeedName]?: Array<FeedRecords[K]> };

/**
 * R8.1: a write to an existing external customer, as typed operations (never field-path strings).
 * Every operation that replaces a value carries the value the hub believes it replaces
 * (`expected`): a system with conditional writes refuses the write when it does not hold, and for
 * one without, the kit reads before it writes (read-before-write.ts).
 */
export type CustomerOperation =
  | {
      op: "setName";
      field: "firstName" | "lastName";
      value: string | null;
      expected: string | null;
    }
  | { op: "setAcquisition"; value: string | null; expected: string | null }
  | { op: "setPreference"; name: string; value: string | null; expected: string | null }
  /** F1: contact methods are added, never changed or removed */
  | { op: "addContact"; contact: ContactMethod }
  /** F5: a hub note, with the ref ("tandem:<id>") that pairs it back */
  | { op: "addNote"; ref: string; body: string }
  | { op: "setNote"; id: string; body: string; expected: string | null }
  /** F4: a hub wish, with the ref that pairs it back */
  | { op: "addWish"; ref: string; wish: Wish }
  | { op: "setWish"; id: string; wish: Wish; expected: Wish | null }
  | { op: "removeWish"; id: string; expected: Wish | null };

export interface Wish {
  inventoryId: string | null;
  description: string;
}

export type PatchResult =
  | { ok: true; customer: ExternalCustomer }
  | { ok: false; reason: "precondition_failed"; customer: ExternalCustomer };

export interface WriteOptions {
  idempotencyKey: string;
  /** the associate the change is attributed to in the external system (SPEC F9) */
  associateNumber?: string | undefined;
}

/** Reading from the external system (capture and matching). */
export interface Source {
  ping(): Promise<{ name: string }>;
  /** the feeds polled with a cursor (manifest `feeds` has "poll") */
  feeds: FeedReaders;
  getCustomer(id: string): Promise<ExternalCustomer | null>;
  /** S2: where the manifest claims `lookups.email`; matches the normalised email */
  findByEmail?(email: string): Promise<ExternalCustomer[]>;
  /** S5: where the manifest claims `lookups.number` */
  findByNumber?(number: string): Promise<ExternalCustomer | null>;
}

/** Writing to the external system (apply). */
export interface Sink {
  createCustomer(
    customer: CanonicalCustomer,
    options: WriteOptions & { number?: string | undefined; ref?: string | undefined },
  ): Promise<ExternalCustomer>;
  /**
   * Applies the operations. A connector whose manifest claims conditional writes refuses, as
   * `{ok: false}`, a write whose expectations do not hold; one without ignores `expected` (the
   * kit has compared them already).
   */
  updateCustomer(
    id: string,
    operations: readonly CustomerOperation[],
    options: WriteOptions,
  ): Promise<PatchResult>;
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

/** Receiving pushes from the external system (capture). */
export interface Webhook {
  /** registers `url` at the external system so it sends changes there */
  register(url: string): Promise<void>;
  /** verifies and parses one delivery; throws a ConnectorError("unauthorized" or "invalid") when it is not genuine */
  parse(delivery: WebhookDelivery, now: Date): WebhookContent;
}

/**
 * The contract every connector fulfils. The engine and the stages only ever see this; they never
 * name a vendor. What a connector offers beyond the customer feed and reads and writes of one
 * customer is optional here and declared in its manifest (manifest.ts).
 *
 * @example
 * const connector = await resolveConnector(integration); // services/connector-resolver.ts
 * const page = await connector.source.feeds.customers(null, 100);
 */
export interface Connector {
  manifest: Manifest;
  source: Source;
  sink: Sink;
  webhook?: Webhook | undefined;
}

/**
 * I3: the rows of a system the hub keeps itself (a customer file: the file last imported), handed
 * to its connector by the hub, since connectors never touch the store. Ordered by id.
 */
export interface StoredRows {
  /** the rows after `after` (by id), at most `limit` */
  page(after: string | null, limit: number): Promise<ExternalCustomer[]>;
  get(id: string): Promise<ExternalCustomer | null>;
}

/** What every connector is built with, beside its own credentials and options. */
export interface ConnectorSettings<Credentials = unknown, Options = unknown> {
  /** the system's address, for kinds that have one (manifest `baseUrl`) */
  baseUrl: string | null;
  /** checked with the manifest's credentials schema (and its generated secrets) */
  credentials: Credentials;
  /** checked with the manifest's options schema */
  connection: Options;
  /** external custom field key -> hub preference name (SPEC F2) */
  fieldMap: Record<string, string>;
  /** the store's country, for phone numbers without a +prefix */
  country: string;
  timeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  /** R8.1: the integration's rate budget, shared by its connectors in this process (the kit makes one from the manifest when none is given) */
  budget?: RateBudget | undefined;
  /** set by the kit from the manifest: a write is sent again only where idempotency keys make it safe */
  retryWrites?: boolean | undefined;
  /** I3: for a system the hub keeps itself (files), its rows; absent while an integration is created */
  storedRows?: StoredRows | undefined;
}

/** The part of an integration a connector is built from. */
export interface ResolvableIntegration {
  id: number;
  kind: string;
  baseUrl: string | null;
  country: string;
  connection: unknown;
  options: { fieldMap: Record<string, string> };
  /** changes whenever the credentials do; a resolver may keep a connector while it is the same */
  credentialsTag?: string;
}

/** Finds the connector of an integration (credentials decrypted, settings applied); stages receive one. */
export type ConnectorResolver = (integration: ResolvableIntegration) => Promise<Connector>;
