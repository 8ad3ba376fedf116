import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import type { Command } from "./command.ts";
import { hubClient, type HubCall } from "./hub-client.ts";
import { printFields, printJson, printTable } from "./print-output.ts";

const names = ["apiUrl", "token", "json"] as const satisfies readonly OptionName[];

const help = helpText(
  "customers <list|show|add|edit|contact> [args]",
  [
    "Works with a running hub's customers through its API (the same calls the console makes).",
    "Prints tables for people; --json prints the API's JSON for programs.",
    "  tandem customers list",
    "  tandem customers list 'integrationId=1&status=unlinked&q=berg'   (S11: a filtered list)",
    "  tandem customers list 'q=10012'                                 (a customer number, exactly)",
    "  tandem customers show 12",
    `  tandem customers add '{"firstName":"Ada","contacts":[{"kind":"email","value":"ada@example.com"}]}'`,
    `  tandem customers edit 12 '{"lastName":"King"}'`,
    "Contacts, one at a time (an edit does not take contacts):",
    "  tandem customers contact 12 add email ada@example.com",
    "  tandem customers contact 12 change email ada@example.com ada@lovelace.example",
    "  tandem customers contact 12 remove phone '+1 212 555 0101'",
    `  tandem customers contact 12 replace '[{"kind":"email","value":"ada@example.com"}]'   (the whole list)`,
  ].join("\n"),
  names,
);

/** The parts of the API's customer this command shows (GET /v1/customers/{id}). */
interface Customer {
  id: number;
  customerNumber: string;
  firstName: string | null;
  lastName: string | null;
  acquisition: string | null;
  lifecycle: string;
  contacts: Array<{ kind: string; value: string }>;
  preferences: Record<string, string>;
  sync: Array<{
    integrationId: number;
    status: string;
    externalId: string | null;
    lastError: string | null;
  }>;
  createdAt: string;
  updatedAt: string;
}

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [action, ...args] = o.positionals;
  if (o.help || !action) return void process.stdout.write(help);
  // arguments first: a mistake in them is told without a token or a running hub
  const request = parseRequest(action, args);
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  const call = hubClient(o.apiUrl, o.token);
  if (request.action === "list") {
    const customers = await listAll(call, request.filter);
    if (o.json) return printJson(customers);
    printTable(
      ["ID", "NO", "NAME", "EMAIL", "SYNC"],
      customers.map((c) => [c.id, c.customerNumber, nameOf(c), emailOf(c), syncOf(c)]),
    );
    return void process.stdout.write(
      `${customers.length} customer${customers.length === 1 ? "" : "s"}\n`,
    );
  }
  const customer =
    request.action === "show"
      ? await call<Customer>("GET", `/v1/customers/${request.id}`)
      : request.action === "add"
        ? await call<Customer>("POST", "/v1/customers", request.body)
        : request.action === "edit"
          ? await call<Customer>("PATCH", `/v1/customers/${request.id}`, request.body)
          : await call<Customer>(request.method, request.path, request.body);
  if (o.json) return printJson(customer);
  if (request.action === "add") process.stdout.write(`Created customer ${customer.id}.\n`);
  if (request.action === "edit" || request.action === "contact")
    process.stdout.write(`Changed customer ${customer.id}.\n`);
  printCustomer(customer);
}

type Request =
  | { action: "list"; filter: string }
  | { action: "show"; id: number }
  | { action: "add"; body: object }
  | { action: "edit"; id: number; body: object }
  | { action: "contact"; method: string; path: string; body?: unknown };

const contactUsage =
  "contact <id> add <kind> <value> | change <kind> <value> <new value> | remove <kind> <value> | replace <json list>";

/** R7.15: the contact operations of the API, one per CLI verb. */
function contactRequest(args: string[]): Request {
  const [idText, verb, kind, value, next] = args;
  if (!idText || !verb) throw new UsageError(`customers: give ${contactUsage}`);
  const contacts = `/v1/customers/${parseId("contact", idText)}/contacts`;
  const one = () => {
    if (!kind || !value) throw new UsageError(`contact ${verb}: give the kind and the value`);
    return `${contacts}/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`;
  };
  switch (verb) {
    case "add":
      if (!kind || !value) throw new UsageError("contact add: give the kind and the value");
      return { action: "contact", method: "POST", path: contacts, body: { kind, value } };
    case "change":
      if (!next) throw new UsageError("contact change: give the kind, the value and the new value");
      return { action: "contact", method: "PATCH", path: one(), body: { value: next } };
    case "remove":
      return { action: "contact", method: "DELETE", path: one() };
    case "replace":
      return {
        action: "contact",
        method: "PUT",
        path: contacts,
        body: { contacts: parseList(kind) },
      };
    default:
      throw new UsageError(`unknown contact action '${verb}': ${contactUsage}`);
  }
}

