import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { afterThisTest } from "../setup/cleanup.ts";
import { freshPostgresSchema, testDatabaseUrl } from "../setup/database.ts";
import { eventually, httpClient, startTandem } from "../setup/processes.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string>, timeout = 60_000) {
  return new Promise<Run>((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "", TANDEM_LOG_LEVEL: "warn", ...env },
        timeout,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const tandem = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], env);

/** A failure a person can act on: exit 1 or 2, the last stderr line is the message, no stack. */
function expectOneLine(result: Run, code: number, message: RegExp) {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trim().split("\n");
  expect(lines.at(-1)).toMatch(/^tandem: /);
  expect(lines.at(-1)).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at |TypeError|unexpected error/);
}

/** A port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A port something else listens on, until the test ends. */
async function busyPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

describe("the tandem command", () => {
  it("every command explains itself with --help, options from the one option table", async () => {
    for (const command of [
      "serve",
      "worker",
      "migrate",
      "pos-sim",
      "demo",
      "customers",
      "partners",
      "exclude",
    ]) {
      const { code, stdout } = await tandem([command, "--help"]);
      expect(code, command).toBe(0);
      expect(stdout).toContain(`Usage: tandem ${command}`);
      expect(stdout).toMatch(/--[a-z-]+ +[A-Z_]+ /);
    }
  });

  it("says what is wrong with bad options, and exits 2", async () => {
    const unknown = await tandem(["serve", "--prot", "1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--prot/);
    const badPort = await tandem(["serve", "--port", "nope"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--port \(or PORT\)/);
    const worker = await tandem(["worker"]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/DATABASE_URL.*required/);
  });

  it("R7.17: the commands run as the docs write them (`npx tandem migrate`), and no doc shows a bare `tandem` that a shell cannot find", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-npx-"));
    const migrate = await run(
      "npx",
      ["--no-install", "tandem", "migrate", "--data-dir", dataDir],
      {},
    );
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/applied: 0001_initial\.sql/);
    const again = await run(
      "npx",
      ["--no-install", "tandem", "migrate", "--data-dir", dataDir, "--json"],
      {},
    );
    expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
    for (const doc of ["README.md", "docs/operations.md"]) {
      const bare = readFileSync(join(root, doc), "utf8")
        .split("\n")
        .filter((line) => /^\s*(\$ )?tandem\s/.test(line));
      expect(bare, doc).toEqual([]);
    }
  });

  it("R7.17: an unknown command says so before the usage, and exits 2", async () => {
    const result = await tandem(["serv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tandem: unknown command 'serv' \(did you mean 'serve'\?\)\n/);
    const far = await tandem(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^tandem: unknown command 'frobnicate'\n\nUsage: tandem/);
    expect(result.stderr).toContain("Usage: tandem <command>");
  });

  it("R7.17: a hub that is not running is named with its URL and what to do", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await tandem(["customers", "list", "--api-url", url, "--token", "tdm_x"]);
    expectOneLine(
      result,
      1,
      new RegExp(
        `cannot reach the hub at ${url} \\(connection refused\\): start it with \`tandem serve\`, or point --api-url \\(TANDEM_API_URL\\) at it$`,
      ),
    );
  });

  it("R7.17: a busy port is one line naming the port and the flag, for the hub and the reference POS", async () => {
    const port = await busyPort();
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-port-"));
    expectOneLine(
      await tandem(["serve", "--port", String(port), "--data-dir", dataDir]),
      1,
      new RegExp(
        `the hub's API: port ${port} on 127.0.0.1 is already in use; stop what uses it, or choose another port with --port \\(PORT\\)`,
      ),
    );
    expectOneLine(
      await tandem(["pos-sim", "--pos-port", String(port)]),
      1,
      new RegExp(
        `the reference POS: port ${port} on 127.0.0.1 is already in use; .* --pos-port \\(TANDEM_POS_PORT\\)`,
      ),
    );
    // the hub that could not listen let its data directory go: the next start takes it
    const next = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
    await next.waitFor(/Tandem API listening on/);
    // and its admin token was not spent on the failed start
    await next.waitFor(/Admin API token \(shown once\): tdm_/);
  });

  it("R7.17: a database that cannot be reached is one line naming it (password hidden) and what to check", async () => {
    const key = randomBytes(32).toString("base64");
    const down = `postgres://tandem:s3cret@127.0.0.1:${await closedPort()}/tandem`;
    for (const command of ["migrate", "serve", "worker"]) {
      const result = await tandem([command], { DATABASE_URL: down, TANDEM_SECRET_KEY: key });
      expectOneLine(
        result,
        1,
        /cannot use the PostgreSQL at postgres:\/\/tandem@127\.0\.0\.1:\d+\/tandem: connection refused; check DATABASE_URL \(--database-url\) and that the server is running$/,
      );
      expect(result.stderr).not.toContain("s3cret");
    }
    if (testDatabaseUrl) {
      const missing = new URL(testDatabaseUrl);
      missing.pathname = "/no_such_database_r717";
      expectOneLine(
        await tandem(["migrate"], { DATABASE_URL: missing.toString() }),
        1,
        /database "no_such_database_r717" does not exist; check DATABASE_URL/,
      );
    }
  });

  it("R7.17: customers add and edit say which argument is wrong and how", async () => {
    const env = { TANDEM_TOKEN: "tdm_x" };
    expectOneLine(
      await tandem(["customers", "edit", "12", "{lastName:'King'}"], env),
      2,
      /^tandem: customers edit: argument 2 \(the changes\) is not valid JSON: .*position 1 near 'lastName:'Ki'; write it in single quotes, e\.g\. '\{"lastName":"King"\}'$/,
    );
    expectOneLine(
      await tandem(["customers", "add", "[]"], env),
      2,
      /customers add: argument 1 \(the new customer\) must be a JSON object, got an array/,
    );
    expectOneLine(
      await tandem(["customers", "add"], env),
      2,
      /customers add: argument 1 \(the new customer\) is missing: give it as JSON/,
    );
    expectOneLine(
      await tandem(["customers", "edit", "0x10", "{}"], env),
      2,
      /customers edit: argument 1 \(the customer id\) must be a plain decimal integer like 12, got '0x10'/,
    );
    expectOneLine(
      await tandem(["customers", "merge", "1"], env),
      2,
      /customers: unknown action 'merge': use list, show, add, edit or contact/,
    );
  });

  it("R7.17: customers come as a table for people and as JSON with --json; the hub's refusal is one line", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tandem-table-"));
    const serve = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
    const url = (await serve.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
    const token = (await serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
    const env = { TANDEM_API_URL: url, TANDEM_TOKEN: token };

    const added = await tandem(
      [
        "customers",
        "add",
        '{"firstName":"Ada","lastName":"Lovelace","contacts":[{"kind":"email","value":"ada-r717@example.com"}]}',
      ],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const id = Number(/^Created customer (\d+)\.$/m.exec(added.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(added.stdout).toMatch(/^email: +ada-r717@example\.com$/m);

    const edited = await tandem(["customers", "edit", String(id), '{"lastName":"King"}'], env);
    expect(edited.stdout).toMatch(new RegExp(`^Changed customer ${id}\\.$`, "m"));
    expect(edited.stdout).toMatch(/^name: +Ada King$/m);

    const table = await tandem(["customers", "list"], env);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID +NO +NAME +EMAIL +SYNC$/);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${id} +\\d+ +Ada King +ada-r717@example\\.com +- *$`)),
    );
    expect(lines.at(-1)).toBe("1 customer");

    const json = await tandem(["customers", "list", "--json"], env);
    const customers = JSON.parse(json.stdout) as Array<{ id: number; lastName: string }>;
    expect(customers).toEqual([expect.objectContaining({ id, lastName: "King" })]);
    const shown = JSON.parse(
      (await tandem(["customers", "show", String(id), "--json"], env)).stdout,
    );
    expect(shown).toMatchObject({ id, firstName: "Ada", lastName: "King" });

    expectOneLine(
      await tandem(["customers", "show", "999999"], env),
      1,
      /the hub refused GET \/v1\/customers\/999999: 404 /,
    );
    expectOneLine(
      await tandem(["customers", "list"], { ...env, TANDEM_TOKEN: "tdm_wrong" }),
      1,
      /the hub refused GET \/v1\/customers: 401 .*check --token \/ TANDEM_TOKEN/,
    );
    await serve.stop();
  });
});

describe.skipIf(!testDatabaseUrl)("R7.17: a worker with the wrong secret key", () => {
  it("R7.17: stops with one line instead of failing every second: at start, and when an integration it cannot open appears later", async () => {
    const { url } = await freshPostgresSchema();
    const rightKey = randomBytes(32).toString("base64");
    const wrongKey = randomBytes(32).toString("base64");
    const posKey = "r717-pos-key-123";
    const pos = startTandem(["pos-sim", "--pos-port", "0", "--pos-api-key", posKey]);
    const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
    const serve = startTandem(["serve", "--port", "0"], {
      DATABASE_URL: url,
      TANDEM_SECRET_KEY: rightKey,
    });
    const hubUrl = (await serve.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
    const token = (await serve.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;

    // started before any credentials exist, it runs...
    const early = startTandem(["worker"], { DATABASE_URL: url, TANDEM_SECRET_KEY: wrongKey });
    await early.waitFor(/Tandem worker \S+ running/);
    const created = await httpClient(hubUrl, token)("POST", "/v1/integrations", {
      kind: "pos",
      name: "POS r717",
      baseUrl: posUrl,
      apiKey: posKey,
      options: { webhooks: false, pollIntervalSeconds: 1 },
    });
    expect(created.status).toBe(201);
    // ...and stops on its first poll of the new integration, with the line and exit code 1
    const code = await eventually(
      async () => early.child.exitCode ?? undefined,
      20_000,
      "the wrong-keyed worker to stop",
    );
    expect(code).toBe(1);
    expect(early.output()).toContain(
      "tandem: credentials cannot be decrypted: this process's secret key (TANDEM_SECRET_KEY) is not the one they were sealed with; start it with the key the hub was set up with (see docs/operations.md)\n",
    );
    expect(early.output().match(/poll failed/g) ?? []).toEqual([]);

    // started after, it refuses at once, naming the integration
    const late = await tandem(["worker"], { DATABASE_URL: url, TANDEM_SECRET_KEY: wrongKey });
    expectOneLine(
      late,
      1,
      /the secret key does not open the credentials of integration \d+ \(POS r717\): start this process with the TANDEM_SECRET_KEY the hub was set up with/,
    );
    // the right key still works
    const right = startTandem(["worker"], { DATABASE_URL: url, TANDEM_SECRET_KEY: rightKey });
    await right.waitFor(/Tandem worker \S+ running/);
  });
});
