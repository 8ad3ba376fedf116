import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startReferencePos } from "../../simulators/reference-pos/server.ts";
import { helpText, readOptions, type OptionName } from "../config.ts";
import {
  createIntegration,
  listStoreIntegrations,
  setUserAssociate,
} from "../services/integrations.ts";
import type { Actor } from "../services/service-context.ts";
import { acceptInvitation, inviteUser } from "../services/sign-in.ts";
import { bootstrapHub, createUser } from "../services/users.ts";
import { startWorker } from "../worker/run-worker.ts";
import { listenFailure } from "./cli-error.ts";
import type { Command } from "./command.ts";
import { openHub } from "./open-hub.ts";
import { serveApi } from "./serve-api.ts";
import { fatalSignal, untilSignal } from "./until-signal.ts";

const names = [
  "dataDir",
  "host",
  "port",
  "posPort",
  "posApiKey",
  "logLevel",
] as const satisfies readonly OptionName[];

const help = helpText(
  "demo",
  "Runs Tandem on the embedded store with the reference POS beside it, seeded with sample customers and connected: what `npm start` runs.",
  names,
);

/** The POS custom fields the demo maps to hub preferences (SPEC F2). */
const demoFieldMap = {
  ring_size: "Ring size",
  birthstone: "Birthstone",
  anniversary: "Anniversary",
};

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  const fatal = fatalSignal();
  // The hub first: it takes the data directory's lock, which the POS's file shares.
  const ctx = await openHub({
    dataDir: o.dataDir,
    publicUrl: `http://${o.host}:${o.port}`,
    logLevel: o.logLevel,
    processName: "tandem demo",
    onFatal: fatal.report,
  });
  const cleanups: Array<() => Promise<void>> = [() => ctx.db.close()];
  try {
    const pos = await startReferencePos({
      host: o.host,
      port: o.posPort,
      apiKey: o.posApiKey,
      storeName: "Reference POS (demo)",
      dataFile: join(o.dataDir, "reference-pos.json"),
      seed: 40,
      seedRetail: true,
    }).catch((error: unknown) => {
      throw listenFailure(error, "the reference POS", "--pos-port (TANDEM_POS_PORT)");
    });
    cleanups.push(() => pos.close());
    const api = await serveApi(ctx, o.host, o.port);
    cleanups.push(() => api.close());
    ctx.publicUrl = api.url;
    // The admin token is kept in the data directory (mode 0600) so every start can print it.
    const tokenFile = join(o.dataDir, "admin-token");
    const haveToken = existsSync(tokenFile);
    const boot = await bootstrapHub(ctx, {
      storeName: "Demo Jewellers",
      adminEmail: "admin@tandem.local",
      rotateToken: !haveToken,
    });
    if (boot.token) writeFileSync(tokenFile, boot.token, { mode: 0o600 });
    const token = boot.token ?? readFileSync(tokenFile, "utf8").trim();

    const actor = { userId: boot.admin.id, storeId: boot.storeId, role: boot.admin.role };
    // the console's sign-in for the sample store: a password made on first start and kept
    // beside the token (mode 0600), so every start can print it
    const passwordFile = join(o.dataDir, "admin-password");
    if (!existsSync(passwordFile)) {
      const password = randomBytes(9).toString("base64url");
      const { invitation } = await inviteUser(ctx, actor, boot.admin.id);
      await acceptInvitation(ctx, { token: invitation.token, password });
      writeFileSync(passwordFile, password, { mode: 0o600 });
    }
    const password = readFileSync(passwordFile, "utf8").trim();
    const integrations = await listStoreIntegrations(ctx, actor);
    if (!integrations.some((i) => i.kind === "pos")) {
      const integration = await createIntegration(ctx, actor, {
        kind: "pos",
        name: "Reference POS",
        baseUrl: pos.url,
        apiKey: o.posApiKey,
        options: {
          syncMode: "all",
          webhooks: true,
          pollIntervalSeconds: 30,
          fieldMap: demoFieldMap,
          // F8: memo and consignment pieces are not the store's own stock
          inventoryFilters: {
            excludeCategories: [],
            excludeVendors: [],
            excludeTypes: ["memo", "consignment"],
          },
          defaultAssociateNumber: "1",
          // T6: the demo shows a sale at once; a store's integration batches its sales at 12:00
          // and 23:00 by default (T1), and the demo's can be switched with PATCH
          salesTiming: "realtime",
        },
      });
      await addPosAssociates(ctx, actor, integration.id, pos.url, o.posApiKey);
    }
    const worker = startWorker({ ...ctx, onFatal: fatal.report });
    cleanups.push(() => worker.stop());
    process.stdout.write(
      [
        "",
        "Tandem is running (embedded store in " + o.dataDir + ")",
        `  Console:        ${api.url}   sign in as ${boot.admin.email}, password ${password}`,
        `  Hub API:        ${api.url}   (OpenAPI: ${api.url}/openapi.json)`,
        `  Reference POS:  ${pos.url}   (OpenAPI: ${pos.url}/openapi.json, API key: ${o.posApiKey})`,
        `  Admin token:    ${token}`,
        "",
        "Try:",
        `  curl -H "Authorization: Bearer ${token}" ${api.url}/v1/customers`,
        "",
        "Ctrl-C stops it.",
        "",
      ].join("\n"),
    );
    await untilSignal(fatal.promise);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/**
 * A4, F9: the POS's associates as hub users of the store, each mapped to their number, before the
 * worker's first sync, so that the onboarding assignment gives each customer the associate they
 * spent most with. Emails are made up (first.last@demo.tandem.local); they sign in once invited.
 */
async function addPosAssociates(
  ctx: Awaited<ReturnType<typeof openHub>>,
  actor: Actor,
  integrationId: number,
  posUrl: string,
  apiKey: string,
) {
  const response = await fetch(`${posUrl}/api/v1/associates`, {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`the reference POS listed no associates (${response.status})`);
  const { associates } = (await response.json()) as {
    associates: Array<{ number: string; name: string }>;
  };
  for (const associate of associates) {
    const email = `${associate.name.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.tandem.local`;
    const { user } = await createUser(ctx, actor, {
      name: associate.name,
      email,
      role: "associate",
    });
    await setUserAssociate(ctx, actor, integrationId, user.id, associate.number);
  }
}

export const demoCommand: Command = {
  name: "demo",
  summary: "the hub and the reference POS with sample data (npm start)",
  help,
  run,
};
