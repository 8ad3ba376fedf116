import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";

const names = ["apiUrl", "token"] as const satisfies readonly OptionName[];

export const customersHelp = helpText(
  "customers <list|show|add|edit|contact> [args]",
  [
    "Works with a running hub's customers through its API (the same calls the console makes).",
    "  tandem customers list",
    "  tandem customers list 'integrationId=1&status=unlinked&q=berg'   (S11: a filtered list)",
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

function parseJson(text: string | undefined, what: string): unknown {
  if (!text) throw new UsageError(`${what}: give the customer as JSON`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what}: not JSON: ${(error as Error).message}`);
  }
}

const contactUsage =
  "contact <id> add <kind> <value> | change <kind> <value> <new value> | remove <kind> <value> | replace <json list>";

/** R7.15: the contact operations of the API, one per CLI verb. */
function contactRequest(args: string[]): { method: string; path: string; body?: unknown } {
  const [id, verb, kind, value, next] = args;
  if (!id || !verb) throw new UsageError(`give ${contactUsage}`);
  const contacts = `/v1/customers/${Number(id)}/contacts`;
  const one = () => {
    if (!kind || !value) throw new UsageError(`contact ${verb}: give the kind and the value`);
    return `${contacts}/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`;
  };
  switch (verb) {
    case "add":
      if (!kind || !value) throw new UsageError("contact add: give the kind and the value");
      return { method: "POST", path: contacts, body: { kind, value } };
    case "change":
      if (!next) throw new UsageError("contact change: give the kind, the value and the new value");
      return { method: "PATCH", path: one(), body: { value: next } };
    case "remove":
      return { method: "DELETE", path: one() };
    case "replace":
      return { method: "PUT", path: contacts, body: { contacts: parseJson(kind, "replace") } };
    default:
      throw new UsageError(`unknown contact action '${verb}': ${contactUsage}`);
  }
}

export async function customersCommand(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [action, ...args] = o.positionals;
  if (o.help || !action) return void process.stdout.write(customersHelp);
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  let method = "GET";
  let path: string;
  let body: unknown;
  switch (action) {
    case "list":
      path = `/v1/customers?limit=500${args[0] ? `&${args[0].replace(/^\?/, "")}` : ""}`;
      break;
    case "show":
      path = `/v1/customers/${encodeURIComponent(args[0] ?? "")}`;
      break;
    case "add":
      method = "POST";
      path = "/v1/customers";
      body = parseJson(args[0], "add");
      break;
    case "edit":
      method = "PATCH";
      // the id goes as typed: the API refuses anything but a decimal id (R7.16)
      path = `/v1/customers/${encodeURIComponent(args[0] ?? "")}`;
      body = parseJson(args[1], "edit");
      break;
    case "contact":
      ({ method, path, body } = contactRequest(args));
      break;
    default:
      throw new UsageError(`unknown action '${action}': use list, show, add, edit or contact`);
  }
  const response = await fetch(new URL(path, o.apiUrl), {
    method,
    headers: { authorization: `Bearer ${o.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  process.stdout.write(`${text}\n`);
  if (!response.ok) process.exitCode = 1;
}
