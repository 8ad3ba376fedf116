import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import type { Queryable } from "../store/database.ts";
import { readIntegration, updateIntegration } from "../store/integrations-table.ts";
import { createConnectorResolver } from "./connector-resolver.ts";

describe.each(engines)("the connector resolver, on $name", (engine) => {
  it("R8.5: keeps the connector it built while the integration's credentials and settings are the same, and builds anew when the credentials change", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const id = await addOfflineIntegration(hub);
    let credentialReads = 0;
    const counting: Queryable = {
      query: (sql, params) => {
        if (sql.includes("select credentials")) credentialReads += 1;
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    };
    const resolve = createConnectorResolver(counting, hub.ctx.secretKey);

    const first = await resolve((await readIntegration(db, id))!);
    const again = await resolve((await readIntegration(db, id))!);
    expect(again).toBe(first);
    expect(credentialReads).toBe(1);

    // new credentials (a rotated key): a connector built from them
    await updateIntegration(
      db,
      hub.ctx.secretKey,
      id,
      { credentials: { apiKey: "k2", webhookSecret: "s2" } },
      hub.clock.now(),
    );
    const rotated = await resolve((await readIntegration(db, id))!);
    expect(rotated).not.toBe(first);
    expect(credentialReads).toBe(2);

    // another setting it is built from (the address)
    await updateIntegration(
      db,
      hub.ctx.secretKey,
      id,
      { baseUrl: "http://127.0.0.1:2" },
      hub.clock.now(),
    );
    const moved = await resolve((await readIntegration(db, id))!);
    expect(moved).not.toBe(rotated);
    expect(credentialReads).toBe(3);
  });
});
