import type { Clock } from "../domain/clock.ts";
import type { ConnectorResolver } from "../connectors/kit/connector.ts";
import type { Db } from "../store/database.ts";

/** What the apply stage runs jobs with. */
export interface ApplyOptions {
  db: Db;
  clock: Clock;
  workerId: string;
  resolveConnector: ConnectorResolver;
  /** how long a claimed job is this worker's without a heartbeat (renew-job-leases.ts) */
  leaseSeconds: number;
}

/** The jobs the apply stage runs: writes to the partners. */
export const outboundKinds = ["partner.create", "external.update", "activity.add"] as const;
