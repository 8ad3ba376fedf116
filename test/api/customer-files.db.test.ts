import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { createCustomer, listCustomers } from "../../src/services/customers.ts";
import { createIntegration } from "../../src/services/integrations.ts";
import { createUser } from "../../src/services/users.ts";
import { engines } from "../setup/database.ts";
import { createTestHub, drainInbox, type TestHub } from "../setup/hub.ts";

const header = "customer_number,first_name,last_name,email";

function api(hub: TestHub, limits = { maxBodyBytes: 1_048_576, maxFileBytes: 100_000 }) {
  const app = createApp(hub.ctx, limits);
  return async (
    method: string,
    path: string,
    body?: { text: string | ReadableStream<Uint8Array>; type: string; length?: number },
    token = hub.token,
  ) => {
    const response = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": body.type } : {}),
        ...(body?.length !== undefined ? { "content-length": String(body.length) } : {}),
      },
      ...(body ? { body: body.text, duplex: "half" } : {}),
    } as RequestInit);
    return { status: response.status, text: await response.text() };
  };
}

const csv = (text: string) => ({ text, type: "text/csv" });

async function fileIntegration(hub: TestHub) {
  return createIntegration(hub.ctx, hub.admin, {
    kind: "file",
    name: "Accounting export",
    options: { webhooks: false },
  });
}

const names = async (hub: TestHub) =>
  (await listCustomers(hub.ctx, hub.admin, { limit: 50 })).customers
    .map((c) => `${c.firstName} ${c.lastName}`)
    .sort();

