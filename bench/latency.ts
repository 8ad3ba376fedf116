// Part of `npm run bench`: how long a change takes to cross over, end to end, with the worker's
// own loops and real webhooks (reference POS -> hub API -> inbox -> engine; hub -> outbox -> POS).
import { startReferencePos } from "../simulators/reference-pos/server.ts";
import { serveApi } from "../src/cli/serve-api.ts";
import { createCustomer, listCustomers } from "../src/services/customers.ts";
import { createIntegration } from "../src/services/integrations.ts";
import type { Db } from "../src/store/database.ts";
import { startWorker } from "../src/worker/run-worker.ts";
import { benchHub } from "./bench-hub.ts";

const apiKey = "latency-key-1234";

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureLatency(db: Db, rounds = 10): Promise<Array<[string, string]>> {
  const { ctx, actor } = await benchHub(db);
  const pos = await startReferencePos({ port: 0, apiKey });
  const api = await serveApi(ctx, "127.0.0.1", 0);
  ctx.publicUrl = api.url;
  await createIntegration(ctx, actor, {
    kind: "pos",
    name: "POS",
    baseUrl: pos.url,
    apiKey,
    options: { webhooks: true },
  });
  const worker = startWorker(ctx); // default loop pauses, as in production
  const staff = (path: string, body: unknown) =>
    fetch(`${pos.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const inbound: number[] = [];
  const outbound: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const first = `Lat${i}`;
    const sent = performance.now();
    await staff("/staff/customers", { firstName: first });
    await until(async () =>
      (await listCustomers(ctx, actor, { limit: 500 })).customers.some(
        (c) => c.firstName === first,
      ),
    );
    inbound.push(performance.now() - sent);
    const email = `out${i}@latency.example`;
    const start = performance.now();
    await createCustomer(ctx, actor, {
      firstName: `Out${i}`,
      contacts: [{ kind: "email", value: email }],
    });
    await until(async () => {
      const r = await fetch(`${pos.url}/api/v1/customers?email=${email}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      return ((await r.json()) as { customers: unknown[] }).customers.length > 0;
    });
    outbound.push(performance.now() - start);
  }
  await worker.stop();
  await api.close();
  await pos.close();
  return [
    [
      `latency: POS customer -> hub by webhook (median of ${rounds})`,
      `${Math.round(median(inbound))} ms`,
    ],
    [`latency: hub customer -> POS (median of ${rounds})`, `${Math.round(median(outbound))} ms`],
  ];
}
