import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { acceptInvitation } from "../../src/services/sign-in.ts";
import { authenticate, bootstrapHub } from "../../src/services/users.ts";
import type { ServiceContext } from "../../src/services/service-context.ts";
import { openDatabase, type Db } from "../../src/store/database.ts";
import { migrate } from "../../src/store/migrate.ts";
import { afterThisTest } from "../setup/cleanup.ts";
import { freshPostgresSchema, testDatabaseUrl } from "../setup/database.ts";
import { manualClock } from "../setup/hub.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function tandem(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "", TANDEM_DATA_DIR: "" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A hub's store as `tandem serve` leaves it: a store, its admin and the admin's token. */
async function bootstrapped(db: Db) {
  await migrate(db);
  const ctx = { db, clock: manualClock(), log: silentLogger } as unknown as ServiceContext;
  const boot = await bootstrapHub(ctx, { storeName: "Shop", adminEmail: "owner@shop.test" });
  return { ctx, token: boot.token! };
}

const stores = [
  {
    name: "embedded",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "tandem-users-"));
      afterThisTest(async () => rmSync(dir, { recursive: true, force: true }));
      return { flags: ["--data-dir", dir], open: () => openDatabase({ dataDir: dir }) };
    },
  },
  ...(testDatabaseUrl
    ? [
        {
          name: "postgres",
          async open() {
            const { url } = await freshPostgresSchema();
            return { flags: ["--database-url", url], open: () => openDatabase({ url }) };
          },
        },
      ]
    : []),
];

describe.each(stores)("tandem users on the $name store", (store) => {
  it("R7.14: `tandem users token <email>` recovers a lost admin token on the store itself; the old token stops working; the last active admin stays", async () => {
    const { flags, open } = await store.open();
    let db = await open();
    const { token: lost } = await bootstrapped(db);
    await db.close();

    const last = await tandem(["users", "deactivate", "owner@shop.test", ...flags]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/^tandem users: .*last active admin.*add another admin first\n$/);
    const unknown = await tandem(["users", "revoke", "who@shop.test", ...flags]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no user has the email 'who@shop.test'/);

    const issued = await tandem(["users", "token", "OWNER@shop.test", ...flags]);
    expect(issued.code, issued.stderr).toBe(0);
    const token = /(tdm_\S+)/.exec(issued.stdout)?.[1];
    expect(token).toBeDefined();
    const listed = await tandem(["users", "list", ...flags]);
    expect(listed.stdout).toMatch(/owner@shop\.test +Administrator +admin +yes +20\d\d-/);

    db = await open();
    const ctx = { db } as ServiceContext;
    await expect(authenticate(ctx, token)).resolves.toMatchObject({ role: "admin" });
    await expect(authenticate(ctx, lost)).rejects.toThrow(/not valid/);
    await db.close();
  });

  it("issue 10: `tandem users invite <email>` makes a new user with the role and name given and prints an invitation they sign in with; an existing user is invited as they are", async () => {
    const { flags, open } = await store.open();
    let db = await open();
    await bootstrapped(db);
    await db.close();

    const bad = await tandem(["users", "invite", "sam@shop.test", "--role", "boss", ...flags]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role/);
    const made = await tandem([
      "users",
      "invite",
      "sam@shop.test",
      "--role",
      "manager",
      "--name",
      "Sam Lee",
      ...flags,
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Made sam@shop\.test, a manager \(user \d+\)\.\n/);
    const invitation = /(tdi_\S+)/.exec(made.stdout)?.[1];
    expect(invitation).toBeDefined();
    // --role is for a new user: an existing one keeps theirs
    const again = await tandem(["users", "invite", "sam@shop.test", "--role", "admin", ...flags]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already \(a manager\)/);
    const owner = await tandem(["users", "invite", "owner@shop.test", ...flags]);
    expect(owner.code, owner.stderr).toBe(0);
    expect(owner.stdout).toMatch(/^Invitation for owner@shop\.test/);

    db = await open();
    const ctx = { db, clock: systemClock, log: silentLogger } as unknown as ServiceContext;
    const signedIn = await acceptInvitation(ctx, {
      token: invitation!,
      password: "a long pass phrase",
    });
    expect(signedIn.user).toMatchObject({ name: "Sam Lee", role: "manager" });
    await db.close();
  });

  it("issue 10: `tandem stores add` makes another store with its admin, whose token reaches only that store; `users invite` then asks which store a new user is in", async () => {
    const { flags, open } = await store.open();
    let db = await open();
    await bootstrapped(db);
    await db.close();

    const added = await tandem(["stores", "add", "Second Shop", "bea@second.test", ...flags]);
    expect(added.code, added.stderr).toBe(0);
    const token = /(tdm_\S+)/.exec(added.stdout)?.[1];
    expect(added.stdout).toMatch(/^Store (\d+), Second Shop, with its admin bea@second\.test\./);
    const again = await tandem(["stores", "add", "Third", "bea@second.test", ...flags]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/adminEmail: a user with 'bea@second.test' exists already/);
    const badEmail = await tandem(["stores", "add", "Third", "not-an-email", ...flags]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/adminEmail/);
    const listed = await tandem(["stores", "list", ...flags]);
    expect(listed.stdout).toMatch(/1 +Shop .*\n2 +Second Shop +UTC +US +USD +1 +0/);

    const which = await tandem(["users", "invite", "kim@second.test", ...flags]);
    expect(which.code).toBe(2);
    expect(which.stderr).toMatch(/2 stores: say which .* --store <id>/);
    const invited = await tandem(["users", "invite", "kim@second.test", "--store", "2", ...flags]);
    expect(invited.code, invited.stderr).toBe(0);
    const users = await tandem(["users", "list", ...flags]);
    expect(users.stdout).toMatch(/\n2 +\d+ +kim@second\.test +kim +associate/);

    db = await open();
    const ctx = { db } as ServiceContext;
    await expect(authenticate(ctx, token!)).resolves.toMatchObject({ role: "admin", storeId: 2 });
    await db.close();
  });
});
