import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { fireDueSalesTriggers } from "../../src/scheduler/sales-triggers.ts";
import { readChangeMarkers } from "../../src/store/change-markers.ts";
import { engines } from "../setup/database.ts";
import { hubApi } from "../setup/hub-api.ts";
import { createTestHub } from "../setup/hub.ts";

/** Reads a server-sent event stream as text, one chunk at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  // a read that outlived a wait is kept for the next one, so that no chunk is lost
  let reading: ReturnType<typeof reader.read> | undefined;
  return {
    /** waits for the next `event: <name>` line after what was read so far, or null after ms */
    async next(name: string, ms: number): Promise<boolean> {
      const deadline = Date.now() + ms;
      for (;;) {
        const at = text.indexOf(`event: ${name}\n`);
        if (at >= 0) {
          text = text.slice(at + name.length + 8);
          return true;
        }
        const left = deadline - Date.now();
        if (left <= 0) return false;
        reading ??= reader.read();
        const chunk = await Promise.race([
          reading,
          new Promise<undefined>((r) => setTimeout(() => r(undefined), left)),
        ]);
        if (chunk === undefined) return false;
        reading = undefined;
        if (chunk.done) throw new Error("the stream ended");
        text += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

describe.each(engines)("R11.9 live changes on $name", (engine) => {
  it("R11.9: /v1/live says `change` within seconds of a change to the store, and stays quiet without one", async () => {
    const hub = await createTestHub(await engine.open());
    const app = createApp(hub.ctx);
    const auth = { authorization: `Bearer ${hub.token}` };
    const response = await app.request("http://hub.test/v1/live", { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = eventReader(response.body!);
    try {
      expect(await events.next("ready", 5000)).toBe(true);
      // nothing changed: no event over three checks
      expect(await events.next("change", 3500)).toBe(false);
      const created = await app.request("http://hub.test/v1/customers", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ firstName: "Live", lastName: `Change${Date.now()}` }),
      });
      expect(created.status).toBe(201);
      expect(await events.next("change", 5000)).toBe(true);
      expect(await events.next("change", 3500)).toBe(false);
    } finally {
      await events.close();
    }
  });

  it("R11.9: a follow-up task made by a sales trigger is a change the console is told of", async () => {
    const hub = await createTestHub(await engine.open());
    const api = hubApi(hub);
    const customer = await api<{ id: number }>("POST", "/v1/customers", {
      firstName: "Task",
      lastName: `Maker${Date.now()}`,
    });
    const trigger = await api("POST", "/v1/sales-triggers", {
      name: "Thank you call",
      daysAfter: 0,
    });
    expect(trigger.status).toBe(201);
    const sale = await api("POST", `/v1/customers/${customer.body.id}/purchases`, {
      lines: [{ description: "Pearl studs", amount: 90 }],
    });
    expect(sale.status).toBe(201);
    const before = await readChangeMarkers(hub.ctx.db, hub.admin.storeId);
    expect(await fireDueSalesTriggers(hub.ctx.db, new Date(Date.now() + 60_000))).toBe(1);
    expect(await readChangeMarkers(hub.ctx.db, hub.admin.storeId)).not.toBe(before);
  });

  it("R11.9: the stream needs a sign-in", async () => {
    const hub = await createTestHub(await engine.open());
    const response = await createApp(hub.ctx).request("http://hub.test/v1/live");
    expect(response.status).toBe(401);
  });
});
