import type { ConnectorResolver } from "../connectors/kit/connector.ts";
import type { ConnectorRegistry } from "../connectors/registry.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../store/database.ts";
import type { Role } from "../store/users-table.ts";
import { systemActor, userActor, type ActorId } from "../domain/actor-id.ts";

/** What every use case needs; built once per process (cli/open-hub.ts). */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  secretKey: Buffer;
  resolveConnector: ConnectorResolver;
  /** R8.1: the connector kinds this hub knows (default: the shipped ones); the resolver's too */
  connectors?: ConnectorRegistry | undefined;
  log: Logger;
  /** the URL external systems reach this hub at (webhook registration) */
  publicUrl: string;
}

/** Who is acting: a signed-in user, or the system itself (demo seeding, CLI maintenance). */
export interface Actor {
  userId: number | null;
  storeId: number;
  role: Role;
}

export const actorLabel = (actor: Actor): ActorId =>
  actor.userId === null ? systemActor : userActor(actor.userId);
