// W2 live: staff edit customers at the POS (100/s) while users edit others in the hub (20/s), with
// webhooks as in production, `serve` and two workers on PostgreSQL. Each edit writes a unique
// marker value; its latency runs from sending the edit to the marker being on the other side.
//
// - POS -> hub: staff PATCH lastName = "w2pos-<n>" at the POS; arrival is the commit that writes
//   it to the hub's clients table, told by a trigger the benchmark adds (LISTEN/NOTIFY).
// - hub -> POS: PATCH /v1/customers/{id} firstName = "w2hub-<n>"; arrival is the POS's own write
//   log (bench/pos-process.ts --observe): the time it answered the integration write carrying it.
// - lost: an edit whose marker (or a later edit's marker for the same customer and field) never
//   arrived within the drain time after the load stops. An edit whose own request failed is
//   counted in requestFailures instead (it may never have happened).
// - duplicated: customers created during the run on either side (no edit creates one): writes
//   creating a POS customer, and hub clients beyond the onboarded count.
// - echoes: a write Tandem makes back to the system a change came from: an integration write at
//   the POS whose body (outside `expect`) carries a "w2pos-" marker, plus audit entries in the hub
//   recorded as coming from the POS that carry a "w2hub-" marker.
import { startPos, startPostgresHub, type Hub } from "./hub.ts";
import { send } from "./http.ts";
import { cpuSecondsOf, postgresCpuSeconds, stopProcess } from "./processes.ts";

export interface W2Options {
  adminUrl: string;
  customers: number;
  seconds: number;
  posRate: number;
  hubRate: number;
  log: (line: string) => void;
}

interface Pending {
  seq: number;
  sentAt: number;
}

