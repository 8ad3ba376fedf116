import { startReferencePos } from "../../simulators/reference-pos/server.ts";
import { helpText, readOptions, type OptionName } from "../config.ts";
import { createLogger } from "../log.ts";
import { listenFailure } from "./cli-error.ts";
import type { Command } from "./command.ts";
import { untilSignal } from "./until-signal.ts";

const names = [
  "host",
  "posPort",
  "posApiKey",
  "posDataFile",
  "posSeed",
  "logLevel",
] as const satisfies readonly OptionName[];

const help = helpText(
  "pos-sim",
  "Runs the reference POS: its own server and storage, speaking the open POS protocol (docs/pos-protocol.md).",
  names,
);

async function run(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(help);
  const log = createLogger(o.logLevel, "reference-pos");
  const pos = await startReferencePos({
    host: o.host,
    port: o.posPort,
    apiKey: o.posApiKey,
    ...(o.posDataFile ? { dataFile: o.posDataFile } : {}),
    ...(o.posSeed > 0 ? { seed: o.posSeed } : {}),
    log: (line) => log.info(line),
  }).catch((error: unknown) => {
    throw listenFailure(error, "the reference POS", "--pos-port (TANDEM_POS_PORT)");
  });
  process.stdout.write(
    `Reference POS listening on ${pos.url} (OpenAPI: ${pos.url}/openapi.json)\n`,
  );
  await untilSignal();
  await pos.close();
}

export const posSimCommand: Command = {
  name: "pos-sim",
  summary: "run the reference POS",
  help,
  run,
};
