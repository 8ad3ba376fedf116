import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { createTestHub } from "../../test/setup/hub.ts";
import { processNextEvent } from "../engine/run-engine.ts";
import { createCustomer, updateCustomer } from "./customers.ts";

describe.each(engines)("hub changes in the inbox, on $name", (engine) => {
  it("R8.4: a hub edit is one change event with a real key, run by its typed entry in the request and processed once; the answer already shows it", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const created = await createCustomer(hub.ctx, hub.admin, { firstName: "Ada" });
    const edited = await updateCustomer(hub.ctx, hub.admin, created.id, { lastName: "Lovelace" });
    expect(edited).toMatchObject({ id: created.id, firstName: "Ada", lastName: "Lovelace" });

    const events = await db.query<{
      event_key: string;
      kind: string;
      client_id: number | null;
      outcome: string | null;
      processed_at: Date | null;
    }>("select event_key, kind, client_id, outcome, processed_at from change_events order by id");
    expect(events.map((e) => [e.kind, e.outcome])).toEqual([
      ["client.created", `client:${created.id}`],
      ["client.updated", `client:${created.id}`],
    ]);
    for (const event of events) {
      expect(event.event_key).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.processed_at).not.toBeNull();
    }
    // nothing is left for the engine loop: the edit is not applied a second time
    expect(await processNextEvent(db, hub.clock)).toBe(false);
    const audit = await db.query("select 1 from audit_log where field = 'lastName'");
    expect(audit).toHaveLength(1);
  });
});
