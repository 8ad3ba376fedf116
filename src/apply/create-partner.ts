import { emailsOf, toFieldMap, type ExternalCustomer } from "../domain/customer.ts";
import type { CreatePartnerJob } from "../domain/job-payloads.ts";
import { syncedFields } from "../domain/policy.ts";
import type { Connector } from "../connectors/kit/connector.ts";
import { readClient } from "../store/clients-table.ts";
import { wishListOf } from "../store/collections-table.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { dropUnlinkedRecord, findLink, linkToPartner, pairLinkItem } from "../store/links-table.ts";
import { associateFor } from "./attribute-change.ts";
import type { JobContext, JobOutcome } from "./job-outcome.ts";
import { recordExternalCustomers } from "../store/inbox.ts";
import { itemRef, parseItemRef } from "../domain/item-ref.ts";

/**
 * S2/S5: give a hub client its partner in the external system. First look for an external customer
 * with the same normalised email (no duplicates), where the manifest claims that lookup; otherwise
 * create one, with an idempotency key so a retried job cannot create a second. R8.2: a system
 * without idempotency keys but with numbers the hub chooses and lookup by number is asked for the
 * number first: a create whose answer was lost is found there (by its ref) instead of repeated. The partner's data then enters as an ordinary change event,
 * and the engine merges it like any other (a differing match becomes a conflict, never an overwrite).
 */
export async function createPartner(
  ctx: JobContext,
  job: CreatePartnerJob,
  integration: IntegrationRecord,
  connector: Connector,
): Promise<JobOutcome> {
  const link = await findLink(ctx.db, { id: job.linkId });
  if (!link || link.clientId === null) return { outcome: "link gone" };
  if (link.externalId) return { outcome: "already linked" };
  if (link.status === "excluded") return { outcome: "excluded" };
  const client = await readClient(ctx.db, link.clientId);
  if (!client) return { outcome: "client gone" };

  const { manifest, source } = connector;
  // S5: the number to ask for; a system whose numbers are ours gets one derived from the client,
  // the same on every attempt, so a retried create asks for the same number
  const number =
    job.number ?? (manifest.customerNumbers === "ours" ? ourCustomerNumber(client.id) : undefined);
  // R8.2: the create of an earlier attempt whose answer was lost, found by the number it asked
  // for and the ref it left: for a system that does not repeat a write by its idempotency key
  if (number !== undefined && manifest.lookups.number && source.findByNumber) {
    const earlier = await source.findByNumber(number);
    if (earlier && earlier.ref === itemRef(client.id)) {
      const taken = await findLink(ctx.db, {
        integrationId: integration.id,
        externalId: earlier.id,
      });
      if (taken?.clientId == null && taken?.status !== "excluded")
        return matched(ctx, integration, link.id, earlier, "by its number and ref");
    }
  }
  // S2: an external customer with the same normalised email becomes the partner (no duplicate),
  // where the system can be asked by email
  const byEmail = manifest.lookups.email ? source.findByEmail?.bind(source) : undefined;
  for (const email of byEmail ? emailsOf(client.customer) : []) {
    for (const candidate of await byEmail!(email)) {
      const taken = await findLink(ctx.db, {
        integrationId: integration.id,
        externalId: candidate.id,
      });
      if (taken?.clientId != null || taken?.status === "excluded") continue;
      return matched(ctx, integration, link.id, candidate, "by email");
    }
  }

  const wishes = await wishListOf(ctx.db, client.id, integration.options.wishlistCollection);
  const created = await connector.sink.createCustomer(
    { ...client.customer, wishes },
    {
      idempotencyKey: ctx.idempotencyKey,
      number,
      // lets the engine recognise the new customer as this client's partner, even if this job's
      // bookkeeping is lost (a crash after the create) and the customer arrives by webhook first
      ref: itemRef(client.id),
      associateNumber: await associateFor(ctx.db, integration, job.actor),
    },
  );
  return {
    outcome: `created ${created.id}`,
    record: async (tx) => {
      const current = await findLink(tx, { id: link.id }, true);
      if (!current || current.externalId) return;
      const fields = toFieldMap(created.customer, integration.country);
      const base = syncedFields(fields, Object.values(integration.options.fieldMap));
      const linked = {
        externalId: created.id,
        externalNumber: created.number,
        base,
        status: "synced" as const,
        // the partner as it now stands, for merges made before its change event is processed
        snapshot: { external: created.customer, snapshotVersion: created.version },
      };
      const paired = await linkToPartner(tx, current, linked, ctx.now());
      // F4, F5: the hub's notes and wishes went along; pair each with the item carrying its ref
      const items = [
        ...(created.customer.notes ?? []).map((i) => ["note", i] as const),
        ...(created.customer.wishes ?? []).map((i) => ["wish", i] as const),
      ];
      for (const [kind, item] of items) {
        const hubId = parseItemRef(item.ref);
        if (hubId !== undefined) await pairLinkItem(tx, paired, kind, hubId, item.id);
      }
      await recordExternalCustomers(
        tx,
        integration.id,
        [created],
        { answer: "created" },
        ctx.now(),
      );
    },
  };
}

/** S5: the number the hub asks for when the system's customer numbers are ours to choose. */
export const ourCustomerNumber = (clientId: number) => `T${clientId}`;

/** Links the client's link to an external customer that is already there. */
function matched(
  ctx: JobContext,
  integration: IntegrationRecord,
  linkId: number,
  candidate: ExternalCustomer,
  how: string,
): JobOutcome {
  return {
    outcome: `matched ${candidate.id} ${how}`,
    record: async (tx) => {
      const current = await findLink(tx, { id: linkId }, true);
      if (!current || current.externalId) return;
      // An unlinked record of this external customer (selected mode) gives way to the pair. It
      // was read before the lookup's answer: read again under its lock, so that one paired by hand
      // or excluded meanwhile (S7, S9) is never taken; the job then tries again, and its next
      // lookup passes it by.
      const record = await findLink(
        tx,
        { integrationId: integration.id, externalId: candidate.id },
        true,
      );
      if (record && (record.clientId !== null || record.status === "excluded"))
        throw new Error(
          `customer ${candidate.id} of the other system was paired or excluded while its match was made; trying again`,
        );
      if (record) await dropUnlinkedRecord(tx, record);
      const linked = {
        externalId: candidate.id,
        externalNumber: candidate.number,
        externalVersion: 0,
        base: {},
      };
      await linkToPartner(tx, current, linked, ctx.now());
      // a key of its own: this version may already be in the inbox, recorded while unlinked
      await recordExternalCustomers(
        tx,
        integration.id,
        [candidate],
        { answer: "matched", keySuffix: `:match:${linkId}` },
        ctx.now(),
      );
    },
  };
}
