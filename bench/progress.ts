// How far an onboarding has got, read from the hub's tables: the inbox filling (capture) and
// draining (engine), jobs (apply), links, purchases and the onboarding assignment (A4): the end
// state W1 waits for.

export interface Progress {
  /** seconds since the integration was enabled */
  t: number;
  customersCaptured: number;
  customersProcessed: number;
  salesCaptured: number;
  salesProcessed: number;
  linked: number;
  purchases: number;
  jobsOpen: number;
  jobsDone: number;
  /** customers with an associate (A4 assigns them once the first sync is in) */
  assigned: number;
  /** integrations whose onboarding assignment has run */
  onboarded: number;
}

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

export async function readProgress(query: Query, t: number): Promise<Progress> {
  const events = await query(
    `select split_part(kind, '.', 1) as kind, count(*)::int as total,
            count(processed_at)::int as processed
     from change_events where source = 'external' group by 1`,
  );
  const [counts] = await query(
    `select (select count(*)::int from links where client_id is not null) as linked,
            (select count(*)::int from purchases) as purchases,
            (select count(*)::int from jobs where state in ('ready', 'running')) as open,
            (select count(*)::int from jobs where state = 'done') as done,
            (select count(*)::int from clients where assigned_user_id is not null) as assigned,
            (select count(*)::int from integrations where assignment_onboarded_at is not null)
              as onboarded`,
  );
  const of = (kind: string, key: "total" | "processed") =>
    Number(events.find((e) => e["kind"] === kind)?.[key] ?? 0);
  return {
    t: Math.round(t * 10) / 10,
    customersCaptured: of("customer", "total"),
    customersProcessed: of("customer", "processed"),
    salesCaptured: of("sale", "total"),
    salesProcessed: of("sale", "processed"),
    linked: Number(counts?.["linked"] ?? 0),
    purchases: Number(counts?.["purchases"] ?? 0),
    jobsOpen: Number(counts?.["open"] ?? 0),
    jobsDone: Number(counts?.["done"] ?? 0),
    assigned: Number(counts?.["assigned"] ?? 0),
    onboarded: Number(counts?.["onboarded"] ?? 0),
  };
}

/**
 * Whether the onboarding may be over, from two index probes: every feed has caught up and the
 * inbox holds nothing unprocessed. The full counts above scan the inbox and the purchases (a
 * million rows at full scale): read every second they took a tenth of the embedded hub's only
 * thread at 40% of W1's scale, and more as the tables grew. So the watchers read them only every
 * `fullEverySeconds` (the timeline) and when this says the work looks done (the finish line).
 */
export async function looksSettled(query: Query): Promise<boolean> {
  const [row] = await query(
    `select (select count(*)::int from poll_cursors where not caught_up) as behind,
            exists (select 1 from change_events where processed_at is null) as pending,
            exists (select 1 from integrations where assignment_onboarded_at is null) as onboarding`,
  );
  return (
    Number(row?.["behind"] ?? 1) === 0 &&
    row?.["pending"] === false &&
    row?.["onboarding"] === false
  );
}

export const fullEverySeconds = 10;
