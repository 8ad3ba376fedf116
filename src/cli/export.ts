import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import type { Command } from "./command.ts";
import { hubFileCall } from "./hub-client.ts";

const names = ["apiUrl", "token", "fileFormat", "out"] as const satisfies readonly OptionName[];

const help = helpText(
  "export --format csv|xlsx [--out file]",
  [
    "I4: writes every customer of a running hub as a customer file (docs/file-format.md), through",
    "its API (GET /v1/customers/export; managers and admins). Values a spreadsheet would run as a",
    "formula start with a single quote.",
    "  tandem export --format xlsx --out customers.xlsx",
    "  tandem export > customers.csv",
  ].join("\n"),
  names,
);

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  if (o.positionals.length > 0)
    throw new UsageError(`export: unexpected '${o.positionals.join(" ")}' (use --out <file>)`);
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  if (o.fileFormat === "xlsx" && !o.out && process.stdout.isTTY)
    throw new UsageError("export: an XLSX file is binary: give --out <file>");
  const response = await hubFileCall(
    o.apiUrl,
    o.token,
    "GET",
    `/v1/customers/export?format=${o.fileFormat}`,
  );
  const body = Readable.fromWeb(response.body as WebReadableStream);
  await pipeline(body, o.out ? createWriteStream(o.out) : process.stdout);
  if (o.out) process.stderr.write(`Wrote ${o.out}.\n`);
}

export const exportCommand: Command = {
  name: "export",
  summary: "I4: write every hub customer as a CSV or XLSX customer file",
  help,
  run,
};
