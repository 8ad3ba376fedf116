import { randomBytes } from "node:crypto";
import { systemClock } from "../src/domain/clock.ts";
import { silentLogger } from "../src/log.ts";
import { createConnectorResolver } from "../src/services/connector-resolver.ts";
import type { ServiceContext } from "../src/services/service-context.ts";
import { bootstrapHub } from "../src/services/users.ts";
import type { Db } from "../src/store/database.ts";
import { migrate } from "../src/store/migrate.ts";

/** A migrated hub with a store and its admin on `db`, for the benchmarks. */
export async function benchHub(db: Db) {
  await migrate(db);
  const secretKey = randomBytes(32);
  const ctx: ServiceContext = {
    db,
    clock: systemClock,
    secretKey,
    resolveConnector: createConnectorResolver(db, secretKey),
    log: silentLogger,
    publicUrl: "http://127.0.0.1:1",
  };
  const boot = await bootstrapHub(ctx, { storeName: "Bench", adminEmail: "bench@example.com" });
  return { ctx, actor: { userId: boot.admin.id, storeId: boot.storeId, role: "admin" as const } };
}
