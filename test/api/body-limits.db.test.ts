import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { defaultApiLimits } from "../../src/api/app.ts";
import { serveApi } from "../../src/cli/serve-api.ts";
import { readOptions } from "../../src/config.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../setup/hub.ts";

const fiftyMegabytes = 50 * 1024 * 1024;

async function servedHub(open: () => ReturnType<(typeof engines)[number]["open"]>, max: number) {
  const hub = await createTestHub(await open());
  const api = await serveApi(hub.ctx, "127.0.0.1", 0, { maxBodyBytes: max });
  afterThisTest(() => api.close());
  return { hub, url: api.url, integrationId: await addOfflineIntegration(hub) };
}

/**
 * Sends a body of `total` bytes as a stream produced on demand; resolves with the status and how
 * many bytes had been produced when the answer came (a server that reads the body whole first
 * cannot answer before all of it was produced).
 */
async function streamBody(url: string, total: number, headers: Record<string, string> = {}) {
  let produced = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      produced += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const answeredAfter = produced;
  return { status: response.status, text: await response.text(), answeredAfter };
}

/** Announces a body of `length` bytes, sends 1 KB of it, and waits for the answer. */
function announceBody(url: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(length) },
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on("error", reject);
    req.write(Buffer.alloc(1024, 0x61));
  });
}

describe.each(engines)("body size limits on $name", (engine) => {
  it("R7.11: a 50 MB webhook is refused with 413 before it is read whole, chunked or announced", async () => {
    const { url, integrationId } = await servedHub(engine.open, 65_536);
    const hook = `${url}/hooks/${integrationId}`;
    const streamed = await streamBody(hook, fiftyMegabytes, {
      "x-pos-timestamp": "1",
      "x-pos-signature": "v1=00",
    });
    expect(streamed.status).toBe(413);
    expect(streamed.text).toMatch(/body: larger than 65536 bytes/);
    // answered long before the 50 MB were produced (socket buffers hold a few MB at most)
    expect(streamed.answeredAfter).toBeLessThan(8 * 1024 * 1024);
    // with a Content-Length, the answer comes when only 1 KB of the 50 MB was sent
    expect(await announceBody(hook, fiftyMegabytes)).toBe(413);
  });

  it("R7.11: the API refuses a body over --max-body-bytes for any caller, and the cap comes from the option table", async () => {
    expect(defaultApiLimits.maxBodyBytes).toBe(1_048_576);
    expect(readOptions(["maxBodyBytes"], []).maxBodyBytes).toBe(1_048_576);
    const o = readOptions(["maxBodyBytes"], ["--max-body-bytes", "4096"]);
    const { hub, url } = await servedHub(engine.open, o.maxBodyBytes);
    const post = (body: string) =>
      fetch(`${url}/v1/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${hub.token}`, "content-type": "application/json" },
        body,
      });
    const small = await post(JSON.stringify({ firstName: "Ada", lastName: "x".repeat(100) }));
    expect(small.status).toBe(201);
    const big = await post(JSON.stringify({ firstName: "Ada", acquisition: "x".repeat(5000) }));
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/larger than 4096 bytes/);
    const streamed = await streamBody(`${url}/v1/customers`, fiftyMegabytes, {
      authorization: `Bearer ${hub.token}`,
    });
    expect(streamed.status).toBe(413);
    expect(streamed.answeredAfter).toBeLessThan(8 * 1024 * 1024);
    expect(await hub.ctx.db.query("select 1 from clients")).toHaveLength(1);
  });
});
