import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ProfileName } from "../../domain/policy.ts";
import type { Connector, ConnectorSettings } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";
import { createRateBudget } from "./rate-budget.ts";
import { withReadBeforeWrite } from "./read-before-write.ts";

/** The kinds of record a system can hold for the hub (R8.1). */
export type ManifestRecord = "customers" | "notes" | "wishes" | "sales" | "inventory" | "activity";

/** How changes reach the hub: a webhook, a feed polled with a cursor, or a full scan (files). */
export type FeedKind = "webhook" | "poll" | "fullScan";

/**
 * R8.1: what a system has, declared once. The hub reads the manifest to know what it may ask of the
 * connector (a lookup by email, a webhook), what the kit must do for it (read before writing, pace
 * its requests), which profile (domain/policy.ts) decides for its fields, and how its settings are
 * checked. The contract suite (connector-contract.ts) runs exactly what the manifest claims.
 */
export interface Manifest<
  Credentials extends z.ZodObject = z.ZodObject,
  Options extends z.ZodObject = z.ZodObject,
  Secret extends string = string,
> {
  kind: string;
  displayName: string;
  records: readonly ManifestRecord[];
  feeds: readonly FeedKind[];
  /**
   * where feeds has "webhook": a delivery carries a signed timestamp, so the connector refuses a
   * stale one as a replay (the contract suite then tests the replay window); false without webhooks
   */
  webhookTimestamps: boolean;
  lookups: { email: boolean; number: boolean };
  /** whether the hub may create and update customers there; false for a read-only source (a file) */
  writes: boolean;
  /**
   * a customer created with a `ref` ("tandem:<hub client id>") keeps it and gives it back
   * (ExternalCustomer.ref): a create whose answer was lost is then recognised as ours by number
   */
  storesRef: boolean;
  /** refuses a write whose expectations do not hold; otherwise the kit reads before it writes */
  conditionalWrites: boolean;
  /** a write repeated with the same idempotency key is done once */
  idempotencyKeys: boolean;
  /** S5: who picks a new customer's number: the system, or the hub (then it asks for one) */
  customerNumbers: "system" | "ours";
  /** the documented limit the kit paces requests to (rate-budget.ts); null: none documented */
  rateLimit: { requestsPerSecond: number; burst: number } | null;
  /** whether an integration of this kind is reached at an http(s) base URL */
  baseUrl: "required" | "none";
  /** what an admin gives to sign in (strict: an unknown field is refused by name) */
  credentials: Credentials;
  /** secrets the hub makes for the system when the integration is created (a webhook's signing secret) */
  generatedSecrets: readonly Secret[];
  /** the connector's own settings beside the hub's integration options (strict) */
  options: Options;
  /** the profile (domain/policy.ts) that decides for this system's fields and records */
  profile: ProfileName;
}

/** A connector kind: its manifest and how to build one from checked settings. */
export interface ConnectorDefinition {
  manifest: Manifest;
  /** checks the stored credentials and options with the manifest's schemas, then builds */
  build(settings: ConnectorSettings): Connector;
  /** the credentials to store for a new integration: what the admin gave and the generated secrets */
  newCredentials(given: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Declares a connector. The kit adds what no connector writes itself: the settings are checked
 * with the manifest's schemas before the connector sees them, a rate budget paces it to the
 * manifest's limit (give `settings.budget` to http-client.ts), and a system without conditional
 * writes gets read-before-write.
 */
export function defineConnector<
  C extends z.ZodObject,
  O extends z.ZodObject,
  S extends string = never,
>(
  manifest: Manifest<C, O, S>,
  create: (settings: ConnectorSettings<z.infer<C> & Record<S, string>, z.infer<O>>) => {
    source: Connector["source"];
    sink: Connector["sink"];
    webhook?: Connector["webhook"];
  },
): ConnectorDefinition {
  checkManifest(manifest);
  const stored = manifest.credentials.extend(
    Object.fromEntries(manifest.generatedSecrets.map((name) => [name, z.string().min(1)])),
  );
  return {
    manifest: manifest as unknown as Manifest,
    build(settings) {
      const credentials = stored.safeParse(settings.credentials);
      if (!credentials.success)
        throw new ConnectorError(
          "invalid",
          `${manifest.kind}: stored credentials do not fit: ${issue(credentials)}`,
        );
      const connection = manifest.options.safeParse(settings.connection ?? {});
      if (!connection.success)
        throw new ConnectorError(
          "invalid",
          `${manifest.kind}: stored options do not fit: ${issue(connection)}`,
        );
      const parts = create({
        ...settings,
        credentials: credentials.data as z.infer<C> & Record<S, string>,
        connection: connection.data,
        budget: settings.budget ?? createRateBudget(manifest.rateLimit),
        retryWrites: manifest.idempotencyKeys,
      });
      const connector: Connector = { manifest: manifest as unknown as Manifest, ...parts };
      return manifest.conditionalWrites ? connector : withReadBeforeWrite(connector);
    },
    newCredentials(given) {
      const secrets = Object.fromEntries(
        manifest.generatedSecrets.map((name) => [name, randomBytes(24).toString("base64url")]),
      );
      return { ...given, ...secrets };
    },
  };
}

/** R8.1: a manifest that claims what cannot work together; raised by defineConnector. */
export class ManifestError extends Error {
  readonly code = "invalid_manifest";
  constructor(kind: string, message: string) {
    super(`${kind}: manifest: ${message}`);
    this.name = "ManifestError";
  }
}

/**
 * R8.1: what a manifest must make possible. A system the hub creates customers in needs a way to
 * create each exactly once when an answer is lost (apply/create-partner.ts): idempotency keys; or
 * numbers the hub picks, looked up by number, with our ref kept; or a lookup by email.
 */
function checkManifest(manifest: Manifest<z.ZodObject, z.ZodObject, string>) {
  const refuse = (message: string): never => {
    throw new ManifestError(manifest.kind, message);
  };
  if (manifest.feeds.length === 0) refuse("feeds: it needs at least one way to read changes");
  if (manifest.webhookTimestamps && !manifest.feeds.includes("webhook"))
    refuse("webhookTimestamps: it has no webhook");
  const byNumber =
    manifest.customerNumbers === "ours" && manifest.lookups.number && manifest.storesRef;
  if (manifest.writes && !manifest.idempotencyKeys && !byNumber && !manifest.lookups.email)
    refuse(
      "a create cannot be made exactly once: claim idempotencyKeys, or numbers the hub picks " +
        "with lookups.number and storesRef, or lookups.email",
    );
}

const issue = (result: { error: z.ZodError }) => {
  const first = result.error.issues[0];
  return `${first?.path.join(".") || "(root)"}: ${first?.message}`;
};
