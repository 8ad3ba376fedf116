import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import {
  addOfflineIntegration,
  createTestHub,
  drainInbox,
  deliver,
  posCustomer,
} from "../../test/setup/hub.ts";
import { deliverSales, saleRecord } from "../../test/setup/sales.ts";
import { updateCustomer } from "../services/customers.ts";
import type { Db } from "../store/database.ts";

const createJobs = async (db: Db, integrationId: number) =>
  db.query<{ n: number }>(
    `select count(*)::int as n from jobs j join links l on l.id = (j.payload ->> 'linkId')::bigint
     where j.kind = 'partner.create' and l.integration_id = $1`,
    [integrationId],
  );

describe.each(engines)("a prospect's first purchase, on $name", (engine) => {
  it("S3: a prospect's first purchase makes it active, audited as the POS's doing, and an integration that waits for active customers creates its partner then", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const pos = await addOfflineIntegration(hub);
    const books = await addOfflineIntegration(hub, { transferWhen: "active" });
    // a POS customer the store keeps as a prospect in the hub
    await deliver(hub, pos, posCustomer("c_ada", 1, { firstName: "Ada" }));
    await drainInbox(hub);
    const [{ id: ada } = { id: 0 }] = await db.query<{ id: number }>("select id from clients");
    await updateCustomer(hub.ctx, hub.admin, ada, { lifecycle: "prospect" });
    await drainInbox(hub);
    expect((await createJobs(db, books))[0]!.n).toBe(0);

    await deliverSales(hub, pos, saleRecord("s_1", 1, "c_ada", 80));
    await drainInbox(hub);
    const [client] = await db.query<{ lifecycle: string }>(
      "select lifecycle from clients where id = $1",
      [ada],
    );
    expect(client!.lifecycle).toBe("active");
    const audit = await db.query<{ new_value: unknown; source: string; actor: string }>(
      "select new_value, source, actor from audit_log where client_id = $1 and field = 'lifecycle' order by id",
      [ada],
    );
    expect(audit.at(-1)).toEqual({ new_value: "active", source: "pos", actor: "connector:pos" });
    expect((await createJobs(db, books))[0]!.n).toBe(1);

    // a second purchase changes nothing more
    await deliverSales(hub, pos, saleRecord("s_2", 1, "c_ada", 40));
    await drainInbox(hub);
    expect((await createJobs(db, books))[0]!.n).toBe(1);
    const purchases = await db.query<{ n: number }>(
      "select count(*)::int as n from purchases where client_id = $1",
      [ada],
    );
    expect(purchases[0]!.n).toBe(2);
    const entries = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where client_id = $1 and field = 'lifecycle' and source = 'pos'",
      [ada],
    );
    expect(entries[0]!.n).toBe(1);
  });
});
