import { helpText, readOptions, UsageError, type OptionName } from "../config.ts";
import type { Actor } from "../services/service-context.ts";
import { ServiceError } from "../services/service-error.ts";
import { inviteUser } from "../services/sign-in.ts";
import {
  activateUser,
  createUser,
  deactivateUser,
  issueToken,
  listStoreUsers,
  revokeToken,
  userByEmail,
  type UserContext,
} from "../services/users.ts";
import type { Command } from "./command.ts";
import { onOwnStore } from "./on-own-store.ts";
import { listStores } from "../store/stores-table.ts";
import type { Role, UserRecord } from "../store/users-table.ts";

const names = [
  "databaseUrl",
  "dataDir",
  "role",
  "name",
  "store",
] as const satisfies readonly OptionName[];

const help = helpText(
  "users <list|invite|token|revoke|deactivate|activate> [email]",
  [
    "Manages the hub's users on its own store, directly (not through the API), so a lost admin",
    "token can be recovered. On the embedded store, stop the hub first: one process owns it.",
    "  tandem users list                       every user, active or not, and when their token was issued",
    "  tandem users invite sam@example.com --role manager --name 'Sam Lee'",
    "                                          an invitation to sign in and set a password (shown once,",
    "                                          7 days); makes the user first when new (default role associate;",
    "                                          with several stores, --store <id> says whose)",
    "  tandem users token admin@example.com    issues a new API token (the old one stops working)",
    "  tandem users revoke sam@example.com     revokes the user's token",
    "  tandem users deactivate sam@example.com the token stops working; data and history stay",
    "  tandem users activate sam@example.com   lets a deactivated user back in (then issue a token)",
    "The store's last active admin can't be deactivated.",
  ].join("\n"),
  names,
);

const table = (users: UserRecord[]) =>
  [
    ["store", "id", "email", "name", "role", "active", "token issued"],
    ...users.map((u) => [
      String(u.storeId),
      String(u.id),
      u.email,
      u.name,
      u.role,
      u.active ? "yes" : "no",
      u.tokenIssuedAt?.toISOString() ?? "-",
    ]),
  ]
    .map((row, _, rows) =>
      row
        .map((cell, i) => cell.padEnd(Math.max(...rows.map((r) => r[i]!.length))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n") + "\n";

interface NewUser {
  role?: Role | undefined;
  name?: string | undefined;
  store?: number | undefined;
}

async function run(
  ctx: UserContext,
  action: string,
  email: string | undefined,
  newUser: NewUser,
): Promise<string> {
  if (action === "list") {
    const stores = await listStores(ctx.db);
    if (stores.length === 0) return noStore;
    const users: UserRecord[] = [];
    for (const store of stores)
      users.push(
        ...(await listStoreUsers(ctx, { userId: null, storeId: store.id, role: "admin" })),
      );
    return table(users);
  }
  if (!["invite", "token", "revoke", "deactivate", "activate"].includes(action))
    throw new UsageError(
      `unknown action '${action}': use list, invite, token, revoke, deactivate or activate`,
    );
  if (!email) throw new UsageError(`users ${action}: give the user's email`);
  if (action !== "invite" && (newUser.role || newUser.name || newUser.store))
    throw new UsageError(`users ${action}: --role, --name and --store are for invite (a new user)`);
  if (action === "invite") return invite(ctx, email, newUser);
  const user = await userByEmail(ctx, email);
  // The CLI acts as the system on the user's own store: whoever can open the store is trusted.
  const system: Actor = { userId: null, storeId: user.storeId, role: "admin" };
  switch (action) {
    case "token": {
      const { token } = await issueToken(ctx, system, user.id);
      return `New API token for ${user.email} (shown once; the old one no longer works):\n${token}\n`;
    }
    case "revoke":
      await revokeToken(ctx, system, user.id);
      return `${user.email}: token revoked; \`tandem users token ${user.email}\` issues a new one\n`;
    case "deactivate":
      await deactivateUser(ctx, system, user.id);
      return `${user.email}: deactivated; their token no longer works\n`;
    default:
      await activateUser(ctx, system, user.id);
      return `${user.email}: active; \`tandem users token ${user.email}\` issues their token\n`;
  }
}

const noStore = "no users yet: `tandem serve` creates the store and its admin on first start\n";

/**
 * An invitation for the user with this email, made first (with the role and name given) when the
 * store has none: the CLI's way in for a store owner whose admin has no console yet.
 */
async function invite(ctx: UserContext, email: string, newUser: NewUser): Promise<string> {
  const stores = await listStores(ctx.db);
  if (stores.length === 0) return noStore;
  const store =
    newUser.store === undefined ? stores[0]! : stores.find((s) => s.id === newUser.store);
  if (!store)
    throw new UsageError(
      `users invite: --store ${newUser.store}: no such store (tandem stores list)`,
    );
  let system: Actor = { userId: null, storeId: store.id, role: "admin" };
  const existing = await userByEmail(ctx, email).catch((error: unknown) => {
    if (error instanceof ServiceError && error.code === "not_found") return undefined;
    throw error;
  });
  let made = "";
  let userId: number;
  if (existing) {
    if (newUser.role || newUser.name || newUser.store)
      throw new UsageError(
        `users invite: ${existing.email} exists already (a ${existing.role}); --role, --name and --store are for a new user (change a role with PATCH /v1/users/{id})`,
      );
    system = { ...system, storeId: existing.storeId };
    userId = existing.id;
  } else {
    if (stores.length > 1 && newUser.store === undefined)
      throw new UsageError(
        `users invite: this Tandem has ${stores.length} stores: say which the new user is in with --store <id> (tandem stores list)`,
      );
    const { user } = await createUser(ctx, system, {
      email,
      name: newUser.name ?? email.split("@")[0],
      role: newUser.role ?? "associate",
    });
    made = `Made ${user.email}, a${user.role === "associate" ? "n" : ""} ${user.role} (user ${user.id}).\n`;
    userId = user.id;
  }
  const { user, invitation } = await inviteUser(ctx, system, userId);
  return (
    made +
    `Invitation for ${user.email} (shown once; valid until ${invitation.expiresAt.toISOString()}):\n` +
    `${invitation.token}\n` +
    "They set their password with it in the console, or with POST /auth/invitations/acceptance " +
    '{"token": "...", "password": "..."}; a newer invitation replaces this one.\n'
  );
}

async function runUsers(argv: string[]): Promise<void> {
  const o = readOptions(names, argv);
  const [action, email, ...extra] = o.positionals;
  if (o.help || !action) return void process.stdout.write(help);
  if (extra.length > 0) throw new UsageError(`users ${action}: unexpected '${extra.join(" ")}'`);
  await onOwnStore("users", o, async (ctx) => {
    process.stdout.write(
      await run(ctx, action, email, { role: o.role, name: o.name, store: o.store }),
    );
  });
}

export const usersCommand: Command = {
  name: "users",
  summary: "list users, issue or revoke a token, deactivate (on the store directly)",
  help,
  run: runUsers,
};
