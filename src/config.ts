import { parseArgs } from "node:util";
import { z } from "zod";

/**
 * The one option table. Each option has a flag, an environment variable (unless a run must choose
 * it each time), a default and a line of help; every command picks the options it uses, and
 * `--help` is printed from here. Values are validated once, at start, with a message that names
 * the flag and the variable.
 */
export const optionTable = {
  databaseUrl: {
    flag: "database-url",
    env: "DATABASE_URL",
    type: z.string().url().optional(),
    help: "PostgreSQL URL (postgres://...). Without it, the embedded store in --data-dir is used",
  },
  dataDir: {
    flag: "data-dir",
    env: "TANDEM_DATA_DIR",
    type: z.string().default("./.tandem"),
    help: "data directory of the embedded store (and its secret key)",
  },
  secretKey: {
    flag: "secret-key",
    env: "TANDEM_SECRET_KEY",
    type: z.string().optional(),
    help: "32-byte key (base64 or hex) that encrypts connector credentials; required with --database-url",
  },
  host: {
    flag: "host",
    env: "TANDEM_HOST",
    type: z.string().default("127.0.0.1"),
    help: "address the API listens on",
  },
  port: {
    flag: "port",
    env: "PORT",
    type: z.coerce.number().int().min(0).max(65535).default(4000),
    help: "port the API listens on (0: any free port)",
  },
  publicUrl: {
    flag: "public-url",
    env: "TANDEM_PUBLIC_URL",
    type: z.string().url().optional(),
    help: "URL external systems reach the hub at, for webhooks (default http://<host>:<port>)",
  },
  withWorker: {
    flag: "with-worker",
    env: "TANDEM_WITH_WORKER",
    boolean: true,
    type: z
      .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
      .default(false)
      .transform((v) => v === true || v === "true" || v === "1"),
    help: "serve: also run a worker in this process (always on with the embedded store)",
  },
  workerId: {
    flag: "worker-id",
    env: "TANDEM_WORKER_ID",
    type: z.string().optional(),
    help: "name of this worker in job leases and logs (default: random)",
  },
  leaseSeconds: {
    flag: "lease-seconds",
    env: "TANDEM_LEASE_SECONDS",
    type: z.coerce.number().int().min(1).max(3600).default(15),
    help: "how long a claimed job or poll stays this worker's without a heartbeat (renewed every third of it); a dead worker's work comes back after it",
  },
  concurrency: {
    flag: "concurrency",
    env: "TANDEM_CONCURRENCY",
    type: z.coerce.number().int().min(1).max(64).default(16),
    help: "outbound jobs a worker runs at once",
  },
  perIntegration: {
    flag: "per-integration",
    env: "TANDEM_PER_INTEGRATION",
    type: z.coerce.number().int().min(1).max(64).optional(),
    help: "outbound jobs of one integration a worker runs at once, so a hanging partner leaves the others room (default: half of --concurrency)",
  },
  retainEventsDays: {
    flag: "retain-events-days",
    env: "TANDEM_RETAIN_EVENTS_DAYS",
    type: z.coerce.number().int().min(0).max(36500).default(30),
    help: "days processed inbox events are kept before the worker prunes them (0: for good); still-needed ones are always kept",
  },
  retainJobsDays: {
    flag: "retain-jobs-days",
    env: "TANDEM_RETAIN_JOBS_DAYS",
    type: z.coerce.number().int().min(0).max(36500).default(30),
    help: "days finished jobs are kept before the worker prunes them (0: for good; at least a day in any case)",
  },
  adminEmail: {
    flag: "admin-email",
    env: "TANDEM_ADMIN_EMAIL",
    type: z.string().email().default("admin@tandem.local"),
    help: "email of the admin user created on first start",
  },
  storeName: {
    flag: "store-name",
    env: "TANDEM_STORE_NAME",
    type: z.string().default("My Store"),
    help: "name of the store created on first start",
  },
  posPort: {
    flag: "pos-port",
    env: "TANDEM_POS_PORT",
    type: z.coerce.number().int().min(0).max(65535).default(4100),
    help: "port of the reference POS",
  },
  posApiKey: {
    flag: "pos-api-key",
    env: "TANDEM_POS_API_KEY",
    type: z.string().min(8).default("pos-demo-key-change-me"),
    help: "API key the reference POS accepts",
  },
  posDataFile: {
    flag: "pos-data-file",
    env: "TANDEM_POS_DATA_FILE",
    type: z.string().optional(),
    help: "JSON file the reference POS keeps its data in (default: memory only)",
  },
  posSeed: {
    flag: "pos-seed",
    env: "TANDEM_POS_SEED",
    type: z.coerce.number().int().min(0).max(100_000).default(0),
    help: "customers the reference POS invents when its store is empty",
  },
  apiUrl: {
    flag: "api-url",
    env: "TANDEM_API_URL",
    type: z.string().url().default("http://127.0.0.1:4000"),
    help: "URL of a running hub's API",
  },
  token: {
    flag: "token",
    env: "TANDEM_TOKEN",
    type: z.string().optional(),
    help: "API token for --api-url",
  },
  maxBodyBytes: {
    flag: "max-body-bytes",
    env: "TANDEM_MAX_BODY_BYTES",
    type: z.coerce.number().int().min(1024).max(1_073_741_824).default(1_048_576),
    help: "largest request body the API and the webhooks read, in bytes (larger: 413)",
  },
  maxFileBytes: {
    flag: "max-file-bytes",
    env: "TANDEM_MAX_FILE_BYTES",
    type: z.coerce.number().int().min(1024).max(17_179_869_184).default(536_870_912),
    help: "I3: largest customer file imported, in bytes (larger: refused, never read whole)",
  },
  fileFormat: {
    flag: "format",
    env: "TANDEM_FILE_FORMAT",
    type: z.enum(["csv", "xlsx"]).default("csv"),
    help: "I4: the format of an exported customer file (csv or xlsx)",
  },
  out: {
    flag: "out",
    env: "TANDEM_OUT",
    type: z.string().optional(),
    help: "file to write (export: default stdout; --template: a folder, default the current one)",
  },
  importTo: {
    flag: "to",
    env: "TANDEM_IMPORT_TO",
    type: z.enum(["hub"]).optional(),
    help: "I3: 'hub' imports the file's rows as new hub customers",
  },
  template: {
    flag: "template",
    env: "TANDEM_TEMPLATE",
    boolean: true,
    type: z
      .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
      .default(false)
      .transform((v) => v === true || v === "true" || v === "1"),
    help: "I3: write the customer file templates (CSV and XLSX) instead of importing",
  },
  logLevel: {
    flag: "log-level",
    env: "TANDEM_LOG_LEVEL",
    type: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    help: "log level (JSON logs go to stderr)",
  },
  json: {
    flag: "json",
    env: "TANDEM_JSON",
    boolean: true,
    type: z
      .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
      .default(false)
      .transform((v) => v === true || v === "true" || v === "1"),
    help: "print JSON for programs instead of tables for people",
  },
  integration: {
    flag: "integration",
    env: "TANDEM_INTEGRATION",
    type: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, "must be an integration id, a plain decimal integer like 1")
      .transform(Number)
      .optional(),
    help: "the integration (its id; GET /v1/integrations lists them)",
  },
  format: {
    flag: "format",
    env: "TANDEM_FORMAT",
    type: z.enum(["table", "json", "csv"]).optional(),
    help: "print a table for people, or json or csv for programs (default: table)",
  },
  // The options below have no environment variable on purpose: each run chooses them, and one
  // left in a shell's environment must not turn the next command into a bulk link or a lift.
  fromFile: {
    flag: "from-file",
    type: z.string().min(1).optional(),
    help: "a CSV file of pairs, as `partners suggest --format csv` writes it",
  },
  allAbove: {
    flag: "all-above",
    type: z
      .string()
      .regex(/^(0(\.[0-9]+)?|1(\.0+)?|\.[0-9]+)$/, "must be a score from 0 to 1, like 0.95")
      .transform(Number)
      .optional(),
    help: "every suggestion scoring at least this (0 to 1)",
  },
  store: {
    flag: "store",
    type: z.coerce.number().int().positive().optional(),
    help: "the store (its id, as `tandem stores list` shows) a new user is made in, when there are several",
  },
  role: {
    flag: "role",
    type: z.enum(["admin", "manager", "associate"]).optional(),
    help: "the role of a user the invitation creates: admin, manager or associate (default)",
  },
  name: {
    flag: "name",
    type: z.string().trim().min(1).max(200).optional(),
    help: "the name of a user the invitation creates (default: the email's part before @)",
  },
  to: {
    flag: "to",
    type: z.string().min(1).optional(),
    help: "who gets the customers: a user's id, their email, me, or unassigned",
  },
  bySpend: {
    flag: "by-spend",
    boolean: true,
    type: z.boolean().default(false),
    help: "assign Unassigned customers by largest spend in an integration (A4), again",
  },
  lift: {
    flag: "lift",
    boolean: true,
    type: z.boolean().default(false),
    help: "lift the exclusion instead of setting it",
  },
  all: {
    flag: "all",
    boolean: true,
    type: z.boolean().default(false),
    help: "every customer of the side that has no partner (a run, S6)",
  },
  side: {
    flag: "side",
    type: z.enum(["hub", "external"]).optional(),
    help: "hub: the hub's customers get partners there; external: the other system's become hub customers",
  },
  number: {
    flag: "number",
    type: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, "must be keep, next or a customer number")
      .optional(),
    help: "keep (the customer's own number, the default), next (the next free one), or a number",
  },
  list: {
    flag: "list",
    type: z.enum(["created", "linked", "conflicts", "refused", "excluded"]).optional(),
    help: "print the customers behind one of the plan's numbers",
  },
} as const;

