import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/database.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { freshPostgresSchema, testDatabaseUrl } from "../setup/database.ts";
import { eventually, httpClient, startTandem, type TandemProcess } from "../setup/processes.ts";

/** A customer file of `rows` rows (docs/file-format.md), written as a stream. */
async function writeFile(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write("customer_number,first_name,last_name,email,phone,address,custom:Ring size\n");
  for (let i = 1; i <= rows; i += 1000) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(rows + 1, i + 1000); k++)
      lines.push(
        `${k},Zoë${k},Lefèvre,c${k}@example.com,+44 20 7946 ${k % 10000},"${k} Rue de l'Église, 75004 Paris, FR",${k % 9}`,
      );
    if (!out.write(`${lines.join("\n")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/**
 * Large enough (~24 MB) that the client is still uploading when the import has run a while: the
 * kernel's socket buffers on loopback hold a few MB, and the hub reads the body as it imports.
 */
const rows = 200_000;

/**
 * The import's transaction, seen from outside: the backend holding the file integration's
 * import lock (services/file-imports.ts, pg_advisory_xact_lock(hashtext('file_rows'), id)), with
 * its transaction's age and the statement it runs. Undefined while no import holds it.
 */
async function importInProgress(db: Db, schema: string, integrationId: number) {
  const [row] = await db.query<{ pid: number; seconds: number; query: string }>(
    `select a.pid, extract(epoch from now() - a.xact_start)::float8 as seconds, a.query
       from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted
        and l.classid = (hashtext('file_rows')::bigint & 4294967295)::oid
        and l.objid = $1::oid and a.application_name = $2`,
    [integrationId, schema],
  );
  return row;
}

/** What of the file the hub holds: its rows, its inbox events, its import records, customers. */
async function kept(db: Db, integrationId: number) {
  const [row] = await db.query<Record<string, number>>(
    `select (select count(*) from file_rows where integration_id = $1)::int as "fileRows",
            (select count(*) from file_rows where integration_id = $1 and version = 1)::int as "firstVersions",
            (select count(*) from change_events where integration_id = $1)::int as events,
            (select count(distinct external_id) from change_events where integration_id = $1)::int as "eventCustomers",
            (select count(*) from file_imports where integration_id = $1)::int as imports,
            (select count(*) from clients)::int as clients`,
    [integrationId],
  );
  return row!;
}

describe.skipIf(!testDatabaseUrl)("a customer file import that crashes (PostgreSQL)", () => {
  it("I3: a `tandem import` killed mid-upload and then a `tandem serve` killed with SIGKILL mid-import leave nothing of the file; imported again after a restart, every row is kept exactly once", async () => {
    const { url, schema } = await freshPostgresSchema();
    const env = { DATABASE_URL: url, TANDEM_SECRET_KEY: randomBytes(32).toString("base64") };
    const folder = mkdtempSync(join(tmpdir(), "tandem-import-crash-"));
    afterThisTest(async () => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, "customers.csv");
    await writeFile(file, rows);
    const db = await openDatabase({ url, poolSize: 2 });
    afterThisTest(() => db.close());

    const startServe = async () => {
      const serve = startTandem(["serve", "--port", "0"], env);
      const hubUrl = (await serve.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
      return { serve, hubUrl };
    };
    let { serve, hubUrl } = await startServe();
    const token = (await serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
    const created = await httpClient(hubUrl, token)<{ id: number }>("POST", "/v1/integrations", {
      kind: "file",
      name: "Accounting export",
      options: { webhooks: false },
    });
    expect(created.status).toBe(201);
    const integrationId = created.body.id;
    const startImport = (): TandemProcess =>
      startTandem(["import", file, "--integration", String(integrationId), "--api-url", hubUrl], {
        TANDEM_TOKEN: token,
      });
    /**
     * Waits until the import's transaction has been open a while and its last statement matches
     * `phase` (staging every row first, then keeping them in file_rows and the inbox), and tells
     * what it ran.
     */
    const midImport = (phase: RegExp) =>
      eventually(
        async () => {
          const seen = await importInProgress(db, schema, integrationId);
          return seen && seen.seconds > 1.5 && phase.test(seen.query) ? seen : undefined;
        },
        180_000,
        `the import's transaction at ${phase}`,
      );

    // 1. the client dies in the middle of its upload (the hub still staging the rows it reads):
    // the hub's import ends with it
    const client = startImport();
    const during = await midImport(/insert into file_import_rows/);
    await client.stop("SIGKILL");
    await eventually(
      async () =>
        (await importInProgress(db, schema, integrationId)) === undefined ? true : undefined,
      30_000,
      "the server to roll the import back once its client is gone",
    );
    expect(await kept(db, integrationId)).toMatchObject({ fileRows: 0, events: 0, imports: 0 });

    // 2. the hub itself dies in the middle of the import (the real crash), once every row is
    // staged and the import is writing file_rows and the inbox
    const second = startImport();
    const merging = await midImport(/insert into (file_rows|change_events)/);
    // a few chunks further on (2,000 rows each): some rows kept, some events recorded, inside it
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const crashAt = await importInProgress(db, schema, integrationId);
    expect(crashAt).toMatchObject({ pid: merging.pid });
    const keptBeforeCrash = await kept(db, integrationId);
    await serve.stop("SIGKILL");
    await second.stop("SIGKILL");
    await eventually(
      async () =>
        (await importInProgress(db, schema, integrationId)) === undefined ? true : undefined,
      30_000,
      "PostgreSQL to end the dead hub's transaction",
    );
    ({ serve, hubUrl } = await startServe());
    expect(await kept(db, integrationId)).toEqual({
      fileRows: 0,
      firstVersions: 0,
      events: 0,
      eventCustomers: 0,
      imports: 0,
      clients: 0,
    });

    // 3. imported again: every row once, as a first import (version 1, one inbox event each)
    const third = startImport();
    const done = await third.waitFor(/Imported .*: (.*)/, 240_000);
    expect(done[1]).toContain(`rows ${rows}, added ${rows}, changed 0, unchanged 0, gone 0`);
    expect(await kept(db, integrationId)).toEqual({
      fileRows: rows,
      firstVersions: rows,
      events: rows,
      eventCustomers: rows,
      imports: 1,
      clients: 0, // serve on PostgreSQL runs no worker: the engine has not merged them yet
    });
    // the crash came after writes the import's transaction had made and no one else could see
    expect({ during: during.seconds > 1.5, crashAt: crashAt!.seconds > 3.5 }).toEqual({
      during: true,
      crashAt: true,
    });
    expect(keptBeforeCrash).toMatchObject({ fileRows: 0, events: 0 });
  }, 600_000);
});
