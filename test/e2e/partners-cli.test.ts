import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eventually, httpClient, startTandem } from "../setup/processes.ts";

// The partner commands (S7, S8, S9) as a person runs them: `tandem partners ...` and
// `tandem exclude ...` processes against a running hub (embedded store) and the reference POS.

const root = fileURLToPath(new URL("../../", import.meta.url));
const posKey = "e2e-partners-key-1";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const tandem = (args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "", TANDEM_LOG_LEVEL: "warn", ...env },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** A failure a person can act on: the exit code, and the last stderr line says what to do. */
function expectOneLine(result: Run, code: number, message: RegExp) {
  expect(result.code, result.stderr).toBe(code);
  const last = result.stderr.trim().split("\n").at(-1);
  expect(last).toMatch(/^tandem: /);
  expect(last).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at |TypeError|unexpected error/);
}

const people = [
  {
    firstName: "Robert",
    lastName: "Smith",
    phone: "(212) 555-0101",
    email: "bob.smith@example.com",
  },
  { firstName: "Karen", lastName: "Olsen", phone: "(312) 555-0199", email: "karen@example.com" },
  { firstName: "Ada", lastName: "Lovelace", phone: "(415) 555-0123", email: "ada@example.com" },
];

/**
 * The hub and the reference POS, the POS holding the people and the hub holding them too (made
 * before the integration, and never pushed), so each has a likely partner on the other side.
 */
async function hubWithPartnersToFind() {
  const pos = startTandem(["pos-sim", "--pos-port", "0", "--pos-api-key", posKey]);
  const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
  const posApi = httpClient(posUrl, posKey);
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-partners-"));
  const hub = startTandem(["serve", "--port", "0", "--data-dir", dataDir]);
  const hubUrl = (await hub.waitFor(/Tandem API listening on (http:\/\/\S+)/))[1]!;
  const token = (await hub.waitFor(/Admin API token \(shown once\): (\S+)/))[1]!;
  const hubApi = httpClient(hubUrl, token);

  const externalIds: string[] = [];
  const hubIds: number[] = [];
  for (const p of people) {
    const made = await posApi<{ id: string }>("POST", "/staff/customers", {
      firstName: p.firstName === "Robert" ? "Bob" : p.firstName,
      lastName: p.lastName,
      contacts: [
        { type: "phone", value: p.phone.replace(/[()]/g, "").replace(" ", "-") },
        { type: "email", value: p.email },
      ],
    });
    externalIds.push(made.body.id);
    const client = await hubApi<{ id: number }>("POST", "/v1/customers", {
      firstName: p.firstName,
      lastName: p.lastName,
      contacts: [
        { kind: "phone", value: p.phone },
        { kind: "email", value: p.email },
      ],
    });
    expect(client.status).toBe(201);
    hubIds.push(client.body.id);
  }
  const created = await hubApi<{ id: number }>("POST", "/v1/integrations", {
    kind: "pos",
    name: "Reference POS",
    baseUrl: posUrl,
    apiKey: posKey,
    options: {
      syncMode: "selected",
      pushNewCustomers: false,
      webhooks: false,
      pollIntervalSeconds: 1,
    },
  });
  expect(created.status).toBe(201);
  const integration = created.body.id;
  await eventually(
    async () => {
      const { body } = await hubApi<{ suggestions: unknown[] }>(
        "GET",
        `/v1/integrations/${integration}/partner-suggestions`,
      );
      return body.suggestions.length === people.length ? true : undefined;
    },
    60_000,
    "the POS customers to be recorded and suggested",
  );
  return {
    hubApi,
    integration,
    hubIds,
    externalIds,
    posApi,
    env: { TANDEM_API_URL: hubUrl, TANDEM_TOKEN: token },
  };
}