describe.each(engines)("I3, I4: customer files through the API, on $name", (engine) => {
  it("I3: a file is the other side of a file integration; a newer file updates it, and a row that disappeared is reported, not deleted", async () => {
    const hub = await createTestHub(await engine.open());
    const { id } = await fileIntegration(hub);
    const call = api(hub);
    const first = await call(
      "POST",
      `/v1/integrations/${id}/import`,
      csv(`${header}\n1,Ada,Lovelace,ada@example.com\n2,Bob,King,bob@example.com\n3,Cy,Young,\n`),
    );
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toEqual({
      rows: 3,
      added: 3,
      changed: 0,
      unchanged: 0,
      gone: 0,
      goneNumbers: [],
    });
    await drainInbox(hub);
    expect(await names(hub)).toEqual(["Ada Lovelace", "Bob King", "Cy Young"]);
    // the newer file: Ada renamed, Bob the same, Cy gone, Dee new
    const second = await call(
      "POST",
      `/v1/integrations/${id}/import`,
      csv(`${header}\n1,Ada,Byron,ada@example.com\n2,Bob,King,bob@example.com\n4,Dee,Dale,\n`),
    );
    expect(JSON.parse(second.text)).toEqual({
      rows: 3,
      added: 1,
      changed: 1,
      unchanged: 1,
      gone: 1,
      goneNumbers: ["3"],
    });
    await drainInbox(hub);
    expect(await names(hub)).toEqual(["Ada Byron", "Bob King", "Cy Young", "Dee Dale"]);
    // the same file again changes nothing
    const again = await call(
      "POST",
      `/v1/integrations/${id}/import`,
      csv(`${header}\n1,Ada,Byron,ada@example.com\n2,Bob,King,bob@example.com\n4,Dee,Dale,\n`),
    );
    expect(JSON.parse(again.text)).toMatchObject({ added: 0, changed: 0, unchanged: 3, gone: 0 });
  });

  it("I3: a file with an error imports nothing, and says where each error is without the value", async () => {
    const hub = await createTestHub(await engine.open());
    const { id } = await fileIntegration(hub);
    const call = api(hub);
    const bad = await call(
      "POST",
      `/v1/integrations/${id}/import`,
      csv(
        `${header}\n1,Ada,Lovelace,ada@example.com\n2,Bob,King,bob@secret\n,Cy,Young,\n1,Dup,Row,\n`,
      ),
    );
    expect(bad.status).toBe(400);
    const message = (JSON.parse(bad.text) as { error: { message: string } }).error.message;
    expect(message).toBe(
      "row 3, column email: not an email address; row 4, column customer_number: required in a file integration (it is the row's identity in every file)",
    );
    expect(message).not.toContain("secret");
    // duplicates are found once every row is valid
    const dup = await call(
      "POST",
      `/v1/integrations/${id}/import`,
      csv(`${header}\n1,Ada,Lovelace,\n2,Bob,King,\n1,Dup,Row,\n`),
    );
    expect(JSON.parse(dup.text)).toMatchObject({
      error: { message: "row 4, column customer_number: the same number as row 2" },
    });
    await drainInbox(hub);
    expect(await names(hub)).toEqual([]);
    const [kept] = await hub.ctx.db.query<{ n: number }>(
      "select (select count(*) from file_rows)::int + (select count(*) from change_events where source = 'external')::int as n",
    );
    expect(kept!.n).toBe(0);
  });

  it("I3: an upload past --max-file-bytes is refused, by its Content-Length or as it streams", async () => {
    const hub = await createTestHub(await engine.open());
    const { id } = await fileIntegration(hub);
    const call = api(hub);
    const declared = await call("POST", `/v1/integrations/${id}/import`, {
      ...csv(header),
      length: 200_000,
    });
    expect(declared.status).toBe(413);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new TextEncoder().encode("9,Eve,Endless,eve@example.com\n".repeat(500));
        sent += chunk.length;
        controller.enqueue(sent === chunk.length ? new TextEncoder().encode(`${header}\n`) : chunk);
      },
    });
    const streamed = await call("POST", `/v1/integrations/${id}/import`, {
      text: endless,
      type: "text/csv",
    });
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(200_000);
    const json = await call("POST", `/v1/integrations/${id}/import`, {
      text: "{}",
      type: "application/json",
    });
    expect(json.status).toBe(415);
  });

  it("I3: a file goes only into a file integration", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const missing = await call("POST", "/v1/integrations/999/import", csv(`${header}\n`));
    expect(missing.status).toBe(404);
  });

  it("I4: the export lists every customer, formulas neutralised; associates may not export", async () => {
    const hub = await createTestHub(await engine.open());
    await createCustomer(hub.ctx, hub.admin, {
      firstName: '=HYPERLINK("http://evil.example")',
      lastName: "Plain",
      contacts: [
        { kind: "email", value: "a@example.com" },
        { kind: "email", value: "b@example.com" },
        { kind: "phone", value: "+1 212 555 0101" },
      ],
      preferences: { birthDate: "1980-04-01", Size: "6" },
    });
    await createCustomer(hub.ctx, hub.admin, { firstName: "Zoë", lastName: "-Minus" });
    const call = api(hub);
    const exported = await call("GET", "/v1/customers/export?format=csv");
    expect(exported.status).toBe(200);
    expect(exported.text.split("\r\n")).toEqual([
      // (the BOM is read past by text(); write-customer-file.test.ts checks it)
      "customer_number,first_name,last_name,email,email2,phone,birth_date,acquisition,custom:Size",
      `1,"'=HYPERLINK(""http://evil.example"")",Plain,a@example.com,b@example.com,'+1 212 555 0101,1980-04-01,,6`,
      "2,Zoë,'-Minus,,,,,,",
      "",
    ]);
    const xlsx = await call("GET", "/v1/customers/export?format=xlsx");
    expect(xlsx.status).toBe(200);
    const { token } = await createUser(hub.ctx, hub.admin, {
      name: "Ann",
      email: "ann@test.local",
      role: "associate",
    });
    expect((await call("GET", "/v1/customers/export", undefined, token!)).status).toBe(403);
  });

  it("I3: a file loaded into the hub: every row checked first, the rows the hub has left out and reported, the rest created once with their numbers; the same file again is refused", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const held = await createCustomer(hub.ctx, hub.admin, {
      firstName: "Held",
      lastName: "Already",
      contacts: [{ kind: "email", value: "held@example.com" }],
    });
    const tag = Math.random().toString(36).slice(2, 7);
    const file = [
      header,
      `C-${tag}-1,Ada,Lovelace,ada.${tag}@example.com`,
      `,Bob,King,bob.${tag}@example.com`,
      `C-${tag}-3,Cy,Young,HELD@example.com`,
      `${held.customerNumber},Dee,Dale,dee.${tag}@example.com`,
      `C-${tag}-5,Eve,Stone,`,
      "",
    ].join("\n");
    const counts = async () =>
      (
        await hub.ctx.db.query<{ clients: number; events: number }>(
          "select (select count(*) from clients)::int as clients, (select count(*) from change_events)::int as events",
        )
      )[0]!;

    // a file with an error loads nothing, and says where
    const before = await counts();
    const bad = await call("POST", "/v1/customers/import", csv(file + `C-${tag}-1,Again,Twice,\n`));
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/row 7, column customer_number: the same number as row 2/);
    const broken = await call(
      "POST",
      "/v1/customers/import",
      csv(`${header}\n1,Ada,Lovelace,not-an-email\n`),
    );
    expect(broken.status).toBe(400);
    expect(broken.text).toMatch(/row 2, column email/);
    expect(await counts()).toEqual(before);

    const loaded = await call("POST", "/v1/customers/import", csv(file));
    expect(loaded.status).toBe(202);
    const answer = JSON.parse(loaded.text) as {
      rows: number;
      queued: number;
      skipped: number;
      skippedRows: Array<{ row: number; reason: string }>;
      run: { id: number; side: string; total: number };
    };
    expect(answer).toMatchObject({ rows: 5, queued: 3, skipped: 2 });
    expect(answer.skippedRows).toEqual([
      { row: 4, reason: "email: a hub customer has this email already" },
      {
        row: 5,
        reason: `customer_number: ${held.customerNumber} is a hub customer's number already`,
      },
    ]);
    expect(answer.run).toMatchObject({ side: "file", total: 3 });
    await drainInbox(hub);
    const rows = await hub.ctx.db.query<{ first_name: string; customer_number: string }>(
      "select first_name, customer_number from clients order by id",
    );
    expect(rows.map((r) => r.first_name)).toEqual(["Held", "Ada", "Bob", "Eve"]);
    expect(rows.find((r) => r.first_name === "Ada")!.customer_number).toBe(`C-${tag}-1`);
    expect(rows.find((r) => r.first_name === "Eve")!.customer_number).toBe(`C-${tag}-5`);
    const run = await call("GET", `/v1/partner-runs/${answer.run.id}`);
    expect(JSON.parse(run.text)).toMatchObject({
      finished: true,
      progress: { done: 3, failed: 0, waiting: 0 },
    });

    // the same file again: refused, nothing created twice
    const again = await call("POST", "/v1/customers/import", csv(file));
    expect(again.status).toBe(409);
    expect(again.text).toMatch(/loaded into the hub already/);
    await drainInbox(hub);
    expect((await counts()).clients).toBe(4);
  });

  it("I3, S5: a file's numbers are its own: a row without one, created before a row holding the next number, draws past the file's numbers; a second file while the first is being loaded is refused", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const held = await createCustomer(hub.ctx, hub.admin, { firstName: "Held", lastName: "One" });
    const n = Number(held.customerNumber);
    const file = [header, ",Bob,King,bob@example.com", `${n + 1},Cy,Young,cy@example.com`, ""].join(
      "\n",
    );
    const loaded = await call("POST", "/v1/customers/import", csv(file));
    expect(loaded.status).toBe(202);
    const { run } = JSON.parse(loaded.text) as { run: { id: number } };
    // the first is not worked off yet: a second file could not see its rows
    const second = await call("POST", "/v1/customers/import", csv(`${file},Dee,Dale,\n`));
    expect(second.status).toBe(409);
    expect(second.text).toMatch(/an earlier file is still being loaded into the hub \(run \d+/);
    await drainInbox(hub);
    const rows = await hub.ctx.db.query<{ first_name: string; customer_number: string }>(
      "select first_name, customer_number from clients order by id",
    );
    expect(rows).toEqual([
      { first_name: "Held", customer_number: String(n) },
      { first_name: "Bob", customer_number: String(n + 2) },
      { first_name: "Cy", customer_number: String(n + 1) },
    ]);
    const view = JSON.parse((await call("GET", `/v1/partner-runs/${run.id}`)).text) as {
      progress: { done: number; failed: number };
      failures: unknown[];
    };
    expect(view.progress).toMatchObject({ done: 2, failed: 0 });
    expect(view.failures).toEqual([]);
    // worked off: the next file may come
    expect(
      (await call("POST", "/v1/customers/import", csv(`${header}\n,Dee,Dale,\n`))).status,
    ).toBe(202);
  });

  it("S6: a run's failures leave out a change that failed once and then succeeded", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const loaded = await call(
      "POST",
      "/v1/customers/import",
      csv(`${header}\nA1,Ada,Lovelace,ada@example.com\n`),
    );
    const { run } = JSON.parse(loaded.text) as { run: { id: number } };
    // a passing failure on the first attempt, as the engine records one, then the retry
    await hub.ctx.db.query(
      "update change_events set last_error = 'connection reset', attempts = 1 where run_id = $1",
      [run.id],
    );
    const failing = JSON.parse((await call("GET", `/v1/partner-runs/${run.id}`)).text) as {
      failures: Array<{ reason: string; final: boolean }>;
    };
    expect(failing.failures).toEqual([{ reason: "connection reset", final: false }]);
    await drainInbox(hub);
    const done = JSON.parse((await call("GET", `/v1/partner-runs/${run.id}`)).text) as {
      progress: { done: number };
      failures: unknown[];
    };
    expect(done.progress.done).toBe(1);
    expect(done.failures).toEqual([]);
  });

  it("I3: a file integration is read only: new, edited and synced hub customers queue nothing for it, and a partner there is refused with the reason; its rows still become hub customers", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const { id } = await fileIntegration(hub);
    const made = await createCustomer(hub.ctx, hub.admin, {
      firstName: "New",
      lastName: "Person",
      lifecycle: "active",
    });
    await call("POST", `/v1/integrations/${id}/import`, csv(`${header}\n1,Ada,Lovelace,\n`));
    await drainInbox(hub);
    const json = (text: string) => ({ text, type: "application/json" });
    const edited = await call("PATCH", `/v1/customers/${made.id}`, json('{"lastName":"Edited"}'));
    expect(edited.status).toBe(200);
    const synced = await call(
      "POST",
      `/v1/integrations/${id}/sync`,
      json(JSON.stringify({ customerIds: [made.id] })),
    );
    expect(synced.status).toBe(200);
    const partner = await call(
      "POST",
      `/v1/customers/${made.id}/partner-creation`,
      json(JSON.stringify({ integrationId: id })),
    );
    expect(partner.status).toBe(409);
    expect(partner.text).toMatch(/is read only \(a file integration\)/);
    const run = await call("POST", `/v1/integrations/${id}/partner-runs`, json('{"side":"hub"}'));
    expect(run.status).toBe(409);
    await drainInbox(hub);
    const jobs = await hub.ctx.db.query<{ kind: string }>("select kind from jobs");
    expect(jobs).toEqual([]);
    const links = await hub.ctx.db.query<{ client_id: number; status: string }>(
      "select client_id, status from links where integration_id = $1 order by id",
      [id],
    );
    // only the file's row, made a hub customer and synced; nothing for the hub's own customer
    expect(links).toHaveLength(1);
    expect(links[0]!.status).toBe("synced");
    expect(await names(hub)).toEqual(["Ada Lovelace", "New Edited"]);
  });

  it("R11.5: a preview checks a file as the import does and saves nothing; its problems come by row and column", async () => {
    const hub = await createTestHub(await engine.open());
    const call = api(hub);
    const tag = Date.now().toString(36);
    const file = `${header}\nP-${tag}-1,Pre,View,pre.${tag}@example.com\nP-${tag}-2,Pre,Two,\n`;
    const tables = async () =>
      (
        await hub.ctx.db.query<{ n: string }>(
          `select concat_ws('/', (select count(*) from clients), (select count(*) from change_events),
                  (select count(*) from partner_runs), (select count(*) from file_imports)) as n`,
        )
      )[0]!.n;
    const before = await tables();
    const preview = await call("POST", "/v1/customers/import-preview", csv(file));
    expect(preview.status).toBe(200);
    expect(JSON.parse(preview.text)).toEqual({ rows: 2, queued: 2, skipped: 0, skippedRows: [] });
    expect(await tables()).toBe(before);

    const broken = await call(
      "POST",
      "/v1/customers/import-preview",
      csv(`${header}\nP-${tag}-3,Ada,Lovelace,not-an-email\nP-${tag}-3,Bob,King,\n`),
    );
    expect(broken.status).toBe(400);
    const error = (JSON.parse(broken.text) as { error: { problems: unknown[]; total: number } })
      .error;
    expect(error.problems).toEqual([{ row: 2, column: "email", message: expect.any(String) }]);
    expect(error.total).toBe(1);
    expect(await tables()).toBe(before);

    // the same file then loads, as the preview said
    const loaded = await call("POST", "/v1/customers/import", csv(file));
    expect(loaded.status).toBe(202);
    expect(JSON.parse(loaded.text)).toMatchObject({ rows: 2, queued: 2 });
  });
});
