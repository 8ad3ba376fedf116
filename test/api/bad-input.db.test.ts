import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serveApi } from "../../src/cli/serve-api.ts";
import { signTimestamped } from "../../src/connectors/pos/signature.ts";
import { createCustomer } from "../../src/services/customers.ts";
import { createUser } from "../../src/services/users.ts";
import type { Db } from "../../src/store/database.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../setup/hub.ts";

/**
 * The bad-input corpus (test/fixtures/bad-input/, README.md there): every case gets its clear 4xx
 * with a message that names what and where, and changes nothing in any table.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const corpusDir = `${root}test/fixtures/bad-input/`;
const maxBodyBytes = 65_536;

interface HttpCase {
  rule: string;
  name: string;
  method: string;
  path: string;
  body?: unknown;
  raw?: string;
  rawHex?: string;
  contentType?: string;
  oversize?: boolean;
  chunked?: boolean;
  sign?: boolean;
  status: number;
  message: string;
}

interface CliCase {
  rule: string;
  name: string;
  args: string[];
  output: string;
}

const files = readdirSync(corpusDir).filter((f) => f.endsWith(".json"));
const load = <T>(file: string) =>
  JSON.parse(readFileSync(corpusDir + file, "utf8")) as { route: string; cases: T[] };

/** `@repeat:x:5001`, `@array:note:51`, `@record:p:101` (README.md) */
function expand(value: unknown): unknown {
  if (typeof value === "string") {
    const [, kind, unit = "", count] = /^@(repeat|array|record):([^:]*):(\d+)$/.exec(value) ?? [];
    const n = Number(count);
    if (kind === "repeat") return unit.repeat(n);
    if (kind === "array") return Array.from({ length: n }, (_, i) => `${unit}${i + 1}`);
    if (kind === "record")
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${unit}${i + 1}`, "x"]));
    return value;
  }
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  return value;
}

/** Every row of every table of the test's schema, so "changes nothing" means nothing. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = current_schema() order by tablename",
  );
  const result: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await db.query<{ row: unknown }>(
      `select to_jsonb(t) as row from "${tablename}" t`,
    );
    result[tablename] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  return result;
}

async function startHub(open: () => Promise<Db>) {
  const db = await open();
  const hub = await createTestHub(db);
  const api = await serveApi(hub.ctx, "127.0.0.1", 0, { maxBodyBytes });
  afterThisTest(() => api.close());
  const customer = await createCustomer(hub.ctx, hub.admin, {
    firstName: "Ada",
    lastName: "Lovelace",
    contacts: [{ kind: "email", value: "ada@example.com" }],
    preferences: { "Ring size": "6" },
  });
  const integration = await addOfflineIntegration(hub);
  const { user } = await createUser(hub.ctx, hub.admin, {
    name: "Sam",
    email: "sam@example.com",
    role: "associate",
  });
  const ids: Record<string, string> = {
    customer: String(customer.id),
    integration: String(integration),
    user: String(user.id),
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (m, name: string) => ids[name] ?? m);
  return { db, hub, api, fill };
}

type Hub = Awaited<ReturnType<typeof startHub>>;

async function send(hub: Hub, c: HttpCase): Promise<{ status: number; message: string }> {
  let bytes: Buffer | undefined;
  if (c.oversize) {
    const filler = "x".repeat(maxBodyBytes + 1 - '{"firstName":""}'.length);
    bytes = Buffer.from(`{"firstName":"${filler}"}`);
  } else if (c.rawHex !== undefined) bytes = Buffer.from(c.rawHex, "hex");
  else if (c.raw !== undefined) bytes = Buffer.from(c.raw);
  else if (c.body !== undefined) bytes = Buffer.from(JSON.stringify(expand(c.body)));
  const headers: Record<string, string> = {
    authorization: `Bearer ${hub.hub.token}`,
    ...(bytes ? { "content-type": c.contentType ?? "application/json" } : {}),
  };
  if (c.sign && bytes) {
    const timestamp = String(Math.floor(hub.hub.clock.now().getTime() / 1000));
    headers["x-pos-timestamp"] = timestamp;
    // the offline integration's webhook secret (test/setup/hub.ts)
    headers["x-pos-signature"] = `v1=${signTimestamped("s", timestamp, bytes.toString("utf8"))}`;
  }
  const body =
    bytes && c.chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 8192)
              controller.enqueue(bytes.subarray(at, at + 8192));
            controller.close();
          },
        })
      : bytes;
  const response = await fetch(`${hub.api.url}${hub.fill(c.path)}`, {
    method: c.method,
    headers,
    ...(body ? { body, duplex: "half" } : {}),
  } as RequestInit);
  const text = await response.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    // not JSON: the test fails on the message below, showing the text
  }
  return { status: response.status, message };
}

function tandem(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "" } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          output: `${stdout}\n${stderr}`,
        }),
    );
  });
}

describe.each(engines)("the bad-input corpus on $name", (engine) => {
  for (const file of files.filter((f) => f !== "cli.json")) {
    const { route, cases } = load<HttpCase>(file);
    const rules = [...new Set(cases.map((c) => `${c.rule}:`))].join(" ");
    it(`${rules} ${route}: ${cases.length} bad requests (${file}) each get a clear 4xx and change nothing`, async () => {
      const hub = await startHub(engine.open);
      const before = await dump(hub.db);
      const failures: string[] = [];
      for (const c of cases) {
        const { status, message } = await send(hub, c);
        if (status !== c.status || !new RegExp(c.message).test(message))
          failures.push(`${c.name}: expected ${c.status} /${c.message}/, got ${status} ${message}`);
        const after = await dump(hub.db);
        for (const table of Object.keys(before))
          if (JSON.stringify(after[table]) !== JSON.stringify(before[table]))
            failures.push(`${c.name}: changed table ${table}`);
      }
      expect(failures).toEqual([]);
    });
  }

  const cli = load<CliCase>("cli.json");
  it(`R7.9: R7.10: R7.16: ${cli.route}: ${cli.cases.length} bad commands each exit non-zero, say what is wrong, and change nothing`, async () => {
    const hub = await startHub(engine.open);
    const before = await dump(hub.db);
    const failures: string[] = [];
    for (const c of cli.cases) {
      const args = ["customers", ...c.args.map(hub.fill)];
      const { code, output } = await tandem([
        ...args,
        "--api-url",
        hub.api.url,
        "--token",
        hub.hub.token,
      ]);
      if (code === 0) failures.push(`${c.name}: exited 0`);
      if (!new RegExp(c.output).test(output))
        failures.push(`${c.name}: expected /${c.output}/ in: ${output.trim()}`);
      if (JSON.stringify(await dump(hub.db)) !== JSON.stringify(before))
        failures.push(`${c.name}: changed the data`);
    }
    expect(failures).toEqual([]);
  });
});
