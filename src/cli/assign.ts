import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import type { Command } from "./command.ts";
import { hubClient, type HubCall } from "./hub-client.ts";
import { printJson } from "./print-output.ts";

const names = [
  "apiUrl",
  "token",
  "to",
  "bySpend",
  "integration",
  "json",
] as const satisfies readonly OptionName[];

const help = helpText(
  "assign <customer id>... --to <user id|email|me|unassigned> | assign --by-spend --integration <id>",
  [
    "A1-A8: who looks after a customer, through a running hub's API. An associate takes Unassigned",
    "customers for themself (--to me) and lets go of their own (--to unassigned); managers and",
    "admins assign anyone to anyone, many at once, and run the assignment by spend again.",
    "  tandem assign 12 --to me                        take customer 12",
    "  tandem assign 12 --to unassigned                let it go",
    "  tandem assign 12 13 14 --to ann@example.com     several at once (managers and admins)",
    "  tandem assign --by-spend --integration 1        A4: Unassigned customers to the associate",
    "                                                  they spent most with; lists unmapped numbers",
  ].join("\n"),
  names,
);

/** How many customers go in one call of a bulk assignment (the API takes up to 1,000). */
const perCall = 500;

interface Unmapped {
  associateNumber: string;
  why: string;
  sales: number;
  total: string;
  clientsWaiting: number;
}

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help || (o.positionals.length === 0 && !o.bySpend)) return void process.stdout.write(help);
  // arguments first: a mistake in them is told without a token or a running hub
  if (o.bySpend) {
    if (o.positionals.length > 0 || o.to !== undefined)
      throw new UsageError(
        "assign --by-spend: assigns by the integration's sales; it takes no customer ids and no --to",
      );
    if (o.integration === undefined)
      throw new UsageError(
        "assign --by-spend: --integration (or TANDEM_INTEGRATION) is required: the integration's id, as GET /v1/integrations lists it",
      );
  }
  const ids = o.positionals.map((id, i) => {
    if (!/^[1-9][0-9]{0,15}$/.test(id))
      throw new UsageError(
        `assign: argument ${i + 1} (a hub customer id) must be a plain decimal integer like 12, got '${id}'`,
      );
    return Number(id);
  });
  if (!o.bySpend && o.to === undefined)
    throw new UsageError("assign: --to is required: a user's id, their email, me, or unassigned");
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  const call = hubClient(o.apiUrl, o.token);
  if (o.bySpend) return bySpend(call, o.integration!, o.json);
  const userId = await userOf(call, o.to!);
  const who = userId === null ? "Unassigned" : `user ${userId}`;
  if (ids.length === 1) {
    const customer = await call<{ id: number; assignedUserId: number | null }>(
      "PUT",
      `/v1/customers/${ids[0]}/assignment`,
      { userId },
    );
    if (o.json) return printJson(customer);
    return void process.stdout.write(`Customer ${customer.id}: ${who}.\n`);
  }
  const total = { assigned: [] as number[], unchanged: [] as number[], notFound: [] as number[] };
  for (let start = 0; start < ids.length; start += perCall) {
    const part = await call<typeof total>("POST", "/v1/assignments", {
      customerIds: ids.slice(start, start + perCall),
      userId,
    });
    total.assigned.push(...part.assigned);
    total.unchanged.push(...part.unchanged);
    total.notFound.push(...part.notFound);
  }
  if (o.json) return printJson({ userId, ...total });
  process.stdout.write(
    `${total.assigned.length} assigned to ${who}, ${total.unchanged.length} had it already` +
      (total.notFound.length > 0 ? `, not found: ${total.notFound.join(", ")}` : "") +
      ".\n",
  );
  if (total.notFound.length > 0) process.exitCode = 1;
}

/** The user `--to` names: an id, an email (looked up among the store's users), me, or unassigned. */
async function userOf(call: HubCall, to: string): Promise<number | null> {
  if (to === "unassigned") return null;
  if (/^[1-9][0-9]{0,15}$/.test(to)) return Number(to);
  if (to === "me") return (await call<{ id: number }>("GET", "/v1/me")).id;
  if (!to.includes("@"))
    throw new UsageError(`assign: --to '${to}' is not a user's id, an email, me or unassigned`);
  const { users } = await call<{ users: Array<{ id: number; email: string }> }>("GET", "/v1/users");
  const user = users.find((u) => u.email.toLowerCase() === to.toLowerCase());
  if (!user) throw new UsageError(`assign: no user of this store has the email ${to}`);
  return user.id;
}

async function bySpend(call: HubCall, integration: number, json: boolean) {
  const result = await call<{ assigned: number; onboardedNow: boolean; unmapped: Unmapped[] }>(
    "POST",
    `/v1/integrations/${integration}/assignment-by-spend`,
  );
  if (json) return printJson(result);
  const lines = [`${result.assigned} customers assigned by largest spend.`];
  if (result.onboardedNow)
    lines.push(
      "Onboarding is done: a purchase by an Unassigned customer now assigns its associate.",
    );
  if (result.unmapped.length > 0) {
    lines.push("Associate numbers that assign no one (map them, then run this again):");
    for (const u of result.unmapped)
      lines.push(
        `  ${u.associateNumber}: ${u.why}; ${u.sales} sales, ${u.total} in all; ${u.clientsWaiting} customers waiting`,
      );
  }
  process.stdout.write(lines.join("\n") + "\n");
}

export const assignCommand: Command = {
  name: "assign",
  summary: "A1-A8: assign customers to a user, or Unassigned; assign by spend again",
  help,
  run,
};
