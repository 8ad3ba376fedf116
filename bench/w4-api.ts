// W4 API: the customer list and search at a steady rate over a hub of N customers (`tandem serve`
// on PostgreSQL). The hub is seeded with SQL (the onboarding is W1's business): clients with an
// email, a phone and two preferences each, names from the POS seed's lists, then vacuumed and checkpointed
// as a hub at rest after its onboarding. The first seconds of load warm the hub up, uncounted.
import { send } from "./http.ts";
import { startPostgresHub, type Hub } from "./hub.ts";
import { percentile } from "./w2-live.ts";

export interface W4Options {
  adminUrl: string;
  customers: number;
  seconds: number;
  rate: number;
  log: (line: string) => void;
}

const lastNames = ["Smith", "Garcia", "Nakamura", "Okafor", "Patel", "Kowalski", "Lee", "Brown"];

export async function runW4(o: W4Options) {
  o.log(
    `W4 postgres: list and search at ${o.rate}/s over ${o.customers} customers for ${o.seconds} s`,
  );
  let hub: Hub | undefined;
  try {
    hub = await startPostgresHub(o.adminUrl, "w4", 0);
    const db = hub.db!;
    const seedStart = performance.now();
    const { rows } = await db.query<{ id: number }>("select id from stores order by id limit 1");
    await db.query(
      `insert into clients (store_id, customer_number, first_name, last_name, acquisition, created_at, updated_at)
       select $1, 'W' || g, (array['Olivia','Liam','Emma','Noah','Ava','Elijah','Sophia','James','Mia'])[1 + g % 9],
              (array['${lastNames.join("','")}'])[1 + (g * 7 / 9) % 8], 'Walk-in', now(), now()
       from generate_series(0, $2 - 1) g`,
      [rows[0]!.id, o.customers],
    );
    await db.query(
      `insert into client_contacts (store_id, client_id, kind, value, normalized)
       select store_id, id, 'email', lower(first_name || '.' || last_name || '.' || id || '@example.com'),
              lower(first_name || '.' || last_name || '.' || id || '@example.com') from clients`,
    );
    await db.query(
      `insert into client_contacts (store_id, client_id, kind, value, normalized)
       select store_id, id, 'phone', '+1 212 ' || (200 + id / 10000 % 800) || ' ' || lpad((id % 10000)::text, 4, '0'),
              '1212' || (200 + id / 10000 % 800) || lpad((id % 10000)::text, 4, '0') from clients`,
    );
    await db.query(
      `insert into client_preferences (store_id, client_id, name, value)
       select store_id, id, 'ring_size', (4 + id % 9 / 2.0)::text from clients
       union all select store_id, id, 'birthstone', 'Garnet' from clients`,
    );
    // the state autovacuum leaves a store in after its onboarding: statistics, the visibility map,
    // and the trigram indexes' pending entries merged (searches otherwise scan them all)
    for (const table of ["clients", "client_contacts", "client_preferences"])
      await db.query(`vacuum (analyze) ${table}`);
    // and the seed's writes on disk, so no checkpoint they started lands in the measurement
    await db.query("checkpoint");
    const { rows: range } = await db.query<{ lo: number; hi: number }>(
      "select min(id)::int as lo, max(id)::int as hi from clients",
    );
    const { lo, hi } = range[0]!;
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
