import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "./store-error.ts";

/**
 * AES-256-GCM for connector credentials at rest. Sealed text is "v1.<iv>.<tag>.<ciphertext>",
 * base64url parts, so a future key rotation can add v2 beside it.
 */
export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"));
  return `v1.${parts.join(".")}`;
}

export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined)
    throw new StoreError("secret_key", "credentials are not sealed by this version of Tandem");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new StoreError(
      "secret_key",
      "credentials cannot be decrypted: this process's secret key (TANDEM_SECRET_KEY) is not the one they were sealed with; start it with the key the hub was set up with (see docs/operations.md)",
    );
  }
}

/**
 * The key comes from TANDEM_SECRET_KEY (32 bytes, base64 or hex). The embedded store may instead
 * keep one in its data directory (mode 0600), created on first start. A PostgreSQL deployment must
 * set the variable, so that every worker on every machine has the same key.
 */
export function loadSecretKey(options: {
  secretKey?: string | undefined;
  dataDir?: string | undefined;
}): Buffer {
  if (options.secretKey) return parseKey(options.secretKey, "TANDEM_SECRET_KEY");
  if (!options.dataDir)
    throw new StoreError(
      "secret_key",
      "TANDEM_SECRET_KEY (--secret-key) is required with DATABASE_URL: 32 bytes, base64 (openssl rand -base64 32); see docs/operations.md",
    );
  const file = join(options.dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return parseKey(readFileSync(file, "utf8").trim(), file);
}

function parseKey(text: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32)
    throw new StoreError("secret_key", `${where}: the secret key must be 32 bytes (base64 or hex)`);
  return key;
}
