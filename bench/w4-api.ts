// W4 API: the customer list and search at a steady rate over a hub of N customers (`tandem serve`
// on PostgreSQL), seeded by seedListedCustomers. The first seconds of load warm the hub up, uncounted.
import { send } from "./http.ts";
import { startPostgresHub, type Hub } from "./hub.ts";
import { lastNames, seedListedCustomers } from "./listed-customers.ts";
import { percentile } from "./w2-live.ts";

export interface W4Options {
  adminUrl: string;
  customers: number;
  seconds: number;
  rate: number;
  log: (line: string) => void;
}

export async function runW4(o: W4Options) {
  o.log(
    `W4 postgres: list and search at ${o.rate}/s over ${o.customers} customers for ${o.seconds} s`,
  );
  let hub: Hub | undefined;
  try {
    hub = await startPostgresHub(o.adminUrl, "w4", 0);
    const db = hub.db!;
    const seedStart = performance.now();
    const { lo, hi } = await seedListedCustomers(db, o.customers);
    o.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; load starts`);
    const list: number[] = [];
    const byName: number[] = [];
    const byEmail: number[] = [];
    let failures = 0;
    const reasons = new Map<string, number>();
    const failed = (reason: string) => {
      failures++;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    };
    let n = 0;
    const queryOf = (i: number) => {
      const kind = i % 4;
      const id = lo + Math.floor(Math.random() * (hi - lo));
      return kind < 2
        ? `after=${id}&limit=50`
        : kind === 2
          ? `q=${lastNames[i % lastNames.length]}&limit=50`
          : `q=.${id}@&limit=50`;
    };
    // service time first: one request at a time, 20 of each kind, nothing queued
    const alone: number[][] = [[], [], [], []];
    for (let i = 0; i < 80; i++) {
      const started = performance.now();
      await send("GET", `${hub.url}/v1/customers?${queryOf(i)}`, {
        authorization: `Bearer ${hub.token}`,
      });
      alone[i % 4]!.push(performance.now() - started);
    }
    // the load's first seconds warm the hub up (compiled code, every pooled connection with its
    // statements prepared, the indexes' pages in memory) and are not counted: W4 is the steady state
    const warmupSeconds = Math.min(5, o.seconds / 4);
    const warm: number[] = [];
    let measuring = false;
    const request = (i: number) => {
      const kind = i % 4;
      const query = queryOf(i);
      const into = !measuring ? warm : kind < 2 ? list : kind === 2 ? byName : byEmail;
      const started = performance.now();
      // an answer later than 10 s is a failure, so an overloaded hub cannot hold the run
      return send("GET", `${hub!.url}/v1/customers?${query}`, {
        authorization: `Bearer ${hub!.token}`,
      })
        .then((r) => {
          if (!r.ok) failed(`HTTP ${r.status}`);
          else into.push(performance.now() - started);
        })
        .catch((e: unknown) => failed(e instanceof Error ? e.message : "error"));
    };
    const inFlight: Array<Promise<void>> = [];
    const warmStart = performance.now();
    while (performance.now() - warmStart < warmupSeconds * 1000) {
      const due = ((performance.now() - warmStart) / 1000) * o.rate;
      while (n < due) inFlight.push(request(n++));
      await new Promise((r) => setTimeout(r, 1));
    }
    measuring = true;
    const warmedUp = n;
    const loadStart = performance.now();
    while (performance.now() - loadStart < o.seconds * 1000) {
      const due = warmedUp + ((performance.now() - loadStart) / 1000) * o.rate;
      while (n < due) inFlight.push(request(n++));
      await new Promise((r) => setTimeout(r, 1));
    }
    const offered = (n - warmedUp) / ((performance.now() - loadStart) / 1000);
    const all = [...list, ...byName, ...byEmail];
    const answered = all.length / ((performance.now() - loadStart) / 1000);
    await Promise.all(inFlight);
    const ms = (xs: number[], p: number) => {
      const v = percentile(xs, p);
      return v === null ? null : Math.round(v * 10) / 10;
    };
    return {
      id: "W4" as const,
      store: "postgres",
      customers: o.customers,
      requests: n - warmedUp,
      /** seconds of the same load before the measured ones, not counted (the hub warming up) */
      warmupSeconds,
      /** requests sent per second (the load) and answered per second while it ran */
      requestsPerSecond: Math.round(offered),
      answeredPerSecond: Math.round(answered),
      failures,
      failureReasons: Object.fromEntries(reasons),
      /** one request at a time before the load: the service time without queueing */
      alone: {
        listP50Ms: ms([...alone[0]!, ...alone[1]!], 50),
        searchByNameP50Ms: ms(alone[2]!, 50),
        searchByEmailP50Ms: ms(alone[3]!, 50),
      },
      p50Ms: ms(all, 50),
      p99Ms: ms(all, 99),
      list: { p50Ms: ms(list, 50), p99Ms: ms(list, 99) },
      searchByName: { p50Ms: ms(byName, 50), p99Ms: ms(byName, 99) },
      searchByEmail: { p50Ms: ms(byEmail, 50), p99Ms: ms(byEmail, 99) },
      peakRssMb: Object.fromEntries(hub.processes.map((p) => [p.label, p.peakRssMb()])),
    };
  } finally {
    await hub?.close();
  }
}
