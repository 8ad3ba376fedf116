import { readFileSync } from "node:fs";
import { helpText, readOptions, UsageError, type OptionName, type Options } from "../config.ts";
import { CliError } from "./cli-error.ts";
import type { Command } from "./command.ts";
import { hubClient } from "./hub-client.ts";
import {
  createAll,
  createOne,
  numberOption,
  showPlan,
  type NumberOption,
} from "./partner-creation.ts";
import {
  allSuggestions,
  linkPairs,
  type ApiSuggestion,
  type LinkResult,
} from "./partner-requests.ts";
import { printJson, printTable } from "./print-output.ts";
import { progressReporter } from "./progress-reporter.ts";
import { readPairs, suggestionsCsv, type SuggestionRow } from "./suggestion-file.ts";

const names = [
  "apiUrl",
  "token",
  "integration",
  "format",
  "json",
  "fromFile",
  "allAbove",
  "all",
  "side",
  "number",
  "list",
] as const satisfies readonly OptionName[];

const help = helpText(
  "partners <suggest|link|create|plan> --integration <id> [args]",
  [
    "Pairs the hub's customers with the other system's, through a running hub's API.",
    "S8: likely partners (same phone, similar name, same address, ...), with a score and the reasons;",
    "nothing is linked until you confirm. Where the two records differ, the link starts in conflict.",
    "  tandem partners suggest --integration 1                      a table, best first",
    "  tandem partners suggest --integration 1 --format csv > s.csv for a spreadsheet: review, delete lines",
    "  tandem partners link --integration 1 --from-file s.csv       link the pairs left in the file",
    "  tandem partners link --integration 1 --all-above 0.98        link every suggestion scoring 0.98 or more",
    "  tandem partners link --integration 1 12 c_000345             S7: pair hub customer 12 with c_000345",
    "Each pair is answered with its status (synced, or conflict) or why it was not linked; the",
    "command exits 1 when any was not. Many pairs show a progress bar (plain lines in a log).",
    "S5, S6, S10: create the missing partner, with the customer's number (keep), the next free one",
    "(next) or one you type; a number in use is refused. A hub customer with the same email is",
    "linked instead of duplicated. See first what a run would do: partners plan (writes nothing).",
    "  tandem partners plan --integration 1                         counts for both sides",
    "  tandem partners plan --integration 1 --list conflicts        who starts in conflict",
    "  tandem partners create --integration 1 hub 12                hub customer 12's partner there",
    "  tandem partners create --integration 1 external c_000345 --number next",
    "  tandem partners create --integration 1 --all --side external every POS customer into the hub",
    "  tandem partners create --integration 1 --all --side hub --number next",
  ].join("\n"),
  names,
);

type Request =
  | { action: "suggest"; format: "table" | "json" | "csv" }
  | {
      action: "create";
      target: { side: "hub"; clientId: number } | { side: "external"; externalId: string };
      number: NumberOption;
    }
  | { action: "createAll"; side: "hub" | "external"; numberChoice: "keep" | "next" }
  | { action: "plan"; numberChoice: "keep" | "next"; list: Options<"list">["list"] }
  | { action: "link"; pairs: Array<{ clientId: number; externalId: string }> }
  | { action: "link"; minScore: number };

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [action, ...args] = o.positionals;
  if (o.help || !action) return void process.stdout.write(help);
  // arguments first: a mistake in them is told without a token or a running hub
  const request = parseRequest(action, args, o);
  if (o.integration === undefined)
    throw new UsageError(
      `partners ${action}: --integration (or TANDEM_INTEGRATION) is required: the integration's id, as GET /v1/integrations lists it`,
    );
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  const call = hubClient(o.apiUrl, o.token);
  if (request.action === "create")
    return createOne(call, o.integration, request.target, request.number, o.json);
  if (request.action === "createAll")
    return createAll(
      call,
      o.integration,
      request.side,
      request.numberChoice,
      progressReporter(),
      o.json,
    );
  if (request.action === "plan")
    return showPlan(call, o.integration, request.numberChoice, request.list, o.json);
  if (request.action === "suggest") {
    const suggestions = await allSuggestions(call, o.integration);
    return printSuggestions(suggestions, request.format);
  }
  const pairs =
    "pairs" in request
      ? request.pairs
      : (await allSuggestions(call, o.integration)).filter((s) => s.score >= request.minScore);
  const progress = pairs.length > 1 ? progressReporter() : null;
  const results = await linkPairs(call, o.integration, pairs, progress);
  printLinked(results, o.json);
}

