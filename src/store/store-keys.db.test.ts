import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { createCustomer } from "../services/customers.ts";
import { createUser } from "../services/users.ts";
import { insertStore } from "./stores-table.ts";

describe.each(engines)("store keys, on $name", (engine) => {
  it("issue 10: every reference between store-owned rows names the store, so the schema itself refuses a row of one store pointing at another's", async () => {
    const hub = await createTestHub(await engine.open());
    const { db } = hub.ctx;
    const integrationA = await addOfflineIntegration(hub);
    const customerA = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    const storeB = await insertStore(db, { name: "B", timeZone: "UTC", country: "US" });
    const system = { userId: null, storeId: storeB, role: "admin" as const };
    const { user: userB } = await createUser(hub.ctx, system, {
      name: "Bo",
      email: "bo@b.test",
      role: "associate",
    });
    const customerB = await createCustomer(
      hub.ctx,
      { ...system, userId: userB.id },
      {
        firstName: "Bodil",
      },
    );
    const refused = /violates foreign key constraint/;
    // a customer of A assigned to a user of B
    await expect(
      db.query("update clients set assigned_user_id = $2 where id = $1", [customerA.id, userB.id]),
    ).rejects.toThrow(refused);
    // a link of A's integration to B's customer, under either store
    for (const storeId of [hub.admin.storeId, storeB])
      await expect(
        db.query(
          `insert into links (store_id, integration_id, client_id, status, created_at, updated_at)
           values ($1, $2, $3, 'unlinked', now(), now())`,
          [storeId, integrationA, customerB.id],
        ),
      ).rejects.toThrow(refused);
    // B's user mapped to A's integration
    await expect(
      db.query(
        `insert into user_associates (store_id, user_id, integration_id, associate_number)
         values ($1, $2, $3, '9')`,
        [storeB, userB.id, integrationA],
      ),
    ).rejects.toThrow(refused);
    // a contact of A's customer filed under B
    await expect(
      db.query(
        `insert into client_contacts (store_id, client_id, kind, value, normalized)
         values ($1, $2, 'email', 'x@b.test', 'x@b.test')`,
        [storeB, customerA.id],
      ),
    ).rejects.toThrow(refused);
  });
});