export async function runW2(o: W2Options) {
  o.log(
    `W2 postgres: ${o.customers} customers, ${o.posRate}/s POS edits + ${o.hubRate}/s hub edits for ${o.seconds} s`,
  );
  const pos = await startPos(o.customers, 0, true);
  let hub: Hub | undefined;
  const echoes = { atPos: 0, inHub: 0 };
  let posCreates = 0;
  const hubToPos: number[] = [];
  const posToHub: number[] = [];
  // customer -> the edits in flight to it, oldest first
  const toPos = new Map<string, Pending[]>();
  // by client id as text: the benchmark's own pool reads bigint ids as text
  const toHub = new Map<string, Pending[]>();
  pos.process.onLine((line) => {
    if (!line.startsWith("WRITE ")) return;
    const w = JSON.parse(line.slice(6)) as {
      at: number;
      method: string;
      path: string;
      body: string;
    };
    if (w.method === "POST" && w.path === "/api/v1/customers") posCreates++;
    const m = /^\/api\/v1\/customers\/([^/]+)$/.exec(w.path);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(w.body || "{}") as Record<string, unknown>;
    } catch {
      // not JSON: nothing to read
    }
    delete body["expect"];
    const text = JSON.stringify(body);
    if (text.includes("w2pos-")) echoes.atPos++;
    const marker = /w2hub-(\d+)/.exec(text);
    if (!m || !marker) return;
    arrived(toPos, m[1]!, Number(marker[1]), w.at, hubToPos);
  });
  try {
    hub = await startPostgresHub(o.adminUrl, "w2", 2);
    const db = hub.db!;
    await hub.api("POST", "/v1/integrations", {
      kind: "pos",
      name: "Bench POS",
      baseUrl: pos.url,
      apiKey: pos.apiKey,
      options: { webhooks: true },
    });
    const onboardStart = performance.now();
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from links where client_id is not null",
      );
      if (rows[0]!.n >= o.customers) break;
      if (performance.now() - onboardStart > 600_000) throw new Error("W2: onboarding timed out");
      await new Promise((r) => setTimeout(r, 500));
    }
    const onboardSeconds = (performance.now() - onboardStart) / 1000;
    // W2 measures a store in its steady state, as W4 does: what autovacuum leaves after the
    // onboarding (statistics, the visibility map) in the tables it filled, and the onboarding's
    // writes on disk, so that no checkpoint they started lands in the measurement. Not the empty
    // job queue: analyzed empty, it would be planned as empty for the whole run, since this
    // machine's PostgreSQL runs without autovacuum (docs/operations.md)
    for (const table of ["clients", "client_contacts", "links", "change_events", "audit_log"])
      await db.query(`vacuum (analyze) ${table}`);
    await db.query("checkpoint");
    o.log(`  onboarded in ${onboardSeconds.toFixed(1)} s; load starts`);
    const { rows: links } = await db.query<{ external_id: string; client_id: number }>(
      "select external_id, client_id from links where client_id is not null order by external_id",
    );
    const half = Math.floor(links.length / 2);
    const posSide = links.slice(0, half);
    const hubSide = links.slice(half);
    const posHeaders = {
      authorization: `Bearer ${pos.apiKey}`,
      "content-type": "application/json",
    };
    let seq = 0;
    const failures: string[] = [];
    // an edit whose request failed may never have happened: counted apart, not as lost
    const failed = <K>(map: Map<K, Pending[]>, key: K, s: number, why: string) => {
      failures.push(why);
      const list = map.get(key)?.filter((p) => p.seq !== s);
      if (list?.length) map.set(key, list);
      else map.delete(key);
    };
    const sendPosEdit = (n: number) => {
      const link = posSide[n % posSide.length]!;
      const s = ++seq;
      push(toHub, String(link.client_id), { seq: s, sentAt: Date.now() });
      send(
        "PATCH",
        `${pos.url}/staff/customers/${link.external_id}`,
        posHeaders,
        JSON.stringify({ set: { lastName: `w2pos-${s}` } }),
      )
        .then((r) =>
          r.ok ? undefined : failed(toHub, String(link.client_id), s, `POS edit: HTTP ${r.status}`),
        )
        .catch((e: unknown) => failed(toHub, String(link.client_id), s, `POS edit: ${reason(e)}`));
    };
    const sendHubEdit = (n: number) => {
      const link = hubSide[n % hubSide.length]!;
      const s = ++seq;
      push(toPos, link.external_id, { seq: s, sentAt: Date.now() });
      hub!
        .api("PATCH", `/v1/customers/${link.client_id}`, { firstName: `w2hub-${s}` })
        .catch((e: unknown) => failed(toPos, link.external_id, s, `hub edit: ${reason(e)}`));
    };
    // the hub side: a trigger the benchmark adds to its scratch database tells it of each new
    // last name when its transaction commits (when the value is there for everyone to read);
    // polling the clients table instead cost the machine more than a fifth of what it measured
    await db.query(`
      create function w2_arrived() returns trigger language plpgsql as $$
      begin
        if new.last_name like 'w2pos-%' then perform pg_notify('w2_arrived', new.id || ' ' || new.last_name); end if;
        return new;
      end $$`);
    await db.query(
      "create trigger w2_arrived after update of last_name on clients for each row execute function w2_arrived()",
    );
    const listener = await db.connect();
    listener.on("notification", (n) => {
      const [id, lastName] = (n.payload ?? "").split(" ");
      const m = /^w2pos-(\d+)$/.exec(lastName ?? "");
      if (m && id) arrived(toHub, id, Number(m[1]), Date.now(), posToHub);
    });
    await listener.query("listen w2_arrived");
    // CPU seconds each process uses during the load: where an edit's cost goes
    const everyone = [pos.process, ...hub.processes];
    const cpuAt = (): Record<string, number> => {
      const driver = process.cpuUsage();
      return {
        ...Object.fromEntries(everyone.map((p) => [p.label, cpuSecondsOf(p.pid) ?? 0])),
        "bench driver": (driver.user + driver.system) / 1e6,
        postgres: postgresCpuSeconds(),
      };
    };
    const cpuBefore = cpuAt();
    const loadStart = performance.now();
    let posSent = 0;
    let hubSent = 0;
    while (performance.now() - loadStart < o.seconds * 1000) {
      const elapsed = (performance.now() - loadStart) / 1000;
      while (posSent < elapsed * o.posRate) sendPosEdit(posSent++);
      while (hubSent < elapsed * o.hubRate) sendHubEdit(hubSent++);
      await new Promise((r) => setTimeout(r, 2));
    }
    const cpuAfter = cpuAt();
    const cpuMsPerEdit = Object.fromEntries(
      Object.entries(cpuAfter).map(([k, v]) => [
        k,
        Math.round((10_000 * (v - cpuBefore[k]!)) / Math.max(1, posSent + hubSent)) / 10,
      ]),
    );
    o.log(`  sent ${posSent} POS edits and ${hubSent} hub edits; draining...`);
    o.log(`  CPU ms per edit during the load: ${JSON.stringify(cpuMsPerEdit)}`);
    // edits still in flight this long after the load stopped are lost
    const drainUntil = performance.now() + Math.min(30, Math.max(10, o.seconds)) * 1000;
    while (performance.now() < drainUntil && (toHub.size > 0 || toPos.size > 0))
      await new Promise((r) => setTimeout(r, 100));
    listener.release();
    // late webhooks or pushes that would echo get a moment to show up
    await new Promise((r) => setTimeout(r, 2000));
    const lost = [...toHub.values(), ...toPos.values()].reduce((n, list) => n + list.length, 0);
    const { rows: audit } = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where source <> 'hub' and new_value::text like '%w2hub-%'",
    );
    echoes.inHub = audit[0]!.n;
    const { rows: clients } = await db.query<{ n: number }>(
      "select count(*)::int as n from clients",
    );
    const duplicated = posCreates + Math.max(0, clients[0]!.n - o.customers);
    const all = [...posToHub, ...hubToPos];
    const peakRssMb: Record<string, number> = { "reference POS": pos.process.peakRssMb() };
    for (const p of hub.processes) peakRssMb[p.label] = p.peakRssMb();
    return {
      id: "W2" as const,
      store: "postgres",
      customers: o.customers,
      seconds: o.seconds,
      posEdits: posSent,
      hubEdits: hubSent,
      p50Ms: percentile(all, 50),
      p99Ms: percentile(all, 99),
      posToHub: { p50Ms: percentile(posToHub, 50), p99Ms: percentile(posToHub, 99) },
      hubToPos: { p50Ms: percentile(hubToPos, 50), p99Ms: percentile(hubToPos, 99) },
      lost,
      duplicated,
      echoes: echoes.atPos + echoes.inHub,
      echoDetail: echoes,
      requestFailures: failures.length,
      failureReasons: countOf(failures),
      cpuMsPerEdit,
      peakRssMb,
    };
  } finally {
    await hub?.close();
    await stopProcess(pos.process);
  }
}

function push<K>(map: Map<K, Pending[]>, key: K, p: Pending) {
  const list = map.get(key) ?? [];
  list.push(p);
  map.set(key, list);
}

/** The value of edit `seq` arrived at `at`: it and every earlier edit of the key are done. */
function arrived<K>(map: Map<K, Pending[]>, key: K, seq: number, at: number, into: number[]) {
  const list = map.get(key);
  if (!list) return;
  while (list.length > 0 && list[0]!.seq <= seq) into.push(at - list.shift()!.sentAt);
  if (list.length === 0) map.delete(key);
}

export function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The distinct failure messages and how often each came (at most 10). */
function countOf(messages: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) counts[m] = (counts[m] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).slice(0, 10));
}

/** A failed request's reason, with its cause's code when it has one. */
function reason(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  return `${e instanceof Error ? e.message : String(e)}${code ? ` (${code})` : ""}`.slice(0, 120);
}
