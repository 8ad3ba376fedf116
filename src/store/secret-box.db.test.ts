import { createDecipheriv, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { createTestHub } from "../../test/setup/hub.ts";
import { integrationOptionsSchema } from "../domain/integration-options.ts";
import { insertIntegration, readCredentials } from "./integrations-table.ts";
import { loadSecretKey } from "./secret-box.ts";
import { StoreError } from "./store-error.ts";

/** AES-256-GCM as docs/architecture.md states it, with node:crypto alone: not our own unseal. */
function openWith(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  expect(version).toBe("v1");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv!, "base64url"));
  decipher.setAuthTag(Buffer.from(tag!, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data!, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

describe.each(engines)("credentials at rest on $name", (engine) => {
  it("I1: the integrations table holds the credentials sealed with the configured key: that key opens them, another does not, the bytes hold no secret, two seals differ", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const key = hub.ctx.secretKey;
    const credentials = {
      apiKey: `pos-key-${randomBytes(12).toString("hex")}`,
      webhookSecret: `whsec-${randomBytes(12).toString("hex")}`,
    };
    const add = () =>
      insertIntegration(db, key, {
        storeId: hub.admin.storeId,
        kind: "pos",
        profile: "pos",
        name: "POS",
        baseUrl: "http://127.0.0.1:1",
        credentials,
        options: integrationOptionsSchema.parse({}),
        now: hub.clock.now(),
      });
    const first = await add();
    const second = await add();
    const rows = await db.query<{ id: number; credentials: string }>(
      "select id, credentials from integrations where id in ($1, $2) order by id",
      [first, second],
    );
    const [a, b] = rows.map((r) => r.credentials);

    // the configured key opens the raw column, by the book
    expect(JSON.parse(openWith(key, a!))).toEqual(credentials);
    expect(JSON.parse(openWith(key, b!))).toEqual(credentials);
    // another key does not, neither by the book nor through the table's reader
    const other = randomBytes(32);
    expect(() => openWith(other, a!)).toThrow();
    expect(() => openWith(Buffer.alloc(32), a!)).toThrow();
    const refused = await readCredentials(db, first, other).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe("secret_key");

    // no secret in the stored bytes, in any usual encoding
    for (const secret of Object.values(credentials))
      for (const encoded of [
        secret,
        Buffer.from(secret).toString("base64"),
        Buffer.from(secret).toString("base64url"),
        Buffer.from(secret).toString("hex"),
      ]) {
        expect(a).not.toContain(encoded);
        expect(b).not.toContain(encoded);
      }
    // a fresh nonce per seal: the same credentials never seal to the same text
    expect(a).not.toBe(b);
    expect(a!.split(".")[1]).not.toBe(b!.split(".")[1]);
  });
});

describe("the embedded store's key file", () => {
  it("I1: is made once, 0600 whatever the umask, and read back as the same key", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tandem-key-")), "data");
    const umask = process.umask(0);
    let key: Buffer;
    try {
      key = loadSecretKey({ dataDir });
    } finally {
      process.umask(umask);
    }
    expect(statSync(join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(key).toHaveLength(32);
    expect(loadSecretKey({ dataDir }).equals(key)).toBe(true);
    expect(Buffer.from(readFileSync(join(dataDir, "secret.key"), "utf8"), "base64")).toEqual(key);
    // a configured key wins over the file
    const configured = randomBytes(32);
    expect(loadSecretKey({ dataDir, secretKey: configured.toString("base64") })).toEqual(
      configured,
    );
  });
});
