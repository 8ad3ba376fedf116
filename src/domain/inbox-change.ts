import { z } from "zod";
import { InvalidPayloadError, parsePayload } from "./payload-check.ts";
import type { CanonicalCustomer, ExternalCustomer } from "./customer.ts";
import type { CustomerEdit } from "./customer-patch.ts";
import { numberChoices, type HubChange } from "./hub-change.ts";
import type { InventoryRecord, SaleRecord } from "./retail-records.ts";

/**
 * R8.4: what an inbox event (change_events) carries, checked when the engine claims it instead of
 * cast. The schemas describe the payloads as their writers make them (capture, apply, services);
 * objects are loose (a writer may add a key the engine does not read), values are checked.
 */

const contact = z.object({ kind: z.enum(["email", "phone", "address"]), value: z.string() });
const ref = z.string().nullish();

const canonicalCustomerSchema = z.looseObject({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  acquisition: z.string().nullable(),
  contacts: z.array(contact),
  preferences: z.record(z.string(), z.string()),
  notes: z.array(z.looseObject({ id: z.string(), body: z.string(), ref })).optional(),
  wishes: z
    .array(
      z.looseObject({
        id: z.string(),
        inventoryId: z.string().nullable(),
        description: z.string(),
        ref,
      }),
    )
    .optional(),
}) satisfies z.ZodType<CanonicalCustomer>;

const version = z.number().int().nonnegative();

export const externalCustomerSchema = z.looseObject({
  id: z.string().min(1),
  number: z.string().nullable(),
  version,
  customer: canonicalCustomerSchema,
  ref,
}) satisfies z.ZodType<ExternalCustomer>;

export const inventoryRecordSchema = z.looseObject({
  id: z.string().min(1),
  version,
  sku: z.string().nullable(),
  name: z.string(),
  category: z.string().nullable(),
  vendor: z.string().nullable(),
  type: z.string(),
  status: z.enum(["on_hand", "sold", "removed"]),
  price: z.number().nullable(),
}) satisfies z.ZodType<InventoryRecord>;

export const saleRecordSchema = z.looseObject({
  id: z.string().min(1),
  version,
  customerId: z.string().min(1),
  associateNumber: z.string().nullable(),
  occurredAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date"),
  currency: z.string(),
  total: z.number(),
  lines: z.array(
    z.looseObject({
      kind: z.enum(["item", "special_order"]),
      inventoryId: z.string().nullable(),
      sku: z.string().nullable(),
      description: z.string(),
      category: z.string().nullable(),
      vendor: z.string().nullable(),
      quantity: z.number(),
      amount: z.number(),
    }),
  ),
  serviceJobs: z.array(
    z.looseObject({
      id: z.string(),
      type: z.enum(["repair", "custom", "appraisal"]),
      description: z.string(),
      amount: z.number(),
    }),
  ),
}) satisfies z.ZodType<SaleRecord>;

/** R7.1: a record its connector could not read: its id and version when readable, and why. */
export interface RejectedRecordPayload {
  id: string | null;
  version: number | null;
  /** by field path, never with the field's value */
  reason: string;
}

export const rejectedRecordSchema = z.looseObject({
  id: z.string().nullable(),
  version: z.number().nullable(),
  reason: z.string(),
}) satisfies z.ZodType<RejectedRecordPayload>;

