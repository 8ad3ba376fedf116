import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Connector, ConnectorSettings } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";
import { defineConnector, ManifestError, type Manifest } from "./manifest.ts";

const manifest = {
  kind: "toy",
  displayName: "Toy",
  records: ["customers"],
  feeds: ["poll"],
  webhookTimestamps: false,
  lookups: { email: true, number: false },
  writes: true,
  storesRef: false,
  conditionalWrites: true,
  idempotencyKeys: false,
  customerNumbers: "system",
  rateLimit: null,
  baseUrl: "required",
  credentials: z.strictObject({ token: z.string().min(8) }),
  generatedSecrets: [],
  options: z.strictObject({ pageSize: z.number().int().max(100).default(50) }),
  profile: "customers",
} satisfies Manifest<z.ZodObject, z.ZodObject, never>;

const parts = { source: {} as Connector["source"], sink: {} as Connector["sink"] };

const settings = (over: Partial<ConnectorSettings>): ConnectorSettings => ({
  baseUrl: "http://127.0.0.1:1",
  credentials: { token: "a-good-token" },
  connection: {},
  fieldMap: {},
  country: "US",
  ...over,
});

/** What `build` raised, or null when it built. */
const buildError = (over: Partial<ConnectorSettings>) => {
  try {
    defineConnector(manifest, () => parts).build(settings(over));
    return null;
  } catch (error) {
    return error;
  }
};

describe("R8.1: defineConnector", () => {
  it("R8.1: builds with stored settings that fit, the options' defaults applied", () => {
    let given: unknown;
    defineConnector(manifest, (s) => {
      given = s.connection;
      return parts;
    }).build(settings({}));
    expect(given).toEqual({ pageSize: 50 });
  });

  it.each([
    [{ credentials: { token: "short" } }, /toy: stored credentials do not fit: token: /],
    [{ credentials: {} }, /toy: stored credentials do not fit: token: /],
    [
      { credentials: { token: "a-good-token", apiKey: "x" } },
      /toy: stored credentials do not fit: \(root\): .*apiKey/,
    ],
    [{ connection: { pageSize: 500 } }, /toy: stored options do not fit: pageSize: /],
    [{ connection: { pageSize: 5, extra: true } }, /toy: stored options do not fit: .*extra/],
  ])(
    "R8.1: stored settings that do not fit are refused as invalid, naming the field (%j)",
    (over, message) => {
      const error = buildError(over);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: "invalid" });
      expect((error as Error).message).toMatch(message);
      // never the value
      expect((error as Error).message).not.toMatch(/short|a-good-token/);
    },
  );

  it("R8.1: a manifest under which a create cannot be made exactly once is refused", () => {
    const alone = {
      ...manifest,
      lookups: { email: false, number: false },
      idempotencyKeys: false,
    };
    expect(() => defineConnector(alone, () => parts)).toThrow(ManifestError);
    expect(() => defineConnector(alone, () => parts)).toThrow(/exactly once/);
    // any one way is enough
    const ways = [
      { ...alone, idempotencyKeys: true },
      { ...alone, lookups: { email: true, number: false } },
      {
        ...alone,
        customerNumbers: "ours" as const,
        lookups: { email: false, number: true },
        storesRef: true,
      },
      // a read-only source creates nothing
      { ...alone, writes: false },
    ];
    for (const way of ways) expect(() => defineConnector(way, () => parts)).not.toThrow();
    // numbers the hub picks and looks up, but the system drops our ref: not enough
    const noRef = { ...ways[2]!, storesRef: false };
    expect(() => defineConnector(noRef, () => parts)).toThrow(/exactly once/);
    const systemNumbers = { ...ways[2]!, customerNumbers: "system" as const };
    expect(() => defineConnector(systemNumbers, () => parts)).toThrow(/exactly once/);
  });

  it("R8.1: a manifest without feeds, or with webhook timestamps but no webhook, is refused", () => {
    expect(() => defineConnector({ ...manifest, feeds: [] }, () => parts)).toThrow(/feeds/);
    expect(() => defineConnector({ ...manifest, webhookTimestamps: true }, () => parts)).toThrow(
      /webhookTimestamps/,
    );
    const webhookOnly = { ...manifest, feeds: ["webhook" as const], webhookTimestamps: true };
    expect(() => defineConnector(webhookOnly, () => parts)).not.toThrow();
  });
});
