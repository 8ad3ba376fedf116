import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import { addStore } from "../services/stores.ts";
import { listStores } from "../store/stores-table.ts";
import type { Command } from "./command.ts";
import { onOwnStore } from "./on-own-store.ts";
import { printTable } from "./print-output.ts";

const names = ["databaseUrl", "dataDir"] as const satisfies readonly OptionName[];

const help = helpText(
  "stores <list|add> [name admin-email]",
  [
    "Issue 10: the stores (tenants) of this Tandem, on its database directly. Each store's data is",
    "its own: its users see and change nothing of another's. On the embedded store, stop the hub first.",
    "  tandem stores list                                   every store, with its users and customers",
    "  tandem stores add 'Second Shop' owner@second.example a store and its admin; prints the admin's",
    "                                                       API token once (the admin then sets the",
    "                                                       store's time zone, country and currency:",
    "                                                       PATCH /v1/store)",
  ].join("\n"),
  names,
);

async function runStores(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [action, ...args] = o.positionals;
  if (o.help || !action) return void process.stdout.write(help);
  if (action !== "list" && action !== "add")
    throw new UsageError(`stores: unknown action '${action}': use list or add`);
  if (action === "list" && args.length > 0)
    throw new UsageError(`stores list: unexpected '${args.join(" ")}'`);
  if (action === "add" && args.length !== 2)
    throw new UsageError(
      "stores add: give the store's name and its admin's email, e.g. 'Second Shop' owner@second.example",
    );
  await onOwnStore("stores", o, async (ctx) => {
    if (action === "list") {
      const stores = await listStores(ctx.db);
      printTable(
        ["id", "name", "time zone", "country", "currency", "users", "customers"],
        stores.map((s) => [s.id, s.name, s.timeZone, s.country, s.currency, s.users, s.customers]),
      );
      return;
    }
    const { store, admin, token } = await addStore(ctx, { name: args[0], adminEmail: args[1] });
    process.stdout.write(
      `Store ${store.id}, ${store.name}, with its admin ${admin.email}.\n` +
        `The admin's API token (shown once; \`tandem users token ${admin.email}\` issues a new one):\n${token}\n`,
    );
  });
}

export const storesCommand: Command = {
  name: "stores",
  summary: "list the stores (tenants), add one with its admin (on the database directly)",
  help,
  run: runStores,
};
