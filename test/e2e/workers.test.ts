import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/database.ts";
import { freshPostgresSchema, testDatabaseUrl } from "../setup/database.ts";
import { eventually, httpClient, startTandem, type TandemProcess } from "../setup/processes.ts";
import { startSlowAnswersProxy } from "../setup/slow-answers-proxy.ts";

const posKey = "e2e-pos-key-123";

/** serve (API only) and the reference POS as processes on one PostgreSQL schema; workers are started by each test. */
async function startCluster(posSeed: number) {
  const { url } = await freshPostgresSchema();
  const env = { DATABASE_URL: url, TANDEM_SECRET_KEY: randomBytes(32).toString("base64") };
  const pos = startTandem([
    "pos-sim",
    "--pos-port",
    "0",
    "--pos-api-key",
    posKey,
    "--pos-seed",
    String(posSeed),
  ]);
  const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
  const serve = startTandem(["serve", "--port", "0"], env);
  const hubUrl = (await serve.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
  const token = (await serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
  const db = await openDatabase({ url, poolSize: 2 });
  /** a short lease by default, so a killed worker's jobs come back quickly */
  const worker = (id: string, leaseSeconds = 2): TandemProcess =>
    startTandem(["worker", "--worker-id", id, "--lease-seconds", String(leaseSeconds)], env);
  const hubApi = httpClient(hubUrl, token);
  const posApi = httpClient(posUrl, posKey);
  /** connects the hub to the POS, or to `baseUrl` in front of it (a proxy) */
  const connect = (options: Record<string, unknown>, baseUrl = posUrl) =>
    hubApi("POST", "/v1/integrations", {
      kind: "pos",
      name: "POS",
      baseUrl,
      apiKey: posKey,
      options,
    });
  return { db, worker, hubApi, posApi, posUrl, connect, close: () => db.close() };
}

const one = async (db: Db, sql: string) => Number(Object.values((await db.query(sql))[0]!)[0]);

/** Done jobs per worker that finished them. */
async function doneJobsByWorker(db: Db): Promise<Record<string, number>> {
  const rows = await db.query<{ worker: string; n: number }>(
    "select locked_by as worker, count(*)::int as n from jobs where state = 'done' group by 1",
  );
  return Object.fromEntries(rows.map((r) => [r.worker, r.n]));
}

async function posCustomers(posApi: ReturnType<typeof httpClient>) {
  const { body } = await posApi<unknown>("GET", "/staff/customers");
  return (Array.isArray(body) ? body : (body as { customers: unknown[] }).customers) as Array<{
    id: string;
    contacts: Array<{ type: string; value: string }>;
  }>;
}

/** Creates hub customers through the API, a few requests at a time. */
async function createHubCustomers(
  hubApi: ReturnType<typeof httpClient>,
  count: number,
  prefix: string,
) {
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        hubApi("POST", "/v1/customers", {
          firstName: `${prefix}${i + j}`,
          lastName: "Hubcustomer",
          contacts: [{ kind: "email", value: `${prefix}${i + j}@hub.example` }],
        }).then((r) => expect(r.status).toBe(201)),
      ),
    );
  }
}