function parseRequest(
  action: string,
  args: string[],
  o: Options<"format" | "json" | "fromFile" | "allAbove" | "all" | "side" | "number" | "list">,
): Request {
  const misplaced = (
    [
      ["--all", o.all && action !== "create"],
      ["--side", o.side !== undefined && action !== "create"],
      ["--number", o.number !== undefined && action !== "create" && action !== "plan"],
      ["--list", o.list !== undefined && action !== "plan"],
    ] as const
  ).find(([, wrong]) => wrong);
  if (misplaced)
    throw new UsageError(
      `partners ${action}: ${misplaced[0]} is for ${misplaced[0] === "--list" ? "partners plan" : misplaced[0] === "--number" ? "partners create and plan" : "partners create"}`,
    );
  switch (action) {
    case "create":
      return parseCreate(args, o);
    case "plan": {
      if (args.length > 0)
        throw new UsageError(`partners plan takes no arguments, got '${args[0]}'`);
      const number = numberOption(o.number);
      if (number.numberChoice === "typed")
        throw new UsageError(
          "partners plan: --number is keep or next for a plan (one number cannot go to many)",
        );
      return { action: "plan", numberChoice: number.numberChoice, list: o.list };
    }
    case "suggest":
      if (args.length > 0)
        throw new UsageError(
          `partners suggest takes no arguments, got '${args[0]}'; e.g. tandem partners suggest --integration 1`,
        );
      if (o.fromFile !== undefined || o.allAbove !== undefined)
        throw new UsageError(`partners suggest: --from-file and --all-above are for partners link`);
      return { action, format: o.format ?? (o.json ? "json" : "table") };
    case "link": {
      const sources = [
        args.length > 0 ? "a pair" : null,
        o.fromFile !== undefined ? "--from-file" : null,
        o.allAbove !== undefined ? "--all-above" : null,
      ].filter((s) => s !== null);
      if (sources.length !== 1)
        throw new UsageError(
          `partners link: give ${sources.length === 0 ? "" : `one of them, not ${sources.join(" and ")}: `}a pair (<hub id> <external id>), --from-file <csv> or --all-above <score>`,
        );
      if (o.format !== undefined)
        throw new UsageError("partners link: --format is for partners suggest; use --json here");
      if (o.allAbove !== undefined) return { action, minScore: o.allAbove };
      if (o.fromFile !== undefined) return { action, pairs: readPairFile(o.fromFile) };
      return { action, pairs: [parsePair(args)] };
    }
    default:
      throw new UsageError(
        `partners: unknown action '${action}': use suggest, link, create or plan`,
      );
  }
}

function parseCreate(args: string[], o: Options<"all" | "side" | "number" | "format">): Request {
  if (o.format !== undefined)
    throw new UsageError("partners create: --format is for partners suggest; use --json here");
  const number = numberOption(o.number);
  if (o.all) {
    if (args.length > 0)
      throw new UsageError(
        `partners create --all takes no customer, got '${args[0]}'; one customer: tandem partners create --integration 1 hub 12`,
      );
    if (o.side === undefined)
      throw new UsageError(
        "partners create --all: --side hub (the hub's customers get partners there) or --side external (the other system's become hub customers) is required",
      );
    if (number.numberChoice === "typed")
      throw new UsageError(
        `partners create --all: --number is keep or next for many customers (one number cannot go to many), got '${o.number}'`,
      );
    return { action: "createAll", side: o.side, numberChoice: number.numberChoice };
  }
  if (o.side !== undefined)
    throw new UsageError(
      "partners create: --side goes with --all; one customer: hub <id> or external <id>",
    );
  const [side, id, extra] = args;
  if (side !== "hub" && side !== "external")
    throw new UsageError(
      `partners create: argument 1 is hub or external (whose customer it is), got '${side ?? ""}'; e.g. tandem partners create --integration 1 hub 12, or --all --side hub`,
    );
  if (!id)
    throw new UsageError(`partners create: argument 2 (the ${side} customer's id) is missing`);
  if (extra !== undefined)
    throw new UsageError(
      `partners create: one customer at a time, got '${extra}' too; many: --all`,
    );
  if (side === "hub") {
    if (!/^[1-9][0-9]{0,15}$/.test(id))
      throw new UsageError(
        `partners create: argument 2 (the hub customer id) must be a plain decimal integer like 12, got '${id}'`,
      );
    return { action: "create", target: { side, clientId: Number(id) }, number };
  }
  return { action: "create", target: { side, externalId: id }, number };
}

