import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import type { Command } from "./command.ts";
import { hubClient } from "./hub-client.ts";
import { printJson } from "./print-output.ts";

const names = [
  "apiUrl",
  "token",
  "integration",
  "lift",
  "json",
] as const satisfies readonly OptionName[];

const help = helpText(
  "exclude <customer|external> <id> --integration <id> [--lift]",
  [
    "S9: don't synchronise a customer with an integration's system, or (--lift) let it sync again,",
    "through a running hub's API. Excluded, it is never created, matched, suggested or updated in",
    "the other system. Managers and admins only.",
    "  tandem exclude customer 12 --integration 1            hub customer 12",
    "  tandem exclude customer 12 --integration 1 --lift     it syncs again, as the integration's options say",
    "  tandem exclude external c_000345 --integration 1      a customer of the other system (its id there)",
    "  tandem exclude external c_000345 --integration 1 --lift",
  ].join("\n"),
  names,
);

/** What the two exclusion routes answer, for the parts this command shows. */
interface HubCustomer {
  id: number;
  sync: Array<{ integrationId: number; status: string; externalId: string | null }>;
}
interface ExternalCustomer {
  externalId: string;
  clientId: number | null;
  status: string;
}

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [side, id, extra] = o.positionals;
  if (o.help || !side) return void process.stdout.write(help);
  // arguments first: a mistake in them is told without a token or a running hub
  if (side !== "customer" && side !== "external")
    throw new UsageError(
      `exclude: unknown kind '${side}': use customer (a hub customer's id) or external (the other system's customer id)`,
    );
  const what = side === "customer" ? "the hub customer id" : "the other system's customer id";
  if (!id) throw new UsageError(`exclude ${side}: argument 1 (${what}) is missing`);
  if (side === "customer" && !/^[1-9][0-9]{0,15}$/.test(id))
    throw new UsageError(
      `exclude customer: argument 1 (the hub customer id) must be a plain decimal integer like 12, got '${id}'`,
    );
  if (extra !== undefined)
    throw new UsageError(`exclude ${side}: one customer at a time, got '${extra}' too`);
  if (o.integration === undefined)
    throw new UsageError(
      `exclude ${side}: --integration (or TANDEM_INTEGRATION) is required: the integration's id, as GET /v1/integrations lists it`,
    );
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  const call = hubClient(o.apiUrl, o.token);
  const excluded = !o.lift;
  const integration = o.integration;
  if (side === "customer") {
    const customer = await call<HubCustomer>("PUT", `/v1/customers/${id}/exclusion`, {
      integrationId: integration,
      excluded,
    });
    if (o.json) return printJson(customer);
    const status = customer.sync.find((s) => s.integrationId === integration)?.status ?? "unlinked";
    return say(`Customer ${customer.id}`, integration, excluded, status);
  }
  const record = await call<ExternalCustomer>(
    "PUT",
    `/v1/integrations/${integration}/external-customers/${encodeURIComponent(id)}/exclusion`,
    { excluded },
  );
  if (o.json) return printJson(record);
  const paired = record.clientId === null ? "" : ` (paired with hub customer ${record.clientId})`;
  say(`${record.externalId}${paired}`, integration, excluded, record.status);
}

function say(who: string, integration: number, excluded: boolean, status: string) {
  process.stdout.write(
    excluded
      ? `${who}: excluded from integration ${integration}; nothing is created, matched or updated for it there.\n`
      : `${who}: syncs with integration ${integration} again (status ${status}).\n`,
  );
}

export const excludeCommand: Command = {
  name: "exclude",
  summary: "S9: don't synchronise a customer (either side), or lift that",
  help,
  run,
};