describe.skipIf(!testDatabaseUrl)("workers sharing one PostgreSQL", () => {
  it("S4, S2: serve and a separate worker process sync customers both ways", async () => {
    const c = await startCluster(0);
    c.worker("w1");
    expect((await c.connect({ webhooks: true })).status).toBe(201);
    const staff = await c.posApi<{ id: string }>("POST", "/staff/customers", {
      firstName: "Mary",
      contacts: [{ type: "email", value: "mary@example.com" }],
    });
    await eventually(
      async () => ((await one(c.db, "select count(*) from clients")) === 1 ? true : undefined),
      30_000,
      "POS customer in the hub",
    );
    await createHubCustomers(c.hubApi, 1, "ruth");
    await eventually(
      async () => ((await posCustomers(c.posApi)).length === 2 ? true : undefined),
      30_000,
      "hub customer at the POS",
    );
    expect(staff.status).toBe(201);
    await c.close();
  });

  it("F11: two workers on one database apply no change twice", async () => {
    const c = await startCluster(300);
    // long leases: this test is about sharing the work, not taking over a slow worker's jobs
    c.worker("w1", 60);
    c.worker("w2", 60);
    expect((await c.connect({ webhooks: true, pollIntervalSeconds: 1 })).status).toBe(201);
    await createHubCustomers(c.hubApi, 200, "two");
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from links where status = 'synced'")) === 500 &&
        (await one(c.db, "select count(*) from jobs where state in ('ready', 'running')")) === 0
          ? true
          : undefined,
      60_000,
      "500 synced links",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await one(c.db, "select count(*) from clients")).toBe(500);
    // every job ran once, by one worker
    expect(
      await one(c.db, "select count(*) from jobs where attempts <> 1 or state <> 'done'"),
    ).toBe(0);
    // and both workers did work: each finished some of the 200 pushes (a done job keeps the
    // lease holder that finished it)
    const byWorker = await doneJobsByWorker(c.db);
    expect(Object.keys(byWorker).sort()).toEqual(["w1", "w2"]);
    expect(byWorker["w1"]! + byWorker["w2"]!).toBe(200);
    // the POS saw exactly one write per seeded and per created customer: 300 + 200 versions
    const feed = await c.posApi<{ cursor: number | string }>(
      "GET",
      "/api/v1/changes?after=0&limit=1",
    );
    const { body: last } = await c.posApi<{ cursor: number | string; hasMore: boolean }>(
      "GET",
      `/api/v1/changes?after=${Number(feed.body.cursor) + 498}&limit=500`,
    );
    expect(Number(last.cursor)).toBe(500);
    expect(await posCustomers(c.posApi)).toHaveLength(500);
    // and no hub field was written twice from the POS
    expect(
      await one(
        c.db,
        "select count(*) from (select client_id, field from audit_log group by 1, 2 having count(*) > 1) d",
      ),
    ).toBe(0);
    await c.close();
  });

  it("S4: a worker killed with SIGKILL while importing thousands of POS customers loses and duplicates nothing", async () => {
    const c = await startCluster(3000);
    expect((await c.connect({ webhooks: false, pollIntervalSeconds: 1 })).status).toBe(201);
    const first = c.worker("crashing");
    await eventually(
      async () => ((await one(c.db, "select count(*) from clients")) >= 300 ? true : undefined),
      60_000,
      "import under way",
    );
    await first.stop("SIGKILL");
    const imported = await one(c.db, "select count(*) from clients");
    expect(imported).toBeLessThan(3000);
    c.worker("restarted");
    await eventually(
      async () => ((await one(c.db, "select count(*) from clients")) === 3000 ? true : undefined),
      90_000,
      "all 3000 imported",
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await one(c.db, "select count(*) from clients")).toBe(3000);
    expect(
      await one(c.db, "select count(distinct external_id) from links where client_id is not null"),
    ).toBe(3000);
    expect(await one(c.db, "select count(*) from change_events where processed_at is null")).toBe(
      0,
    );
    await c.close();
  });

  it("S6: a worker killed with SIGKILL in the middle of a partner run: every POS customer becomes a hub customer exactly once, with its number, and the run finishes", async () => {
    const customers = 2000;
    const c = await startCluster(customers);
    const first = c.worker("recorder");
    expect(
      (await c.connect({ webhooks: false, pollIntervalSeconds: 1, syncMode: "selected" })).status,
    ).toBe(201);
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from links where client_id is null")) === customers
          ? true
          : undefined,
      60_000,
      "every POS customer recorded without a hub customer",
    );
    const run = await c.hubApi<{ id: number; total: number }>(
      "POST",
      "/v1/integrations/1/partner-runs",
      { side: "external" },
    );
    expect(run.status).toBe(202);
    expect(run.body.total).toBe(customers);
    await eventually(
      async () => ((await one(c.db, "select count(*) from clients")) >= 200 ? true : undefined),
      60_000,
      "run under way",
    );
    // the only worker dies mid-run
    await first.stop("SIGKILL");
    expect(await one(c.db, "select count(*) from clients")).toBeLessThan(customers);
    c.worker("restarted");
    const progress = async () =>
      (
        await c.hubApi<{ finished: boolean; progress: { done: number; failed: number } }>(
          "GET",
          `/v1/partner-runs/${run.body.id}`,
        )
      ).body;
    await eventually(
      async () => ((await progress()).finished ? true : undefined),
      120_000,
      "the run finished",
    );
    expect((await progress()).progress).toMatchObject({ done: customers, failed: 0 });
    expect(await one(c.db, "select count(*) from clients")).toBe(customers);
    expect(
      await one(c.db, "select count(distinct external_id) from links where client_id is not null"),
    ).toBe(customers);
    // kept numbers: each hub customer has its POS customer's number
    expect(
      await one(
        c.db,
        `select count(*) from links l join clients c on c.id = l.client_id
         where l.external_number = c.customer_number`,
      ),
    ).toBe(customers);
    await c.close();
  });

  it("R8.5: a worker killed with SIGKILL in the middle of a batch while onboarding customers and their sales: every customer and every sale arrives exactly once", async () => {
    const customers = 4000;
    const c = await startCluster(customers);
    // sales of the first 1200 customers, at the POS before the integration is enabled: two
    // lines each, every third with a service job
    const atPos = (await posCustomers(c.posApi)).slice(0, 1200);
    for (let i = 0; i < atPos.length; i += 40)
      await Promise.all(
        atPos.slice(i, i + 40).map((customer, j) =>
          c
            .posApi("POST", "/staff/sales", {
              customerId: customer.id,
              lines: [
                { description: `Ring ${i + j}`, amount: 100 },
                { kind: "special_order", description: `Order ${i + j}`, amount: 50 },
              ],
              ...((i + j) % 3 === 0
                ? { serviceJobs: [{ type: "repair", description: "Sizing", amount: 25 }] }
                : {}),
            })
            .then((r) => expect(r.status).toBe(201)),
        ),
      );
    const sales = atPos.length;
    const lines = sales * 2 + Math.ceil(sales / 3);
    expect((await c.connect({ webhooks: false, pollIntervalSeconds: 1 })).status).toBe(201);
    const first = c.worker("crashing");
    // the kill lands while the worker holds a batch open: its transaction holds the advisory
    // locks of the batch's customers (only workers take them; the schema's backends carry its
    // name as application_name)
    const inBatch = async () =>
      one(
        c.db,
        `select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.granted
           and a.application_name = (select application_name from pg_stat_activity where pid = pg_backend_pid())`,
      );
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from clients")) >= 500 && (await inBatch()) > 0
          ? true
          : undefined,
      90_000,
      "onboarding under way, a batch open",
    );
    await first.stop("SIGKILL");
    const imported = await one(c.db, "select count(*) from clients");
    expect(imported).toBeLessThan(customers);
    c.worker("restarted");
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from clients")) === customers &&
        (await one(c.db, "select count(*) from purchases")) === sales &&
        (await one(c.db, "select count(*) from change_events where processed_at is null")) === 0
          ? true
          : undefined,
      120_000,
      `all ${customers} customers and ${sales} sales in`,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await one(c.db, "select count(*) from clients")).toBe(customers);
    expect(
      await one(c.db, "select count(distinct external_id) from links where client_id is not null"),
    ).toBe(customers);
    expect(await one(c.db, "select count(*) from links where status <> 'synced'")).toBe(0);
    expect(await one(c.db, "select count(*) from purchases")).toBe(sales);
    expect(await one(c.db, "select count(distinct external_id) from purchases")).toBe(sales);
    expect(await one(c.db, "select count(*) from purchase_lines")).toBe(lines);
    // every field written once, every event processed once, nothing failed
    expect(
      await one(
        c.db,
        "select count(*) from (select client_id, field from audit_log group by 1, 2 having count(*) > 1) d",
      ),
    ).toBe(0);
    expect(await one(c.db, "select count(*) from change_events where outcome = 'failed'")).toBe(0);
    // onboarding writes nothing back: the customers came from the POS (no echo)
    expect(await one(c.db, "select count(*) from jobs")).toBe(0);
    await c.close();
  });

  it("S2: a worker killed with SIGKILL while pushing thousands of hub customers creates each at the POS exactly once", async () => {
    const c = await startCluster(0);
    // creates reach the POS at once, their answers a second later: the worker is killed while
    // customers it created are at the POS and it has not heard so yet
    const wire = await startSlowAnswersProxy(
      c.posUrl,
      (method, path) => method === "POST" && path === "/api/v1/customers",
      1000,
    );
    const connected = await c.connect({ webhooks: false, pollIntervalSeconds: 1 }, wire.url);
    expect(connected.status).toBe(201);
    await createHubCustomers(c.hubApi, 1500, "crash");
    const first = c.worker("crashing");
    const linked = () => one(c.db, "select count(*) from links where external_id is not null");
    await eventually(
      async () => ((await posCustomers(c.posApi)).length >= 40 ? true : undefined),
      60_000,
      "push under way",
    );
    await wire.nextHold(); // a create has just reached the POS; its answer is a second away
    await first.stop("SIGKILL");
    // the kill landed mid-work: some customers were at the POS, not all; some of them the hub
    // had not linked (their answers were lost with the worker); and the dead worker still held
    // leases on the jobs it had started
    const atKill = (await posCustomers(c.posApi)).length;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(1500);
    expect(await linked()).toBeLessThan(atKill);
    const leasedByDead = await one(
      c.db,
      "select count(*) from jobs where state = 'running' and locked_by = 'crashing'",
    );
    expect(leasedByDead).toBeGreaterThan(0);

    wire.delayMs = 0;
    c.worker("restarted");
    await eventually(
      async () =>
        (await linked()) === 1500 &&
        (await one(c.db, "select count(*) from jobs where state in ('ready', 'running')")) === 0
          ? true
          : undefined,
      120_000,
      "all 1500 linked",
    );
    const atPos = await posCustomers(c.posApi);
    const emails = atPos.map((p) => p.contacts.find((m) => m.type === "email")?.value);
    expect(atPos).toHaveLength(1500);
    expect(new Set(emails).size).toBe(1500);
    expect(await one(c.db, "select count(*) from jobs where state = 'dead'")).toBe(0);
    // the jobs the dead worker held were taken over and finished by the restarted one
    const retried = await one(c.db, "select count(*) from jobs where attempts > 1");
    expect(retried).toBeGreaterThanOrEqual(leasedByDead);
    expect(Object.keys(await doneJobsByWorker(c.db)).sort()).toEqual(["crashing", "restarted"]);
    await c.close();
  });

  it("R12.1: with the POS frozen (every answer to a new customer held 5 s, the lease 2 s), two worker processes write each customer once: no job has two runners, none is taken over", async () => {
    const c = await startCluster(0);
    const creates = (method: string, path: string) =>
      method === "POST" && path.split("?")[0] === "/api/v1/customers";
    const frozen = await startSlowAnswersProxy(c.posUrl, creates, 5000);
    c.worker("w1");
    c.worker("w2");
    expect((await c.connect({ webhooks: false, pollIntervalSeconds: 1 }, frozen.url)).status).toBe(
      201,
    );
    await createHubCustomers(c.hubApi, 12, "frozen");
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from jobs where state = 'done'")) === 12 &&
        (await one(c.db, "select count(*) from jobs where state <> 'done'")) === 0
          ? true
          : undefined,
      60_000,
      "the 12 customers written to the frozen POS",
    );
    // one request per job (its Idempotency-Key): a second runner would have sent it again
    const writes = frozen.requests.filter((r) => creates(r.method, r.path));
    expect(writes).toHaveLength(12);
    expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(12);
    expect(
      await one(c.db, "select count(*) from jobs where attempts <> 1 or last_error is not null"),
    ).toBe(0);
    expect(await posCustomers(c.posApi)).toHaveLength(12);
    await c.close();
  });

  it("R12.6: a worker killed in the middle of a poll leaves a lease that runs out within its lease seconds (2 s), not minutes, and a restarted worker polls on from the stored cursor", async () => {
    const customers = 2000;
    const c = await startCluster(customers);
    // each page of the customers feed answers 2 s late: the poll is long under way
    const slowPages = await startSlowAnswersProxy(
      c.posUrl,
      (method, path) => method === "GET" && path.startsWith("/api/v1/changes"),
      2000,
    );
    const first = c.worker("first");
    expect(
      (await c.connect({ webhooks: false, pollIntervalSeconds: 1 }, slowPages.url)).status,
    ).toBe(201);
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from clients")) >= 200 &&
        (await one(c.db, "select count(*) from poll_cursors where lease_holder = 'first'")) === 1
          ? true
          : undefined,
      60_000,
      "the import under way, its poll held by the first worker",
    );
    await first.stop("SIGKILL");
    const killedAt = Date.now();
    const [lease] = await c.db.query<{ lease_until: Date }>(
      "select lease_until from poll_cursors where feed = 'customers' and lease_holder = 'first'",
    );
    // the dead worker's last heartbeat or page renewed it for 2 s at most
    expect(lease!.lease_until.getTime()).toBeLessThanOrEqual(killedAt + 2000);
    c.worker("restarted");
    await eventually(
      async () =>
        (await one(c.db, "select count(*) from clients")) === customers ? true : undefined,
      120_000,
      `all ${customers} imported`,
    );
    expect(
      await one(c.db, "select count(distinct external_id) from links where client_id is not null"),
    ).toBe(customers);
    await c.close();
  });
});