function parseList(text: string | undefined): unknown {
  const example = `'[{"kind":"email","value":"ada@example.com"}]'`;
  if (text === undefined)
    throw new UsageError(`customers contact replace: give the whole list as JSON, e.g. ${example}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `customers contact replace: the list is not valid JSON: ${(error as Error).message}; e.g. ${example}`,
    );
  }
}

function parseRequest(action: string, args: string[]): Request {
  switch (action) {
    case "list":
      return { action, filter: (args[0] ?? "").replace(/^\?/, "") };
    case "show":
      return { action, id: parseId(action, args[0]) };
    case "add":
      return { action, body: parseObject(action, 1, "the new customer", args[0]) };
    case "edit":
      return {
        action,
        id: parseId(action, args[0]),
        body: parseObject(action, 2, "the changes", args[1]),
      };
    case "contact":
      return contactRequest(args);
    default:
      throw new UsageError(
        `customers: unknown action '${action}': use list, show, add, edit or contact`,
      );
  }
}

function parseId(action: string, text: string | undefined): number {
  if (!text) throw new UsageError(`customers ${action}: argument 1 (the customer id) is missing`);
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw new UsageError(
      `customers ${action}: argument 1 (the customer id) must be a plain decimal integer like 12, got '${text}'`,
    );
  return Number(text);
}

/** Parses a JSON argument, naming the argument and the spot where it goes wrong. */
function parseObject(action: string, position: number, what: string, text: string | undefined) {
  const argument = `customers ${action}: argument ${position} (${what})`;
  const example =
    action === "add"
      ? `'{"firstName":"Ada","contacts":[{"kind":"email","value":"ada@example.com"}]}'`
      : `'{"lastName":"King"}'`;
  if (text === undefined)
    throw new UsageError(`${argument} is missing: give it as JSON, e.g. ${example}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const near = at === undefined ? "" : ` near '${text.slice(Number(at), Number(at) + 12)}'`;
    throw new UsageError(
      `${argument} is not valid JSON: ${(error as Error).message}${near}; write it in single quotes, e.g. ${example}`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new UsageError(
      `${argument} must be a JSON object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}; e.g. ${example}`,
    );
  return value;
}

async function listAll(call: HubCall, filter: string): Promise<Customer[]> {
  const all: Customer[] = [];
  let after: number | null = null;
  do {
    const query = [`limit=500`, filter, after === null ? "" : `after=${after}`].filter(Boolean);
    const page: { customers: Customer[]; next: number | null } = await call(
      "GET",
      `/v1/customers?${query.join("&")}`,
    );
    all.push(...page.customers);
    after = page.next;
  } while (after !== null);
  return all;
}

const nameOf = (c: Customer) => [c.firstName, c.lastName].filter(Boolean).join(" ") || "-";
const emailOf = (c: Customer) => c.contacts.find((m) => m.kind === "email")?.value ?? "-";
const syncOf = (c: Customer) =>
  c.sync.length === 0
    ? "-"
    : c.sync
        .map((s) => (c.sync.length === 1 ? s.status : `${s.integrationId}:${s.status}`))
        .join(" ");

function printCustomer(c: Customer): void {
  printFields([
    ["id", String(c.id)],
    ["number", c.customerNumber],
    ["name", nameOf(c)],
    ["lifecycle", c.lifecycle],
    ["acquisition", c.acquisition ?? "-"],
    ...c.contacts.map((m): [string, string] => [m.kind, m.value]),
    ...Object.entries(c.preferences).map(([name, value]): [string, string] => [name, value]),
    ...c.sync.map((s): [string, string] => [
      `integration ${s.integrationId}`,
      [s.status, s.externalId ? `as ${s.externalId}` : "", s.lastError ? `(${s.lastError})` : ""]
        .filter(Boolean)
        .join(" "),
    ]),
    ["created", c.createdAt],
    ["updated", c.updatedAt],
  ]);
}

export const customersCommand: Command = {
  name: "customers",
  summary: "list, show, add and edit customers through a running hub's API",
  help,
  run,
};
