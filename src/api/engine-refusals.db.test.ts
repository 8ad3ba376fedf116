import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { createTestHub } from "../../test/setup/hub.ts";
import { createApp } from "./app.ts";

describe.each(engines)("the engine's refusals at the API, on $name", (engine) => {
  it("R8.4: a change the engine refuses (a note the customer does not have, a product the store does not have) is the user's 400 with the engine's reason, not a 500; nothing is recorded", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const app = createApp(hub.ctx);
    const call = async (method: string, path: string, body: unknown) => {
      const response = await app.request(path, {
        method,
        headers: { "content-type": "application/json", authorization: `Bearer ${hub.token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const created = await call("POST", "/v1/customers", { firstName: "Ada" });
    expect(created.status).toBe(201);
    const id = created.body["id"] as number;
    const events = async () =>
      (await db.query("select 1 from change_events where source = 'hub'")).length;
    const before = await events();

    const note = await call("PATCH", `/v1/customers/${id}`, { editNotes: { "999": "hello" } });
    expect(note).toEqual({
      status: 400,
      body: {
        error: { code: "invalid", message: `editNotes.999: customer ${id} has no such note` },
      },
    });
    const product = await call("POST", `/v1/customers/${id}/collections/Wish%20list/items`, {
      productId: 424242,
    });
    expect(product).toEqual({
      status: 400,
      body: { error: { code: "invalid", message: "productId: product 424242 does not exist" } },
    });
    // the refused change is not in the inbox: its transaction rolled back whole
    expect(await events()).toBe(before);
  });
});
