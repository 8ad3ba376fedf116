import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import { fileKindOf } from "../connectors/file/read-customer-file.ts";
import {
  fileMediaTypes,
  templateLayout,
  templateRows,
  writeCustomerFile,
} from "../connectors/file/write-customer-file.ts";
import { CliError } from "./cli-error.ts";
import type { Command } from "./command.ts";
import { hubClient, hubFileCall } from "./hub-client.ts";
import { followRun, type RunAnswer } from "./partner-creation.ts";
import { printJson } from "./print-output.ts";
import { progressReporter } from "./progress-reporter.ts";

const names = [
  "apiUrl",
  "token",
  "integration",
  "importTo",
  "template",
  "out",
  "maxFileBytes",
  "json",
] as const satisfies readonly OptionName[];

const help = helpText(
  "import <file.csv|file.xlsx> (--integration <id> | --to hub) | import --template",
  [
    "I3: imports a customer file (docs/file-format.md) into a running hub through its API.",
    "Every row is checked first; a file with an error imports nothing and the errors are listed",
    "by row and column.",
    "  tandem import customers.csv --integration 3   the file is the customer list of file integration 3:",
    "                                                new and changed rows come in, missing ones are reported",
    "  tandem import customers.xlsx --to hub         every row becomes a hub customer, keeping its number",
    "                                                (rows whose number or email a hub customer has are",
    "                                                reported, not created), with a progress bar",
    "  tandem import --template [--out folder]       writes customers-template.csv and .xlsx",
  ].join("\n"),
  names,
);

async function writeTemplates(folder: string) {
  for (const kind of ["csv", "xlsx"] as const) {
    const path = join(folder, `customers-template.${kind}`);
    await pipeline(
      writeCustomerFile(kind, templateLayout, templateRows()),
      createWriteStream(path),
    );
    process.stdout.write(`Wrote ${path}\n`);
  }
}

interface ImportAnswer {
  rows: number;
  [count: string]: unknown;
}

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  if (o.template) return writeTemplates(o.out ?? ".");
  const [file, ...extra] = o.positionals;
  if (!file) throw new UsageError("import: give the file to import (or --template)");
  if (extra.length > 0) throw new UsageError(`import: unexpected '${extra.join(" ")}'`);
  if ((o.integration === undefined) === (o.importTo === undefined))
    throw new UsageError("import: give either --integration <id> or --to hub");
  const kind = fileKindOf(file);
  if (!kind) throw new UsageError(`import: ${file}: name a .csv or an .xlsx file`);
  const size = (await stat(file)).size;
  if (size > o.maxFileBytes)
    throw new UsageError(
      `import: ${file} is ${size} bytes, more than --max-file-bytes (${o.maxFileBytes})`,
    );
  if (!o.token)
    throw new UsageError(
      "--token (or TANDEM_TOKEN) is required: the API token `tandem serve` printed",
    );
  const path = o.integration ? `/v1/integrations/${o.integration}/import` : "/v1/customers/import";
  const response = await hubFileCall(o.apiUrl, o.token, "POST", path, {
    body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
    contentType: fileMediaTypes[kind],
    length: size,
  });
  const answer = (await response.json()) as ImportAnswer;
  if (o.importTo === "hub") return followHubImport(o.apiUrl, o.token, file, answer, o.json);
  if (o.json) return printJson(answer);
  const counts = Object.entries(answer)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(", ");
  process.stdout.write(`Imported ${file}: ${counts}\n`);
  for (const [key, value] of Object.entries(answer))
    if (Array.isArray(value) && value.length > 0)
      process.stdout.write(`${key}: ${value.join(", ")}\n`);
}

/**
 * I3 `--to hub`: the file is checked and its rows queued at once; the workers create the
 * customers, and this follows them with a progress bar (plain lines in a log).
 */
async function followHubImport(
  apiUrl: string,
  token: string,
  file: string,
  answer: ImportAnswer,
  json: boolean,
) {
  const imported = answer as unknown as {
    rows: number;
    queued: number;
    skipped: number;
    skippedRows: Array<{ row: number; reason: string }>;
    run: RunAnswer;
  };
  const run = await followRun(
    hubClient(apiUrl, token),
    imported.run,
    progressReporter(),
    "customers created",
  );
  if (json) return printJson({ ...imported, run });
  for (const s of imported.skippedRows)
    process.stdout.write(`row ${s.row} left out: ${s.reason}\n`);
  for (const f of run.failures) process.stdout.write(`not created: ${f.reason}\n`);
  process.stdout.write(
    `Imported ${file} into the hub: ${imported.rows} rows, ${run.progress.done} customers created, ${imported.skipped} left out (the hub has them), ${run.progress.failed} not created\n`,
  );
  if (run.progress.failed > 0)
    throw new CliError(
      "partly_done",
      `${run.progress.failed} rows were not created; the reasons are above (GET /v1/partner-runs/${run.id})`,
    );
}

export const importCommand: Command = {
  name: "import",
  summary: "I3: import a customer file into a file integration or the hub; --template",
  help,
  run,
};