describe("tandem partners and tandem exclude, against a running hub", () => {
  it("S8: partners suggest prints every suggestion (hub id, hub number, external id, external number, score, reasons) as a table, JSON or CSV; link --from-file links what is left in the CSV, with progress lines, and --all-above the rest", async () => {
    const { integration, hubIds, externalIds, env } = await hubWithPartnersToFind();
    const flags = ["--integration", String(integration)];

    const table = await tandem(["partners", "suggest", ...flags], env);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^HUB ID +HUB NO +EXTERNAL ID +EXTERNAL NO +SCORE +REASONS$/);
    for (const [i, hubId] of hubIds.entries())
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${hubId} +\\d+ +${externalIds[i]} +\\S+ +(0|1)\\.\\d{4} +.*same phone`),
        ),
      );
    expect(lines.at(-1)).toBe("3 suggestions; link them with tandem partners link");

    const json = await tandem(["partners", "suggest", ...flags, "--format", "json"], env);
    const suggestions = JSON.parse(json.stdout) as Array<{
      clientId: number;
      externalId: string;
      score: number;
    }>;
    expect(suggestions.map((s) => [s.clientId, s.externalId]).sort()).toEqual(
      hubIds.map((id, i) => [id, externalIds[i]]).sort(),
    );

    const csv = await tandem(["partners", "suggest", ...flags, "--format", "csv"], env);
    expect(csv.code, csv.stderr).toBe(0);
    const [head, ...rows] = csv.stdout.trimEnd().split("\n");
    expect(head).toBe("hub_id,hub_number,external_id,external_number,score,reasons");
    expect(rows).toHaveLength(3);
    // a person reviews the file and keeps two of the three pairs
    const kept = rows.filter((r) => !r.startsWith(`${hubIds[2]},`));
    const file = join(mkdtempSync(join(tmpdir(), "tandem-s8-")), "suggestions.csv");
    writeFileSync(file, [head, ...kept].join("\n") + "\n");
    const linked = await tandem(["partners", "link", ...flags, "--from-file", file], env);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout.trimEnd().split("\n")[0]).toMatch(/^HUB ID +EXTERNAL ID +RESULT$/);
    for (const i of [0, 1])
      expect(linked.stdout).toMatch(
        new RegExp(`^${hubIds[i]} +${externalIds[i]} +(synced|conflict)$`, "m"),
      );
    expect(linked.stdout).toMatch(/^2 linked.*, 0 not linked$/m);
    // not a terminal: progress comes as plain lines on stderr, stdout holds only the result
    expect(linked.stderr).toContain("linked 2/2, 0 failed\n");

    const rest = await tandem(["partners", "link", ...flags, "--all-above", "0.5", "--json"], env);
    expect(rest.code, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout)).toEqual([
      expect.objectContaining({ clientId: hubIds[2], externalId: externalIds[2], error: null }),
    ]);
    const none = await tandem(["partners", "suggest", ...flags], env);
    expect(none.stdout.trimEnd().split("\n").at(-1)).toBe(
      "0 suggestions; link them with tandem partners link",
    );
  });

  it("S7: partners link pairs two customers by hand; a pair that cannot be made says why and exits 1; many pairs go in calls of at most 1,000, each pair answered; an unknown integration is one line", async () => {
    const { integration, hubIds, externalIds, env } = await hubWithPartnersToFind();
    const flags = ["--integration", String(integration)];

    const one = await tandem(
      ["partners", "link", ...flags, String(hubIds[0]), externalIds[0]!],
      env,
    );
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(
      new RegExp(`^${hubIds[0]} +${externalIds[0]} +(synced|conflict)$`, "m"),
    );
    expect(one.stderr).toBe(""); // one pair: no progress

    // the same hub customer again, with another record: refused with the hub's reason
    const again = await tandem(
      ["partners", "link", ...flags, String(hubIds[0]), externalIds[1]!],
      env,
    );
    expect(again.stdout).toMatch(
      new RegExp(`^${hubIds[0]} +${externalIds[1]} +not linked: .+`, "m"),
    );
    expect(again.stdout).toMatch(/^0 linked, 1 not linked$/m);
    expectOneLine(again, 1, /1 of 1 pair was not linked; the reasons are above$/);

    // 1,001 pairs: more than one call may carry; the two real pairs among them are linked, the
    // others (no such hub customer) are each answered with the reason
    const file = join(mkdtempSync(join(tmpdir(), "tandem-s7-")), "pairs.csv");
    const lines = ["hub_id,external_id"];
    lines.push(`${hubIds[1]},${externalIds[1]}`);
    for (let i = 0; i < 999; i++) lines.push(`${900_000 + i},c_nobody_${i}`);
    lines.push(`${hubIds[2]},${externalIds[2]}`);
    writeFileSync(file, lines.join("\n"));
    const many = await tandem(["partners", "link", ...flags, "--from-file", file, "--json"], env);
    const results = JSON.parse(many.stdout) as Array<{
      clientId: number;
      status: string | null;
      error: { message: string } | null;
    }>;
    expect(results).toHaveLength(1001);
    expect(results.filter((r) => r.error === null).map((r) => r.clientId)).toEqual([
      hubIds[1],
      hubIds[2],
    ]);
    expect(results[1]!.error!.message).toMatch(/900000/);
    // the first call's line comes at once, the last one's always
    expect(many.stderr).toContain("linked 250/1001, 249 failed\n");
    expect(many.stderr).toContain("linked 1001/1001, 999 failed\n");
    expectOneLine(many, 1, /999 of 1001 pairs were not linked/);

    expectOneLine(
      await tandem(["partners", "link", "--integration", "999", "1", "c_1"], env),
      1,
      /the hub refused POST \/v1\/integrations\/999\/partners: 404 integration 999 does not exist$/,
    );
    expectOneLine(
      await tandem(["partners", "suggest", "--integration", "999"], env),
      1,
      /the hub refused GET \/v1\/integrations\/999\/partner-suggestions: 404 integration 999 does not exist$/,
    );
  });

  it("S9: exclude customer and exclude external exclude either side and lift it; an excluded customer is not suggested; an unknown integration is one line", async () => {
    const { hubApi, integration, hubIds, externalIds, env } = await hubWithPartnersToFind();
    const flags = ["--integration", String(integration)];
    const suggested = async () =>
      (
        await hubApi<{ suggestions: Array<{ clientId: number; externalId: string }> }>(
          "GET",
          `/v1/integrations/${integration}/partner-suggestions`,
        )
      ).body.suggestions.map((s) => s.externalId);

    const hubSide = await tandem(["exclude", "customer", String(hubIds[0]), ...flags], env);
    expect(hubSide.code, hubSide.stderr).toBe(0);
    expect(hubSide.stdout).toBe(
      `Customer ${hubIds[0]}: excluded from integration ${integration}; nothing is created, matched or updated for it there.\n`,
    );
    const otherSide = await tandem(["exclude", "external", externalIds[1]!, ...flags], env);
    expect(otherSide.code, otherSide.stderr).toBe(0);
    expect(otherSide.stdout).toMatch(new RegExp(`^${externalIds[1]}: excluded from integration`));
    expect(await suggested()).toEqual([externalIds[2]]);

    const json = await tandem(
      ["exclude", "external", externalIds[1]!, ...flags, "--lift", "--json"],
      env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ externalId: externalIds[1], clientId: null });
    const lifted = await tandem(
      ["exclude", "customer", String(hubIds[0]), ...flags, "--lift"],
      env,
    );
    expect(lifted.stdout).toBe(
      `Customer ${hubIds[0]}: syncs with integration ${integration} again (status unlinked).\n`,
    );
    expect((await suggested()).sort()).toEqual([...externalIds].sort());

    expectOneLine(
      await tandem(["exclude", "customer", String(hubIds[0]), "--integration", "999"], env),
      1,
      /the hub refused PUT \/v1\/customers\/\d+\/exclusion: 404 integration 999 does not exist$/,
    );
    expectOneLine(
      await tandem(["exclude", "external", "c_nobody", ...flags], env),
      1,
      /the hub refused PUT \/v1\/integrations\/\d+\/external-customers\/c_nobody\/exclusion: 404 /,
    );
  });

  it("S5, S6, S10: partners plan shows what a run would do without writing; partners create makes one customer's partner and --all a whole side's, with progress; one already paired says why and exits 1", async () => {
    const { hubApi, posApi, integration, hubIds, externalIds, env } = await hubWithPartnersToFind();
    const flags = ["--integration", String(integration)];
    const fresh: Array<{ id: string; number: string }> = [];
    for (const name of ["Grace", "Linus"])
      fresh.push(
        (
          await posApi<{ id: string; number: string }>("POST", "/staff/customers", {
            firstName: name,
            lastName: "Newcomer",
            contacts: [{ type: "email", value: `${name.toLowerCase()}@newcomer.example` }],
          })
        ).body,
      );
    const recorded = async () =>
      (
        await hubApi<{ customers: unknown[] }>(
          "GET",
          `/v1/integrations/${integration}/external-customers?status=unlinked`,
        )
      ).body.customers.length;
    await eventually(
      async () => ((await recorded()) === 5 ? true : undefined),
      60_000,
      "the newcomers recorded",
    );
    const clients = async () =>
      (await hubApi<{ customers: unknown[] }>("GET", "/v1/customers?limit=100")).body.customers
        .length;

    const plan = await tandem(["partners", "plan", ...flags], env);
    expect(plan.code, plan.stderr).toBe(0);
    // the three people share their emails across the sides; Bob/Robert differ in first name
    expect(plan.stdout).toContain(
      "2 customers will be created here, 0 there, 3 linked, 1 start in conflict, 0 excluded.\nNothing was written.",
    );
    const conflicts = await tandem(["partners", "plan", ...flags, "--list", "conflicts"], env);
    expect(conflicts.stdout).toMatch(
      new RegExp(`^hub customer +${hubIds[0]} .*${externalIds[0]}`, "m"),
    );
    expect(await clients()).toBe(3);

    const one = await tandem(
      ["partners", "create", ...flags, "external", fresh[0]!.id, "--number", "next"],
      env,
    );
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^hub customer: +\d+ \(number \d+\)$/m);
    expect(one.stdout).toMatch(new RegExp(`^partner: +${fresh[0]!.id} \\(synced\\)$`, "m"));
    expect(await clients()).toBe(4);

    const all = await tandem(["partners", "create", ...flags, "--all", "--side", "external"], env);
    expect(all.code, all.stderr).toBe(0);
    // 4 left: Linus made a hub customer (keeping his POS number), the three paired by email
    expect(all.stdout).toMatch(/^run \d+: 4 of 4 done, 0 not$/m);
    expect(all.stderr).toMatch(/hub customers made 4\/4, 0 failed\n$/);
    expect(await clients()).toBe(5);
    const linus = await hubApi<{ customers: Array<{ customerNumber: string }> }>(
      "GET",
      `/v1/customers?q=${fresh[1]!.number}`,
    );
    expect(linus.body.customers).toHaveLength(1);

    const twice = await tandem(["partners", "create", ...flags, "hub", String(hubIds[1])], env);
    expectOneLine(twice, 1, /already has a partner in integration/);
    const none = await tandem(["partners", "create", ...flags, "--all", "--side", "hub"], env);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/^run \d+: 0 of 0 done, 0 not/m);
  });

  it("S8: bad input is told before any hub is asked, naming what and where, with exit code 2", async () => {
    // no hub listens here: each of these must fail on its arguments first
    const env = { TANDEM_API_URL: "http://127.0.0.1:9", TANDEM_TOKEN: "tdm_x" };
    const file = join(mkdtempSync(join(tmpdir(), "tandem-bad-")), "s.csv");
    writeFileSync(file, 'hub_id,external_id\n12,c_1\n13,"c_2\n');
    const cases: Array<[string[], RegExp]> = [
      [["partners", "suggest", "--integraton", "1"], /Unknown option '--integraton'/],
      [
        ["partners", "suggest"],
        /partners suggest: --integration \(or TANDEM_INTEGRATION\) is required/,
      ],
      [
        ["partners", "suggest", "--integration", "one"],
        /--integration \(or TANDEM_INTEGRATION\): must be an integration id/,
      ],
      [
        ["partners", "suggest", "--integration", "1", "--format", "xml"],
        /--format \(or TANDEM_FORMAT\): .*got 'xml'/,
      ],
      [
        ["partners", "link", "--integration", "1", "--all-above", "1.5"],
        /^tandem: --all-above: must be a score from 0 to 1, like 0\.95 \(got '1\.5'\)$/,
      ],
      [
        ["partners", "link", "--integration", "1", "--from-file", file],
        /s\.csv line 3: not valid CSV: Quote Not Closed/,
      ],
      [
        ["partners", "link", "--integration", "1", "--from-file", `${file}.missing`],
        /--from-file: cannot read '.*s\.csv\.missing': no such file$/,
      ],
      [
        ["partners", "link", "--integration", "1"],
        /partners link: give a pair \(<hub id> <external id>\), --from-file <csv> or --all-above <score>$/,
      ],
      [
        ["partners", "link", "--integration", "1", "--all-above", "0.9", "12", "c_1"],
        /partners link: give one of them, not a pair and --all-above/,
      ],
      [
        ["partners", "link", "--integration", "1", "x12", "c_1"],
        /argument 1 \(the hub customer id\) must be a plain decimal integer like 12, got 'x12'/,
      ],
      [
        ["partners", "merge"],
        /partners: unknown action 'merge': use suggest, link, create or plan$/,
      ],
      [
        ["partners", "create", "--integration", "1", "--all"],
        /partners create --all: --side hub .* or --side external .* is required$/,
      ],
      [
        ["partners", "create", "--integration", "1", "--all", "--side", "hub", "--number", "77"],
        /--number is keep or next for many customers .*got '77'/,
      ],
      [
        ["partners", "create", "--integration", "1", "customer", "12"],
        /argument 1 is hub or external .*got 'customer'/,
      ],
      [
        ["partners", "create", "--integration", "1", "hub", "twelve"],
        /argument 2 \(the hub customer id\) must be a plain decimal integer like 12, got 'twelve'/,
      ],
      [["partners", "create", "--integration", "1", "hub"], /argument 2 .* is missing$/],
      [
        ["partners", "create", "--integration", "1", "--side", "hub", "hub", "12"],
        /--side goes with --all/,
      ],
      [["partners", "plan", "--integration", "1", "--list", "all"], /--list: .*got 'all'/],
      [
        ["partners", "plan", "--integration", "1", "--number", "12"],
        /--number is keep or next for a plan/,
      ],
      [
        ["partners", "suggest", "--integration", "1", "--all"],
        /partners suggest: --all is for partners create/,
      ],
      [["exclude", "client", "12"], /exclude: unknown kind 'client': use customer/],
      [
        ["exclude", "customer", "12"],
        /exclude customer: --integration \(or TANDEM_INTEGRATION\) is required/,
      ],
      [
        ["exclude", "customer", "c_1", "--integration", "1"],
        /argument 1 \(the hub customer id\) must be a plain decimal integer/,
      ],
      [["exclude", "customer", "12", "--integration", "1", "--lift=yes"], /--lift/],
    ];
    for (const [args, message] of cases) expectOneLine(await tandem(args, env), 2, message);
    expect(readFileSync(file, "utf8")).toContain("hub_id"); // the file is only read
  });
});