export type OptionName = keyof typeof optionTable;
export type Options<K extends OptionName> = { [P in K]: z.output<(typeof optionTable)[P]["type"]> };

export class UsageError extends Error {}

/** Parses argv and the environment for the named options; throws UsageError with what and where. */
export function readOptions<K extends OptionName>(
  names: readonly K[],
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Options<K> & { help: boolean; positionals: string[] } {
  const parsed = parseArgs({
    args: [...argv],
    options: {
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(
        names.map((n) => [
          optionTable[n].flag,
          { type: "boolean" in optionTable[n] ? ("boolean" as const) : ("string" as const) },
        ]),
      ),
    },
    allowPositionals: true,
    strict: true,
  });
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const option = optionTable[name];
    const variable = "env" in option ? option.env : undefined;
    const raw =
      (parsed.values as Record<string, string | boolean | undefined>)[option.flag] ??
      (variable === undefined ? undefined : env[variable]);
    const result = (option.type as z.ZodType).safeParse(raw === "" ? undefined : raw);
    if (!result.success)
      throw new UsageError(
        `--${option.flag}${variable === undefined ? "" : ` (or ${variable})`}: ${result.error.issues[0]?.message ?? "invalid"} (got '${raw}')`,
      );
    values[name] = result.data;
  }
  return {
    ...(values as Options<K>),
    help: parsed.values.help === true,
    positionals: parsed.positionals,
  };
}

export function helpText(command: string, summary: string, names: readonly OptionName[]): string {
  const rows = names.map((n) => {
    const o = optionTable[n];
    const def = (o.type as z.ZodType).safeParse(undefined);
    const shown = def.success && def.data !== undefined ? ` (default: ${String(def.data)})` : "";
    const variable = "env" in o ? o.env : "";
    return `  --${o.flag.padEnd(16)} ${variable.padEnd(22)} ${o.help}${shown}`;
  });
  return [
    `Usage: tandem ${command} [options]`,
    "",
    summary,
    "",
    "Options (flag, environment variable):",
    ...rows,
    "  -h, --help".padEnd(42) + " show this help",
    "",
  ].join("\n");
}
