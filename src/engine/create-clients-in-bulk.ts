import { connectorActor } from "../domain/actor-id.ts";
import { parseWishValue, toFieldMap, type ExternalCustomer } from "../domain/customer.ts";
import { itemPath, parseFieldPath } from "../domain/field-path.ts";
import { appendAudit, type AuditEntry } from "../store/audit-table.ts";
import { reopenSkippedSalesOf } from "../store/change-events-table.ts";
import { insertClientsWithIds, reserveIds } from "../store/clients-table.ts";
import { addCollectionItemsWithIds } from "../store/collections-table.ts";
import type { Queryable } from "../store/database.ts";
import type { IntegrationRecord } from "../store/integrations-table.ts";
import { insertLinksWithIds, pairLinkItems } from "../store/links-table.ts";
import { insertNotesWithIds } from "../store/notes-table.ts";
import { upsertProducts, type ProductUpsert } from "../store/products-table.ts";
import { fieldsFor } from "./link-view.ts";

/**
 * R8.5: what processExternalChange's createClientFrom writes for one new external customer, for
 * many at once with set-based statements: the clients with their contacts and preferences, their
 * links (synced, base = the customer's synced fields), the audit of every field, and the notes
 * and wish-list items (F4, F5) with their pairs. The caller has made sure each of them is a plain
 * new customer (see run-batch.ts: locked, no link, no ref, no email the hub holds, no email
 * shared with an earlier change of the batch) and holds its external key's lock. Onboarding
 * writes nothing back to the partner: these customers came from it (no outbound job).
 */
export async function createClientsInBulk(
  tx: Queryable,
  now: Date,
  integration: IntegrationRecord,
  customers: readonly ExternalCustomer[],
): Promise<void> {
  if (customers.length === 0) return;
  const origin = { source: integration.kind, actor: connectorActor(integration.kind) };
  const clientIds = await reserveIds(tx, "clients", customers.length);
  const linkIds = await reserveIds(tx, "links", customers.length);
  await insertClientsWithIds(
    tx,
    customers.map((external, i) => ({
      id: clientIds[i]!,
      storeId: integration.storeId,
      customerNumber: external.number,
      customer: external.customer,
      createdBy: null,
      assignedUserId: null,
      lifecycle: "active" as const,
      country: integration.country,
      now,
    })),
  );
  const audit: AuditEntry[] = [];
  const entry = (clientId: number, field: string, newValue: string): AuditEntry => ({
    clientId,
    integrationId: integration.id,
    field,
    oldValue: null,
    newValue,
    ...origin,
    at: now,
  });
  const synced = customers.map((external) => fieldsFor(integration, external.customer));
  customers.forEach((external, i) => {
    const fields = toFieldMap({ ...external.customer, notes: [], wishes: [] }, integration.country);
    for (const [field, value] of Object.entries(fields))
      audit.push(entry(clientIds[i]!, field, value));
  });
  await insertLinksWithIds(
    tx,
    customers.map((external, i) => ({
      id: linkIds[i]!,
      integrationId: integration.id,
      clientId: clientIds[i]!,
      externalId: external.id,
      externalNumber: external.number,
      status: "synced" as const,
      syncEnabled: true,
      base: synced[i]!,
      external: external.customer,
      externalVersion: external.version,
      now,
    })),
  );

  // Notes and wishes the integration syncs, by the same field paths the merge uses.
  const notes: Array<{ at: number; externalId: string; body: string }> = [];
  const wishes: Array<{ at: number; externalId: string; value: string }> = [];
  synced.forEach((fields, at) => {
    for (const [path, value] of Object.entries(fields)) {
      const field = parseFieldPath(path);
      if (field.family !== "note" && field.family !== "wish") continue;
      const externalId = String(field.key.id);
      if (field.family === "note") notes.push({ at, externalId, body: value });
      else wishes.push({ at, externalId, value });
    }
  });
  const noteIds = await reserveIds(tx, "client_notes", notes.length);
  await insertNotesWithIds(
    tx,
    notes.map((n, i) => ({ id: noteIds[i]!, clientId: clientIds[n.at]!, body: n.body, now })),
  );
  notes.forEach((n, i) =>
    audit.push(entry(clientIds[n.at]!, itemPath("note", noteIds[i]!), n.body)),
  );
  const pairs: Parameters<typeof pairLinkItems>[1][number][] = notes.map((n, i) => ({
    linkId: linkIds[n.at]!,
    kind: "note",
    hubId: noteIds[i]!,
    externalId: n.externalId,
  }));

  if (wishes.length > 0) {
    // F4: a stock wish is its inventory item's product (made if the hub has none yet); a
    // non-stock wish a product of its own
    const wanted = new Map<string, ProductUpsert>();
    const keyOf = wishes.map((w) => {
      const { inventoryId, description } = parseWishValue(w.value);
      const key = inventoryId ? `inventory:${inventoryId}` : `wish:${w.externalId}`;
      if (!wanted.has(key))
        wanted.set(key, {
          storeId: integration.storeId,
          integrationId: integration.id,
          externalKey: key,
          origin: "wish",
          sku: null,
          name: description,
          category: null,
          vendor: null,
          inventoryType: null,
          price: null,
          archived: false,
          externalVersion: 0,
          now,
        });
      return key;
    });
    const products = await upsertProducts(tx, integration.id, [...wanted.values()], (key) =>
      key.startsWith("inventory:"),
    );
    const itemIds = await reserveIds(tx, "collection_items", wishes.length);
    await addCollectionItemsWithIds(
      tx,
      wishes.map((w, i) => ({
        id: itemIds[i]!,
        clientId: clientIds[w.at]!,
        name: integration.options.wishlistCollection,
        productId: products.get(keyOf[i]!)!,
        now,
      })),
    );
    wishes.forEach((w, i) => {
      audit.push(entry(clientIds[w.at]!, itemPath("wish", itemIds[i]!), w.value));
      pairs.push({
        linkId: linkIds[w.at]!,
        kind: "wish" as const,
        hubId: itemIds[i]!,
        externalId: w.externalId,
      });
    });
  }
  await pairLinkItems(tx, pairs);
  await appendAudit(tx, audit);
  // F6/S1: sales skipped while these customers did not sync come in now that they do
  await reopenSkippedSalesOf(
    tx,
    integration.id,
    customers.map((c) => c.id),
  );
}