function parsePair(args: string[]): { clientId: number; externalId: string } {
  const [hubText, externalId, extra] = args;
  if (!/^[1-9][0-9]{0,15}$/.test(hubText ?? ""))
    throw new UsageError(
      `partners link: argument 1 (the hub customer id) must be a plain decimal integer like 12, got '${hubText}'`,
    );
  if (!externalId)
    throw new UsageError(
      "partners link: argument 2 (the other system's customer id) is missing; e.g. tandem partners link --integration 1 12 c_000345",
    );
  if (extra !== undefined)
    throw new UsageError(
      `partners link: one pair at a time on the command line, got '${extra}' too; many pairs: --from-file`,
    );
  return { clientId: Number(hubText), externalId };
}

function readPairFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "not allowed to read it"
            : (error as Error).message;
    throw new UsageError(`--from-file: cannot read '${path}': ${why}`);
  }
  const pairs = readPairs(path, text);
  if (pairs.length === 0)
    throw new UsageError(`--from-file: '${path}' holds no pairs, only its header`);
  return pairs;
}

const rowOf = (s: ApiSuggestion): SuggestionRow => ({
  hubId: s.clientId,
  hubNumber: s.clientNumber,
  externalId: s.externalId,
  externalNumber: s.externalNumber,
  score: s.score,
  reasons: s.reasons,
});

function printSuggestions(suggestions: ApiSuggestion[], format: "table" | "json" | "csv") {
  if (format === "json") return printJson(suggestions);
  const rows = suggestions.map(rowOf);
  if (format === "csv") return void process.stdout.write(suggestionsCsv(rows));
  printTable(
    ["HUB ID", "HUB NO", "EXTERNAL ID", "EXTERNAL NO", "SCORE", "REASONS"],
    rows.map((r) => [
      r.hubId,
      r.hubNumber ?? "-",
      r.externalId,
      r.externalNumber ?? "-",
      r.score.toFixed(4),
      r.reasons.join(", "),
    ]),
  );
  process.stdout.write(
    `${rows.length} suggestion${rows.length === 1 ? "" : "s"}; link them with tandem partners link\n`,
  );
}

function printLinked(results: LinkResult[], json: boolean) {
  const refused = results.filter((r) => r.error !== null);
  if (json) printJson(results);
  else {
    printTable(
      ["HUB ID", "EXTERNAL ID", "RESULT"],
      results.map((r) => [
        r.clientId,
        r.externalId,
        r.error ? `not linked: ${r.error.message}` : (r.status ?? "-"),
      ]),
    );
    const conflicts = results.filter((r) => r.status === "conflict").length;
    process.stdout.write(
      `${results.length - refused.length} linked${conflicts > 0 ? ` (${conflicts} in conflict: their values differ, resolve them in the console or with GET /v1/conflicts)` : ""}, ${refused.length} not linked\n`,
    );
  }
  if (refused.length > 0)
    throw new CliError(
      "partly_done",
      `${refused.length} of ${results.length} pair${results.length === 1 ? " was" : "s were"} not linked; the reasons are above`,
    );
}

export const partnersCommand: Command = {
  name: "partners",
  summary:
    "S5-S8, S10: suggest, link and create partners, and plan a run, through a running hub's API",
  help,
  run,
};