const customerEditSchema = z.looseObject({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  acquisition: z.string().nullish(),
  preferences: z.record(z.string(), z.string().nullable()).optional(),
  contacts: z.array(contact).optional(),
  removeContacts: z.array(contact).optional(),
  addContacts: z.array(contact).optional(),
  addNotes: z.array(z.string()).optional(),
  editNotes: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<CustomerEdit>;

const id = z.number().int().positive();
const lifecycle = z.enum(["prospect", "active"]);

export const hubChangeSchema = z.discriminatedUnion("kind", [
  z.looseObject({
    kind: z.literal("client.created"),
    storeId: id,
    customerNumber: z.string().optional(),
    customer: canonicalCustomerSchema,
    lifecycle,
    createdBy: id.nullable(),
    assignedUserId: id.nullable(),
    country: z.string(),
  }),
  z.looseObject({
    kind: z.literal("client.updated"),
    clientId: id,
    edit: customerEditSchema,
    lifecycle: lifecycle.optional(),
  }),
  z.looseObject({
    kind: z.literal("client.sync"),
    clientId: id,
    integrationId: id,
    number: z.string().optional(),
  }),
  z.looseObject({
    kind: z.literal("client.pair"),
    clientId: id,
    integrationId: id,
    externalId: z.string().min(1),
  }),
  z.looseObject({
    kind: z.literal("client.exclude"),
    clientId: id,
    integrationId: id,
    excluded: z.boolean(),
  }),
  z.looseObject({
    kind: z.literal("record.exclude"),
    integrationId: id,
    externalId: z.string().min(1),
    excluded: z.boolean(),
  }),
  z.looseObject({
    kind: z.literal("client.partnerCreate"),
    clientId: id,
    integrationId: id,
    numberChoice: z.enum(numberChoices),
    number: z.string().optional(),
  }),
  z.looseObject({
    kind: z.literal("record.partnerCreate"),
    integrationId: id,
    externalId: z.string().min(1),
    numberChoice: z.enum(numberChoices),
    number: z.string().optional(),
  }),
  z.looseObject({
    kind: z.literal("client.assign"),
    clientId: id,
    userId: id.nullable(),
    expected: id.nullable(),
    reason: z.string(),
  }),
  z.looseObject({
    kind: z.literal("clients.assign"),
    storeId: id,
    clientIds: z.array(id),
    userId: id.nullable(),
    reason: z.string(),
  }),
  z.looseObject({ kind: z.literal("integration.assignBySpend"), integrationId: id }),
  z.looseObject({ kind: z.literal("client.resync"), clientId: id, integrationId: id }),
  z.looseObject({
    kind: z.literal("conflict.resolve"),
    clientId: id,
    integrationId: id,
    choices: z.record(
      z.string(),
      z.discriminatedUnion("take", [
        z.looseObject({ take: z.literal("hub") }),
        z.looseObject({ take: z.literal("external") }),
        z.looseObject({ take: z.literal("value"), value: z.string().nullable() }),
      ]),
    ),
  }),
  z.looseObject({
    kind: z.literal("message.sent"),
    clientId: id,
    channel: z.enum(["email", "text"]),
    body: z.string(),
  }),
  z.looseObject({
    kind: z.literal("collection.add"),
    clientId: id,
    collection: z.string(),
    productId: id.optional(),
    description: z.string().optional(),
  }),
  z.looseObject({ kind: z.literal("collection.remove"), clientId: id, itemId: id }),
  z.looseObject({
    kind: z.literal("purchase.record"),
    clientId: id,
    occurredAt: z.string(),
    soldBy: id.nullable(),
    currency: z.string(),
    lines: z.array(
      z.looseObject({
        description: z.string(),
        category: z.string().nullable(),
        quantity: z.number(),
        amount: z.number(),
      }),
    ),
  }),
]) satisfies z.ZodType<HubChange>;

/** An inbox event as the engine takes it: one case per kind of change, its payload checked. */
export type InboxChange =
  | { type: "hub"; change: HubChange }
  | { type: "customer"; customer: ExternalCustomer }
  | { type: "inventory"; item: InventoryRecord }
  | { type: "sale"; sale: SaleRecord }
  | { type: "rejected"; record: RejectedRecordPayload };

/**
 * An event whose payload is not what its kind says. It fails like any failing event (retried,
 * then parked and listed); the reason names the fields, never their values.
 */
/**
 * Reads an event's payload by its source and kind: a hub change (its kind must be the event's),
 * or an external customer, inventory item, sale, or a record its connector rejected.
 */
export function parseInboxChange(event: {
  source: "hub" | "external";
  kind: string;
  payload: unknown;
}): InboxChange {
  if (event.source === "hub") {
    const change = parsePayload(hubChangeSchema, event.payload, `hub change ${event.kind}`);
    if (change.kind !== event.kind)
      throw new InvalidPayloadError(
        `the hub change is a ${change.kind}, but its event is a ${event.kind}`,
      );
    return { type: "hub", change };
  }
  const [family] = event.kind.split(".");
  if (event.kind.endsWith(".rejected"))
    return {
      type: "rejected",
      record: parsePayload(rejectedRecordSchema, event.payload, event.kind),
    };
  switch (family) {
    case "customer":
      return {
        type: "customer",
        customer: parsePayload(externalCustomerSchema, event.payload, "customer"),
      };
    case "inventory":
      return {
        type: "inventory",
        item: parsePayload(inventoryRecordSchema, event.payload, "inventory"),
      };
    case "sale":
      return { type: "sale", sale: parsePayload(saleRecordSchema, event.payload, "sale") };
    default:
      throw new InvalidPayloadError(`no kind of change is called ${event.kind}`);
  }
}
