import type { Queryable } from "./database.ts";

/**
 * S6/S10: bulk runs of partner creation (0015_customer_numbers.sql). A run is its hub changes,
 * one per customer, recorded in the inbox with the run's id; its progress is read from them, so
 * it is as durable and exactly-once as the inbox itself.
 */
export interface PartnerRunRecord {
  id: number;
  storeId: number;
  /** null for a file loaded into the hub */
  integrationId: number | null;
  /** hub, external: S6's sides; file: a customer file loaded into the hub (I3) */
  side: RunSide;
  numberChoice: "keep" | "next";
  total: number;
  createdBy: number | null;
  createdAt: Date;
}

export type RunSide = "hub" | "external" | "file";

export interface RunProgress {
  /** changes done: the partner created or requested, or the customer paired by email */
  done: number;
  /** changes refused (with their reason) or failed after their last attempt */
  failed: number;
  /** changes not yet done; `retrying` of them failed at least once and wait for their next try */
  waiting: number;
  retrying: number;
}

interface RunRow {
  id: number;
  store_id: number;
  integration_id: number | null;
  side: RunSide;
  number_choice: "keep" | "next";
  total: number;
  created_by: number | null;
  created_at: Date;
}

const fromRow = (r: RunRow): PartnerRunRecord => ({
  id: r.id,
  storeId: r.store_id,
  integrationId: r.integration_id,
  side: r.side,
  numberChoice: r.number_choice,
  total: r.total,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function insertPartnerRun(
  q: Queryable,
  run: Omit<PartnerRunRecord, "id" | "total">,
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into partner_runs (store_id, integration_id, side, number_choice, total, created_by, created_at)
     values ($1, $2, $3, $4, 0, $5, $6) returning id`,
    [run.storeId, run.integrationId, run.side, run.numberChoice, run.createdBy, run.createdAt],
  );
  return row!.id;
}

export async function setPartnerRunTotal(q: Queryable, id: number, total: number): Promise<void> {
  await q.query("update partner_runs set total = $2 where id = $1", [id, total]);
}

export async function readPartnerRun(
  q: Queryable,
  id: number,
): Promise<PartnerRunRecord | undefined> {
  const [row] = await q.query<RunRow>("select * from partner_runs where id = $1", [id]);
  return row ? fromRow(row) : undefined;
}

/** A store's runs, newest first. */
export async function listPartnerRuns(
  q: Queryable,
  storeId: number,
  limit: number,
): Promise<PartnerRunRecord[]> {
  const rows = await q.query<RunRow>(
    "select * from partner_runs where store_id = $1 order by id desc limit $2",
    [storeId, limit],
  );
  return rows.map(fromRow);
}

const refused = "outcome like 'refused: %'";

/** A run's progress, counted from its changes in the inbox. */
export async function partnerRunProgress(q: Queryable, id: number): Promise<RunProgress> {
  const [row] = await q.query<RunProgress>(
    `select count(*) filter (where processed_at is not null and outcome <> 'failed' and not ${refused})::int as done,
            count(*) filter (where processed_at is not null and (outcome = 'failed' or ${refused}))::int as failed,
            count(*) filter (where processed_at is null)::int as waiting,
            count(*) filter (where processed_at is null and last_error is not null)::int as retrying
     from change_events where run_id = $1`,
    [id],
  );
  return row!;
}

/** A run's failures (refused, failed, or failing and retried), each with its customer and reason. */
export async function partnerRunFailures(
  q: Queryable,
  id: number,
  limit: number,
): Promise<Array<{ payload: unknown; reason: string; final: boolean }>> {
  const rows = await q.query<{ payload: unknown; reason: string; final: boolean }>(
    `select payload,
            case when ${refused} then substr(outcome, 10) else last_error end as reason,
            processed_at is not null as final
     from change_events
     where run_id = $1
       and (${refused} or (last_error is not null and (processed_at is null or outcome = 'failed')))
     order by id limit $2`,
    [id, limit],
  );
  return rows;
}

/** A run of the store's on `side` that still has changes to work off, if any. */
export async function unfinishedRun(
  q: Queryable,
  storeId: number,
  side: RunSide,
): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `select r.id from partner_runs r
     where r.store_id = $1 and r.side = $2
       and exists (select 1 from change_events e where e.run_id = r.id and e.processed_at is null)
     order by r.id desc limit 1`,
    [storeId, side],
  );
  return row?.id;
}
