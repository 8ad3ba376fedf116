import { startReferencePos } from "../../simulators/reference-pos/server.ts";
import { helpText, readOptions, type OptionName } from "../config.ts";
import { createLogger } from "../log.ts";
import { untilSignal } from "./until-signal.ts";

const names = [
  "host",
  "posPort",
  "posApiKey",
  "posDataFile",
  "posSeed",
  "logLevel",
] as const satisfies readonly OptionName[];

export const posSimHelp = helpText(
  "pos-sim",
  "Runs the reference POS: its own server and storage, speaking the open POS protocol (docs/pos-protocol.md).",
  names,
);

export async function posSimCommand(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  if (o.help) return void process.stdout.write(posSimHelp);
  const log = createLogger(o.logLevel, "reference-pos");
  const pos = await startReferencePos({
    host: o.host,
    port: o.posPort,
    apiKey: o.posApiKey,
    ...(o.posDataFile ? { dataFile: o.posDataFile } : {}),
    ...(o.posSeed > 0 ? { seed: o.posSeed } : {}),
    log: (line) => log.info(line),
  });
  process.stdout.write(
    `Reference POS listening on ${pos.url} (OpenAPI: ${pos.url}/openapi.json)\n`,
  );
  await untilSignal();
  await pos.close();
}
