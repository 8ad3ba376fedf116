// W1 onboarding: the reference POS holds N customers and M sales lines; the clock runs from
// enabling the integration (POST /v1/integrations) until every customer is linked and every sale
// is a purchase. PostgreSQL: `serve` + two `worker` processes; embedded: one process.
import { saleCount } from "../simulators/reference-pos/scale-seed.ts";
import { copyPglite, copyPostgres } from "./copy-baseline.ts";
import { startEmbeddedHub, startPos, startPostgresHub, type Hub } from "./hub.ts";
import { stopProcess } from "./processes.ts";
import { fullEverySeconds, looksSettled, readProgress, type Progress } from "./progress.ts";

export interface W1Options {
  store: "postgres" | "embedded";
  adminUrl: string;
  customers: number;
  salesLines: number;
  timeoutSeconds: number;
  log: (line: string) => void;
}

export type W1Result = {
  id: "W1";
  store: string;
  customers: number;
  salesLines: number;
  sales: number;
  completed: boolean;
  seconds: number;
  recordsPerSecond: number;
  peakRssMb: Record<string, number>;
  copySeconds: number;
  copyMethod: string;
  ratioToCopy: number;
  pos: { seedMs: number };
  /** when the inbox had every record (capture done) and when it was drained (engine done) */
  stages: {
    captureSeconds: number | null;
    engineSeconds: number | null;
    /** when the onboarding assignment (A4) had run */
    assignedSeconds: number | null;
  };
  /** rates over the run: how fast the inbox filled and drained, per kind */
  rates: Record<string, number>;
  integrationOptions: Record<string, unknown>;
  timeline: Progress[];
};

const integrationOptions = { webhooks: false, pollIntervalSeconds: 1 };

export async function runW1(o: W1Options): Promise<W1Result> {
  const sales = saleCount(o.salesLines);
  o.log(`W1 ${o.store}: ${o.customers} customers, ${o.salesLines} sales lines (${sales} sales)`);
  const pos = await startPos(o.customers, o.salesLines);
  let hub: Hub | undefined;
  try {
    hub =
      o.store === "postgres"
        ? await startPostgresHub(o.adminUrl, "w1", 2)
        : await startEmbeddedHub();
    const timeline: Progress[] = [];
    let latest: Progress | undefined;
    if (!hub.db)
      hub.processes[0]!.onLine((line) => {
        if (line.startsWith("PROGRESS ")) latest = JSON.parse(line.slice(9)) as Progress;
      });
    const started = performance.now();
    const integration = (await hub.api("POST", "/v1/integrations", {
      kind: "pos",
      name: "Bench POS",
      baseUrl: pos.url,
      apiKey: pos.apiKey,
      options: integrationOptions,
    })) as { id: number };
    // A4: the seeded sales' five associates as users, mapped while the first sync runs, so the
    // onboarding assignment at its end gives each customer the associate of its largest spend
    for (let n = 1; n <= 5; n++) {
      const { user } = (await hub.api("POST", "/v1/users", {
        name: `Associate ${n}`,
        email: `associate${n}@bench.test`,
        role: "associate",
      })) as { user: { id: number } };
      await hub.api("PUT", `/v1/integrations/${integration.id}/associates/${user.id}`, {
        associateNumber: String(n),
      });
    }
    let done = false;
    let lastFull = -Infinity;
    let lastSeen: Progress | undefined;
    while (!done) {
      await new Promise((r) => setTimeout(r, 1000));
      const t = (performance.now() - started) / 1000;
      const db = hub.db;
      let p: Progress | undefined;
      if (db) {
        const query = async (sql: string) => (await db.query(sql)).rows;
        if (t - lastFull >= fullEverySeconds || (await looksSettled(query))) {
          lastFull = t;
          p = await readProgress(query, t);
        }
      } else if (latest !== lastSeen) {
        // the embedded hub's own reading, timed from when it was taken
        p = lastSeen = latest;
      }
      if (!p) continue;
      timeline.push(p);
      o.log(
        `  ${p.t}s inbox customers ${p.customersProcessed}/${p.customersCaptured}/${o.customers}` +
          ` sales ${p.salesProcessed}/${p.salesCaptured}/${sales} (processed/captured/total)` +
          ` linked ${p.linked} purchases ${p.purchases} assigned ${p.assigned} jobs open ${p.jobsOpen}`,
      );
      done = p.linked >= o.customers && p.purchases >= sales && p.onboarded > 0;
      if (t > o.timeoutSeconds) break;
      for (const proc of [pos.process, ...hub.processes])
        if ((await Promise.race([proc.exited, Promise.resolve("alive")])) !== "alive")
          throw new Error(`${proc.label} died during W1`);
    }
    const seconds = (performance.now() - started) / 1000;
    const last = timeline.at(-1);
    const records = done ? o.customers + o.salesLines : estimateRecords(last, o.salesLines, sales);
    const peakRssMb: Record<string, number> = { "reference POS": pos.process.peakRssMb() };
    for (const p of hub.processes) peakRssMb[p.label] = p.peakRssMb();
    await hub.close();
    hub = undefined;
    await stopProcess(pos.process);
    o.log(
      `  ${done ? "done" : "TIMED OUT"} in ${seconds.toFixed(1)} s; COPY of the same records...`,
    );
    const copy =
      o.store === "postgres"
        ? await copyPostgres(o.adminUrl, o.customers, o.salesLines)
        : await copyPglite(o.customers, o.salesLines);
    const at = (ok: (p: Progress) => boolean) => timeline.find(ok)?.t ?? null;
    return {
      id: "W1",
      store: o.store,
      customers: o.customers,
      salesLines: o.salesLines,
      sales,
      completed: done,
      seconds: round(seconds),
      recordsPerSecond: Math.round(records / seconds),
      peakRssMb,
      copySeconds: round(copy.seconds, 3),
      copyMethod: copy.method,
      ratioToCopy: round(seconds / copy.seconds, 1),
      pos: { seedMs: pos.seedMs },
      stages: {
        captureSeconds: at((p) => p.customersCaptured >= o.customers && p.salesCaptured >= sales),
        engineSeconds: at(
          (p) => p.customersProcessed >= o.customers && p.salesProcessed >= p.salesCaptured,
        ),
        assignedSeconds: at((p) => p.onboarded > 0),
      },
      rates: ratesOf(timeline),
      integrationOptions,
      timeline,
    };
  } finally {
    await hub?.close();
    await stopProcess(pos.process);
  }
}

/** On a timeout: customers linked plus the lines of the sales that became purchases. */
function estimateRecords(p: Progress | undefined, lines: number, sales: number) {
  return p ? p.linked + Math.round((p.purchases * lines) / Math.max(1, sales)) : 0;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Per count: its final value over the seconds it took to get there (from enabling). */
function ratesOf(timeline: Progress[]): Record<string, number> {
  const rate = (key: keyof Progress) => {
    const moving = timeline.filter((p, i) => i === 0 || p[key] !== timeline[i - 1]![key]);
    const last = moving.at(-1);
    if (!last || last.t <= 0) return 0;
    return Math.round(last[key] / last.t);
  };
  return {
    customersCapturedPerSecond: rate("customersCaptured"),
    customersProcessedPerSecond: rate("customersProcessed"),
    salesCapturedPerSecond: rate("salesCaptured"),
    salesProcessedPerSecond: rate("salesProcessed"),
    linkedPerSecond: rate("linked"),
    purchasesPerSecond: rate("purchases"),
    assignedPerSecond: rate("assigned"),
  };
}
