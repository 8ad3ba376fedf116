import { emailsOf, toFieldMap } from "../domain/customer.ts";
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
 * with the same normalised email (no duplicates); otherwise create one, with an idempotency key so
 * a retried job cannot create a second. The partner's data then enters as an ordinary change event,
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

  for (const email of emailsOf(client.customer)) {
    for (const candidate of await connector.source.findByEmail(email)) {
      const taken = await findLink(ctx.db, {
        integrationId: integration.id,
        externalId: candidate.id,
      });
      if (taken?.clientId != null || taken?.status === "excluded") continue;
      return {
        outcome: `matched ${candidate.id} by email`,
        record: async (tx) => {
          const current = await findLink(tx, { id: link.id }, true);
          if (!current || current.externalId) return;
          // An unlinked record of this external customer (selected mode) gives way to the pair.
          if (taken) await dropUnlinkedRecord(tx, taken);
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
            { answer: "matched", keySuffix: `:match:${link.id}` },
            ctx.now(),
          );
        },
      };
    }
  }

  const wishes = await wishListOf(ctx.db, client.id, integration.options.wishlistCollection);
  const created = await connector.sink.createCustomer(
    { ...client.customer, wishes },
    {
      idempotencyKey: ctx.idempotencyKey,
      number: job.number,
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
