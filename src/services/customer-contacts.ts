import type { ContactMethod } from "../domain/customer.ts";
import { sameContact } from "../domain/customer-patch.ts";
import type { ContactKind } from "../domain/normalize.ts";
import { readStore } from "../store/stores-table.ts";
import { changeableClient } from "./client-access.ts";
import {
  contactChangeSchema,
  contactListSchema,
  contactSchema,
  customerCaps,
  parseInput as parse,
  type ContactChangeInput,
  type ContactListInput,
} from "./customer-schemas.ts";
import * as engine from "../engine/entries.ts";
import { applyHubChange, type CustomerView } from "./customers.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";

/**
 * R7.15: a customer's contact methods, one at a time. Each operation is a hub edit like any
 * other (a change event the engine merges), so F1 holds: at the POS a new or changed contact is
 * added and nothing there is modified or deleted. A contact is named by its kind and value; the
 * value matches in its normalised form (any case of an email, any formatting of a phone).
 */

async function clientAndCountry(ctx: ServiceContext, actor: Actor, clientId: number) {
  const client = await changeableClient(ctx.db, actor, clientId);
  const country = (await readStore(ctx.db, client.storeId))?.country ?? "US";
  return { client, country };
}

const describe = (c: ContactMethod) => `${c.kind} '${c.value}'`;

function findContact(
  contacts: readonly ContactMethod[],
  wanted: ContactMethod,
  country: string,
  clientId: number,
): ContactMethod {
  const found = contacts.find((c) => sameContact(c, wanted, country));
  if (!found)
    throw new ServiceError("not_found", `customer ${clientId} has no ${describe(wanted)}`);
  return found;
}

/** Adds a contact method; one the customer has already (same kind and normalised value) is a 409. */
export async function addContact(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  input: unknown,
): Promise<CustomerView> {
  const contact = parse(contactSchema, input);
  const { client, country } = await clientAndCountry(ctx, actor, clientId);
  // R7.11: the cap a whole list is held to (contactListSchema) holds one at a time too
  if (client.customer.contacts.length >= customerCaps.contacts)
    throw new ServiceError(
      "invalid",
      `contacts: customer ${clientId} holds ${client.customer.contacts.length} contacts, the most a customer may hold (${customerCaps.contacts}); remove one first`,
    );
  const existing = client.customer.contacts.find((c) => sameContact(c, contact, country));
  if (existing)
    throw new ServiceError(
      "conflict",
      `customer ${clientId} has this ${contact.kind} already, as '${existing.value}'`,
    );
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "client.updated",
      clientId,
      edit: { addContacts: [contact] },
    },
    engine.updateClient,
  );
}

/** Changes one contact's value (its kind stays): the old value goes, the new one is added. */
export async function changeContact(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  current: { kind: ContactKind; value: string },
  input: ContactChangeInput,
): Promise<CustomerView> {
  const { value } = parse(contactChangeSchema, input);
  const next = parse(contactSchema, { kind: current.kind, value });
  const { client, country } = await clientAndCountry(ctx, actor, clientId);
  const old = findContact(client.customer.contacts, current, country, clientId);
  if (sameContact(old, next, country))
    throw new ServiceError(
      "invalid",
      `value: '${next.value}' is the same ${next.kind} as '${old.value}' (contacts are compared normalised); nothing to change`,
    );
  const clash = client.customer.contacts.find((c) => sameContact(c, next, country));
  if (clash)
    throw new ServiceError(
      "conflict",
      `customer ${clientId} has this ${next.kind} already, as '${clash.value}'; remove one of the two instead`,
    );
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "client.updated",
      clientId,
      edit: { removeContacts: [old], addContacts: [next] },
    },
    engine.updateClient,
  );
}

/** Removes one contact method from the hub (F1: the POS keeps its copy). */
export async function removeContact(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  current: { kind: ContactKind; value: string },
): Promise<CustomerView> {
  const { client, country } = await clientAndCountry(ctx, actor, clientId);
  const old = findContact(client.customer.contacts, current, country, clientId);
  return applyHubChange(
    ctx,
    actor,
    {
      kind: "client.updated",
      clientId,
      edit: { removeContacts: [old] },
    },
    engine.updateClient,
  );
}

/** Replaces the whole list, on purpose: contacts not in it are removed from the hub. */
export async function replaceContacts(
  ctx: ServiceContext,
  actor: Actor,
  clientId: number,
  input: ContactListInput,
): Promise<CustomerView> {
  const { contacts } = parse(contactListSchema, input);
  const { country } = await clientAndCountry(ctx, actor, clientId);
  contacts.forEach((contact, i) => {
    const first = contacts.findIndex((c) => sameContact(c, contact, country));
    if (first < i)
      throw new ServiceError(
        "invalid",
        `contacts.${i}: the same ${contact.kind} as contacts.${first} ('${contacts[first]!.value}')`,
      );
  });
  return applyHubChange(
    ctx,
    actor,
    { kind: "client.updated", clientId, edit: { contacts } },
    engine.updateClient,
  );
}
