import type { LinkStatus } from "../domain/link-status.ts";
import { excludeRecord } from "../engine/entries.ts";
import {
  countExternalOnly,
  listExternalOnly,
  type ExternalOnlyRecord,
} from "../store/external-records.ts";
import { findLink } from "../store/links-table.ts";
import { runHubChangeIn } from "./customers.ts";
import { getIntegration } from "./integrations.ts";
import type { Actor, ServiceContext } from "./service-context.ts";
import { ServiceError } from "./service-error.ts";
import { requireRole } from "./users.ts";

/** S1, S11: an external customer the hub holds no customer for, as the API shows it. */
export interface ExternalCustomerView {
  externalId: string;
  customerNumber: string | null;
  status: "unlinked" | "excluded";
  firstName: string | null;
  lastName: string | null;
  contacts: Array<{ kind: "email" | "phone" | "address"; value: string }>;
}

const view = (r: ExternalOnlyRecord): ExternalCustomerView => ({
  externalId: r.externalId,
  customerNumber: r.externalNumber,
  status: r.status,
  firstName: r.customer?.firstName ?? null,
  lastName: r.customer?.lastName ?? null,
  contacts: r.customer?.contacts ?? [],
});

/**
 * S1, S11: the other side's customers without a hub customer in one integration (recorded while it
 * syncs selected customers, or excluded), as the hub last saw them: every role may see them, as
 * it sees the store's unassigned customers (A7). Paged by the hub's own order of them.
 */
export async function listExternalCustomers(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  page: {
    after?: number | undefined;
    limit: number;
    status?: "unlinked" | "excluded" | undefined;
    search?: string | undefined;
  },
): Promise<{ customers: ExternalCustomerView[]; next: number | null }> {
  await getIntegration(ctx, actor, integrationId);
  const search = page.search?.trim() || undefined;
  const rows = await listExternalOnly(ctx.db, integrationId, { ...page, search });
  return {
    customers: rows.map(view),
    next: rows.length === page.limit ? (rows.at(-1)?.linkId ?? null) : null,
  };
}

/** S11: how many of them there are, per status (matching the search). */
export async function countExternalCustomers(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  search?: string,
): Promise<Record<"unlinked" | "excluded", number>> {
  await getIntegration(ctx, actor, integrationId);
  return countExternalOnly(ctx.db, integrationId, search?.trim() || undefined);
}

/**
 * S9: exclude a customer of the other system (one the hub recorded) from syncing, or lift that.
 * One paired with a hub customer is excluded as that customer is; lifted, one without a hub
 * customer is taken as new (matched or created in `all` mode). Managers and admins only, as for
 * a hub customer. Answers where the customer stands now.
 */
export async function setExternalExclusion(
  ctx: ServiceContext,
  actor: Actor,
  integrationId: number,
  externalId: string,
  excluded: boolean,
): Promise<{ externalId: string; clientId: number | null; status: LinkStatus }> {
  requireRole(actor, ["admin", "manager"], "excluding a customer from an integration");
  await getIntegration(ctx, actor, integrationId);
  return ctx.db.transaction(async (tx) => {
    await runHubChangeIn(
      ctx,
      tx,
      actor,
      { kind: "record.exclude", integrationId, externalId, excluded },
      excludeRecord,
    );
    const link = await findLink(tx, { integrationId, externalId });
    if (!link) throw new ServiceError("not_found", `customer ${externalId} vanished while saved`);
    return { externalId, clientId: link.clientId, status: link.status };
  });
}
