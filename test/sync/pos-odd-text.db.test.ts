import { describe, expect, it } from "vitest";
import { listCustomers } from "../../src/services/customers.ts";
import { engines } from "../setup/database.ts";
import { posCustomers } from "../setup/pos-helpers.ts";
import { startSyncedPair } from "../setup/synced-pair.ts";

describe.each(engines)("odd text from the POS, on $name", (engine) => {
  it("R7.1: a POS customer with text the database cannot hold (U+0000, a lone surrogate) does not stop the changes feed", async () => {
    const pair = await startSyncedPair(await engine.open());
    const names = ["Nul\u0000Byte", "Lone\ud800", "Fine"];
    for (const firstName of names) {
      const made = await pair.posCall("POST", "/staff/customers", { firstName });
      expect(made.status).toBe(201);
    }
    await pair.settle();
    const { customers } = await listCustomers(pair.ctx, pair.admin, { limit: 10 });
    expect(customers.map((c) => c.firstName).sort()).toEqual(
      ["Nul\ufffdByte", "Lone\ufffd", "Fine"].sort(),
    );
    expect(customers.every((c) => c.sync[0]!.status === "synced")).toBe(true);
    // the hub wrote nothing back: the POS keeps its own values
    expect((await posCustomers(pair)).map((c) => c.firstName)).toEqual(names);
    const [cursor] = await pair.ctx.db.query<{ last_error: string | null }>(
      "select last_error from poll_cursors where feed = 'customers'",
    );
    expect(cursor!.last_error).toBeNull();
  });
});
