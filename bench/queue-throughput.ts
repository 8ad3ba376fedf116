// Queue: jobs claimed and completed per second through src/queue (bench/queue-workload.ts's
// queueThroughput), one job per claim and completion ("single") and 100 ("batched"), each on a
// fresh database, on PostgreSQL and on the embedded store.
import { openDatabase } from "../src/store/database.ts";
import { migrate } from "../src/store/migrate.ts";
import { scratchDatabase } from "./hub.ts";
import { queueThroughput } from "./queue-workload.ts";

export interface QueueOptions {
  store: "postgres" | "embedded";
  adminUrl: string;
  jobs: number;
  batch: number;
  log: (line: string) => void;
}

async function measure(o: QueueOptions, batch: number): Promise<number> {
  const database = o.store === "postgres" ? await scratchDatabase(o.adminUrl, "queue") : undefined;
  const db = await openDatabase(database ? { url: database.url } : {});
  try {
    await migrate(db);
    return Math.round(await queueThroughput(db, { jobs: o.jobs, batch }));
  } finally {
    await db.close();
    await database?.drop();
  }
}

export async function runQueue(o: QueueOptions) {
  o.log(`Queue ${o.store}: ${o.jobs} jobs, single and batched (${o.batch})`);
  return {
    id: "Queue" as const,
    store: o.store,
    jobs: o.jobs,
    batch: o.batch,
    singleJobsPerSecond: await measure(o, 1),
    batchedJobsPerSecond: await measure(o, o.batch),
    method: "bench/queue-workload.ts queueThroughput: claimJobs + completeJobs, a statement each",
  };
}
