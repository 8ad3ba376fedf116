import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";

describe.each(engines)("statements prepared once per connection, on $name", (engine) => {
  it("R8.5: a statement prepared before its table changed runs again after the change, with the new columns (a transaction fails once, and its retry goes through)", async () => {
    // (transactions one after the other take the same pooled connection, where it was prepared)
    const db = await engine.open();
    await db.exec("create table prepared_probe (id int primary key)");
    await db.query("insert into prepared_probe (id) values ($1)", [1]);
    const text = "select * from prepared_probe where id = $1";
    const inTransaction = () => db.transaction((tx) => tx.query(text, [1]));
    for (let n = 0; n < 3; n++) expect(await inTransaction()).toEqual([{ id: 1 }]);
    // a migration adds a column while the process is up: no plan for the old row shape is reused
    await db.exec("alter table prepared_probe add column note text default 'x'");
    const answer = await inTransaction().catch(() => inTransaction());
    expect(answer).toEqual([{ id: 1, note: "x" }]);
    for (let n = 0; n < 3; n++) {
      expect(await db.query(text, [1])).toEqual([{ id: 1, note: "x" }]);
      expect(await inTransaction()).toEqual([{ id: 1, note: "x" }]);
    }
  });
});
