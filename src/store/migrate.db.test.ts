import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { migrate } from "./migrate.ts";
import { insertStore } from "./stores-table.ts";

describe.each(engines)("migrations on $name", (engine) => {
  it("applies every numbered migration once, and a second run finds nothing to do", async () => {
    const db = await engine.open();
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ name: string }>("select name from tandem_migrations");
    expect(rows.map((r) => r.name)).toContain("0001_initial.sql");
  });

  it("F12: the audit history is append-only", async () => {
    const db = await engine.open();
    const storeId = await insertStore(db, { name: "Audit", timeZone: "UTC", country: "US" });
    await db.query(
      "insert into audit_log (store_id, field, source, actor, at) values ($1, 'firstName', 'hub', 'system', now())",
      [storeId],
    );
    await expect(db.query("update audit_log set field = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query("delete from audit_log")).rejects.toThrow(/append-only/);
  });
});
