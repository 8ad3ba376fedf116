import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { createLogger, redactError } from "../../src/log.ts";
import { hashToken } from "../../src/store/users-table.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

/** A hub whose log lines are kept, written by the logger `tandem serve` uses. */
async function hubWithLog(open: () => ReturnType<(typeof engines)[number]["open"]>) {
  const db = await open();
  const hub = await createTestHub(db);
  const lines: string[] = [];
  hub.ctx.log = createLogger("info", "tandem", { write: (line: string) => lines.push(line) });
  const app = createApp(hub.ctx);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { db, hub, call, log: () => lines.join("") };
}

describe.each(engines)("what the server logs on $name", (engine) => {
  it("R7.9: a failing request logs a redacted error: code and place, no customer data or SQL parameters", async () => {
    const { db, hub, call, log } = await hubWithLog(engine.open);
    const planted = `Planted-${randomUUID()}`;
    const email = `${randomUUID()}@planted.example`;
    // the database refuses this one value, as it would refuse a value for any reason of its own
    await db.exec(
      `alter table clients add constraint refuses_planted check (last_name <> '${planted}')`,
    );
    const response = await call("POST", "/v1/customers", hub.token, {
      firstName: "Ada",
      lastName: planted,
      contacts: [{ kind: "email", value: email }],
    });
    expect(response.status).toBe(500);
    const answer = await response.text();
    expect(answer).toContain("internal error");
    const logged = log();
    // the failure is logged, with what an operator needs to find it
    expect(logged).toContain("request failed");
    expect(logged).toContain('"code":"23514"');
    expect(logged).toContain('"constraint":"refuses_planted"');
    expect(logged).toContain("/v1/customers");
    // and nothing of the customer: not in parameters, detail, message or anywhere
    for (const secret of [planted, email, email.split("@")[0]!])
      expect(logged.includes(secret), `log holds ${secret}`).toBe(false);
    expect(answer.includes(planted)).toBe(false);
  });

  it("R7.9: a failing token check logs neither the token nor its hash (token_hash)", async () => {
    const { db, hub, call, log } = await hubWithLog(engine.open);
    await db.exec("alter table users rename column token_hash to token_digest");
    const response = await call("GET", "/v1/customers", hub.token);
    expect(response.status).toBe(500);
    const logged = log();
    expect(logged).toContain('"code":"42703"');
    expect(logged.includes(hub.token)).toBe(false);
    expect(logged.includes(hashToken(hub.token))).toBe(false);
    expect(logged.includes(hub.token.slice(4, 20))).toBe(false);
  });
});

describe("the error serializer", () => {
  it("R7.9: keeps the names of the database objects that failed, and drops quoted values", () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: "23505",
        constraint: "users_email_key",
        table: "users",
        detail: "Key (email)=(ada@example.com) already exists.",
        params: ["ada@example.com", "tdm_secret"],
      },
    );
    const redacted = redactError(error);
    expect(redacted).toMatchObject({
      code: "23505",
      message: 'duplicate key value violates unique constraint "users_email_key"',
      where: { constraint: "users_email_key", table: "users" },
    });
    expect(JSON.stringify(redacted)).not.toMatch(/ada@example|tdm_secret|Key \(email\)/);
    const syntax = redactError(new Error('invalid input syntax for type integer: "4111-1111"'));
    expect(syntax.message).toBe('invalid input syntax for type integer: "…"');
    expect(redactError(new Error("no user ada@example.com")).message).toBe("no user …@…");
  });
});
