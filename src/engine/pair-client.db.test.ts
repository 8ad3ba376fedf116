import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  drainInbox,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import {
  createCustomer,
  enableSync,
  getCustomer,
  selectPartner,
  setCustomerExclusion,
} from "../services/customers.ts";
import { deliverSales, saleRecord } from "../../test/setup/sales.ts";
import { ServiceError } from "../services/service-error.ts";

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
};

describe.each(engines)("selecting a partner by hand, on $name", (engine) => {
  it("S7: a hub customer paired by hand with a recorded POS customer starts in conflict where they differ, even where the profile names a winner; what only one side holds is filled in", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integration = await addOfflineIntegration(hub, {
      syncMode: "selected",
      pushNewCustomers: false,
      fieldMap: { ring_size: "Ring size" },
    });
    const ada = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Ada",
      lastName: "Lovelace",
      acquisition: "Walk-in",
      contacts: [{ kind: "phone", value: "+1 212 555 0101" }],
    });
    await deliver(hub, integration, {
      ...posCustomer("c_ada", 3, {
        firstName: "Ada",
        lastName: "Byron",
        acquisition: "Instagram",
        preferences: { "Ring size": "6" },
      }),
      number: "10042",
    });
    // F6/S1: its sale is skipped while it has no hub customer
    await deliverSales(hub, integration, saleRecord("s_ada", 1, "c_ada", 250));
    await drainInbox(hub);

    const paired = await selectPartner(hub.ctx, hub.admin, ada.id, {
      integrationId: integration,
      externalId: "c_ada",
    });
    expect(paired.sync).toEqual([
      expect.objectContaining({
        integrationId: integration,
        status: "conflict",
        externalId: "c_ada",
        externalNumber: "10042",
      }),
    ]);
    // nothing the hub held was overwritten, acquisition included (the POS profile's F3 winner)
    expect(paired).toMatchObject({ lastName: "Lovelace", acquisition: "Walk-in" });
    // what only the POS held came in
    expect(paired.preferences).toEqual({ "Ring size": "6" });
    const conflicts = await db.query<{ field: string }>(
      "select field from conflicts where resolved_at is null order by field",
    );
    expect(conflicts.map((c) => c.field)).toEqual(["acquisition", "lastName"]);
    // the record gave way to the pair: one link for the POS customer
    const links = await db.query<{ client_id: number | null }>(
      "select client_id from links where external_id = 'c_ada'",
    );
    expect(links).toEqual([{ client_id: ada.id }]);
    // the hub's phone, which the POS lacks, goes out
    const jobs = await db.query<{ kind: string; payload: { add: Record<string, unknown> } }>(
      "select kind, payload from jobs",
    );
    expect(jobs.map((j) => j.kind)).toEqual(["external.update"]);
    expect(Object.keys(jobs[0]!.payload.add)).toEqual(["contact.phone.+12125550101"]);

    // the skipped sale comes in now that the customer has its partner
    await drainInbox(hub);
    const purchases = await db.query<{ external_id: string }>(
      "select external_id from purchases where client_id = $1",
      [ada.id],
    );
    expect(purchases).toEqual([{ external_id: "s_ada" }]);

    // S9 in selected mode: excluded and lifted, the pair syncs again (its conflicts still open)
    const managerView = await setCustomerExclusion(hub.ctx, hub.admin, ada.id, {
      integrationId: integration,
      excluded: true,
    });
    expect(managerView.sync[0]).toMatchObject({ status: "excluded" });
    const lifted = await setCustomerExclusion(hub.ctx, hub.admin, ada.id, {
      integrationId: integration,
      excluded: false,
    });
    expect(lifted.sync[0]).toMatchObject({ status: "conflict", externalId: "c_ada" });

    // a pair is made once: both now have a partner
    const again = await refusal(
      selectPartner(hub.ctx, hub.admin, ada.id, {
        integrationId: integration,
        externalId: "c_ada",
      }),
    );
    expect(again.code).toBe("conflict");
    expect(again.message).toMatch(/already/);
    const other = await createCustomer(hub.ctx, hub.admin, { firstName: "Bea" });
    const unknown = await refusal(
      selectPartner(hub.ctx, hub.admin, other.id, {
        integrationId: integration,
        externalId: "c_nobody",
      }),
    );
    expect(unknown.code).toBe("not_found");

    // a customer whose partner is being created is not paired by hand too (two partners)
    await deliver(hub, integration, posCustomer("c_bea", 1, { firstName: "Bea" }));
    await drainInbox(hub);
    await enableSync(hub.ctx, hub.admin, integration, [other.id]);
    const creating = await refusal(
      selectPartner(hub.ctx, hub.admin, other.id, {
        integrationId: integration,
        externalId: "c_bea",
      }),
    );
    expect(creating.code).toBe("conflict");
    expect(creating.message).toMatch(/being created/);
    expect((await getCustomer(hub.ctx, hub.admin, other.id)).sync[0]).toMatchObject({
      status: "unlinked",
      externalId: null,
    });
  });
});
