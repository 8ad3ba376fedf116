// The reference POS at scale, alone: seed time, RSS, and the time to page through every customer
// and every sale at the connector's page size (capture/poll-integration.ts reads 200 a page), plus
// GET by id and lookup by email. The POS must not be the bottleneck of W1.
import { startPos } from "./hub.ts";
import { stopProcess } from "./processes.ts";
import { percentile } from "./w2-live.ts";

export async function runPosScale(o: {
  customers: number;
  salesLines: number;
  pageSize: number;
  log: (line: string) => void;
}) {
  o.log(`POS: ${o.customers} customers, ${o.salesLines} sales lines, pages of ${o.pageSize}`);
  const pos = await startPos(o.customers, o.salesLines);
  try {
    const get = async (path: string) => {
      const r = await fetch(`${pos.url}${path}`, {
        headers: { authorization: `Bearer ${pos.apiKey}` },
      });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status}`);
      return r.json() as Promise<Record<string, unknown>>;
    };
    const pageAll = async (path: string, key: string) => {
      const started = performance.now();
      let cursor = 0;
      let records = 0;
      let lines = 0;
      for (;;) {
        const page = await get(`${path}?after=${cursor}&limit=${o.pageSize}`);
        const list = page[key] as Array<{ lines?: unknown[] }>;
        records += list.length;
        for (const r of list) lines += r.lines?.length ?? 0;
        cursor = page["cursor"] as number;
        if (!page["hasMore"]) break;
      }
      return { records, lines, seconds: (performance.now() - started) / 1000 };
    };
    const customers = await pageAll("/api/v1/changes", "customers");
    const sales = await pageAll("/api/v1/sales/changes", "sales");
    const byId: number[] = [];
    const byEmail: number[] = [];
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(Math.random() * o.customers);
      let started = performance.now();
      const c = (await get(`/api/v1/customers/c_${String(i + 1).padStart(6, "0")}`)) as {
        contacts: Array<{ type: string; value: string }>;
      };
      byId.push(performance.now() - started);
      const email = c.contacts.find((m) => m.type === "email")!.value;
      started = performance.now();
      const found = (await get(`/api/v1/customers?email=${encodeURIComponent(email)}`)) as {
        customers: unknown[];
      };
      if (found.customers.length !== 1)
        throw new Error(`email lookup found ${found.customers.length}`);
      byEmail.push(performance.now() - started);
    }
    const ms = (xs: number[], p: number) => Math.round((percentile(xs, p) ?? 0) * 10) / 10;
    return {
      id: "POS" as const,
      store: "-",
      customers: o.customers,
      salesLines: o.salesLines,
      pageSize: o.pageSize,
      seedAndListenMs: pos.seedMs,
      customersPagedSeconds: Math.round(customers.seconds * 100) / 100,
      customersPaged: customers.records,
      salesPagedSeconds: Math.round(sales.seconds * 100) / 100,
      salesPaged: sales.records,
      salesLinesPaged: sales.lines,
      getByIdP99Ms: ms(byId, 99),
      emailLookupP99Ms: ms(byEmail, 99),
      peakRssMb: { "reference POS": pos.process.peakRssMb() },
    };
  } finally {
    await stopProcess(pos.process);
  }
}
