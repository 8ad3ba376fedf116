import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { api, ok } from "../api/client";
import type { components } from "../api/hub-api";
import { useSession } from "../app/session";
import { ErrorText } from "../ui/ErrorText";
import { ScrollBox } from "../ui/ScrollBox";
import { useIntegrationNames } from "../ui/store-integrations";

const sideWords = {
  hub: "Tandem's customers",
  external: "the other system's customers",
  file: "a file",
};

/**
 * Long operations and what failed: partner runs (bulk partners, transfer all, imports) with live
 * progress bars and counts (refreshed by the live stream), writes that gave up, sales held back
 * (T2) and events that failed, each with its reason and a retry.
 */
export function ActivityScreen() {
  const session = useSession();
  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">Activity</h1>
      <PartnerRuns />
      {session.can("listJobs") && <DeadJobs />}
      {session.can("listFailedEvents") && <FailedEvents />}
    </section>
  );
}

function PartnerRuns() {
  const integrations = useIntegrationNames();
  const runs = useQuery({
    queryKey: ["partner-runs"],
    queryFn: () => ok(api.GET("/v1/partner-runs")).then((r) => r.runs),
    // while a run is under way the bar moves even between live events
    refetchInterval: (query) => (query.state.data?.some((r) => !r.finished) ? 2000 : false),
  });
  const list = runs.data ?? [];
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      <ErrorText error={runs.error} />
      {runs.data && list.length === 0 && <p className="empty">No runs yet.</p>}
      <ul className="plain-list">
        {list.map((run) => {
          const { done, failed, waiting, retrying } = run.progress;
          const where = integrations.find((i) => i.id === run.integrationId)?.name ?? "the hub";
          const label = `Run ${run.id}: partners for ${sideWords[run.side]} in ${where}`;
          return (
            <li key={run.id} id={`run-${run.id}`}>
              <strong>{label}</strong>
              <div>
                <progress
                  max={Math.max(run.total, 1)}
                  value={done + failed}
                  aria-label={`${label}: progress`}
                />{" "}
                {done + failed} of {run.total}
                {run.finished ? " · finished" : " · under way"}
              </div>
              <p className="muted">
                {done} done, {failed} failed, {waiting} waiting, {retrying} being retried · started{" "}
                {new Date(run.createdAt).toLocaleString()}
              </p>
              {run.failures.length > 0 && (
                <ul className="error">
                  {run.failures.slice(0, 20).map((f, n) => (
                    <li key={n}>
                      {f.clientId ? `Customer ${f.clientId}` : `Their customer ${f.externalId}`}:{" "}
                      {f.reason}
                      {f.final ? "" : " (tried again)"}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What failed, one row each with its reason and a retry: the hub's answer to the retry (or its
 * refusal) refreshes everything on screen.
 */
function RetryTable<Row extends { id: number }>(props: {
  title: string;
  empty: string;
  rows: Row[] | undefined;
  error: unknown;
  columns: Array<{ name: string; cell: (row: Row) => ReactNode }>;
  what: string;
  /** retries one, and says in words what came of it */
  retry: (id: number) => Promise<string>;
}) {
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<string | undefined>();
  const retry = useMutation({
    mutationFn: props.retry,
    onSuccess: (words) => {
      setOutcome(words);
      void queries.invalidateQueries();
    },
  });
  const id = props.title.toLowerCase().replaceAll(/\W+/g, "-");
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <ErrorText error={props.error ?? retry.error} />
      {outcome && <p role="status">{outcome}</p>}
      {props.rows && props.rows.length === 0 && <p className="empty">{props.empty}</p>}
      {props.rows && props.rows.length > 0 && (
        <ScrollBox label={props.title}>
          <table>
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th scope="col" key={c.name}>
                    {c.name}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Retry</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id}>
                  {props.columns.map((c) => (
                    <td key={c.name}>{c.cell(row)}</td>
                  ))}
                  <td>
                    <button
                      type="button"
                      onClick={() => retry.mutate(row.id)}
                      disabled={retry.isPending}
                      aria-label={`Retry ${props.what} ${row.id}`}
                    >
                      Retry
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

/**
 * What retrying a change did, from the hub's answer (the change as it is now, processed at once):
 * through, or failed again with the reason, so a retry that changed nothing says so.
 */
function retriedWords(what: string, now: FailedEvent): string {
  if (now.state === "processed") return `The ${what} ${now.id} went through.`;
  if (now.state === "parked")
    return `The ${what} ${now.id} was tried again and failed again: ${now.lastError ?? "no reason given"}. Fix the cause, then retry.`;
  return `The ${what} ${now.id} failed again and will be tried again later: ${now.lastError ?? "no reason given"}.`;
}

function DeadJobs() {
  const jobs = useQuery({
    queryKey: ["jobs", "dead"],
    queryFn: () =>
      ok(api.GET("/v1/jobs", { params: { query: { state: "dead" } } })).then((r) => r.jobs),
  });
  return (
    <RetryTable
      title="Writes that gave up"
      empty="None: every write went through."
      rows={jobs.data}
      error={jobs.error}
      what="job"
      retry={(id) =>
        // the hub answers with the customer; the write is queued again
        ok(api.POST("/v1/jobs/{id}/retry", { params: { path: { id } } })).then(
          () => `The write ${id} is queued again; it goes out in a moment.`,
        )
      }
      columns={[
        { name: "Write", cell: (j) => `${j.kind} (job ${j.id})` },
        { name: "Tries", cell: (j) => j.attempts },
        { name: "Why", cell: (j) => j.lastError ?? "—" },
        { name: "When", cell: (j) => new Date(j.updatedAt).toLocaleString() },
      ]}
    />
  );
}

type FailedEvent = components["schemas"]["ChangeEvent"];
const isSale = (e: FailedEvent) => e.kind.startsWith("sale.");

/**
 * Inbound changes that failed, with their reason and a retry; T2: sales held back by a check (no
 * lines, totals that do not add up, a bad currency or date) are listed on their own, with the
 * customer they are for.
 */
function FailedEvents() {
  const events = useQuery({
    queryKey: ["events", "failed"],
    queryFn: () =>
      ok(api.GET("/v1/events/failed", { params: { query: { limit: 500 } } })).then((r) => r.events),
  });
  const retry = (what: string) => (id: number) =>
    ok(api.POST("/v1/events/{id}/retry", { params: { path: { id } } })).then((now) =>
      retriedWords(what, now),
    );
  const state = (stopped: string) => ({
    name: "State",
    cell: (e: FailedEvent) =>
      `${e.state === "parked" ? stopped : "Will be tried again"} (${e.attempts} tries)`,
  });
  const why = { name: "Why", cell: (e: FailedEvent) => e.lastError ?? "—" };
  return (
    <>
      <RetryTable
        title="Sales held back"
        empty="None: every sale passed its checks."
        rows={events.data?.filter(isSale)}
        error={events.error}
        what="sale"
        retry={retry("sale")}
        columns={[
          { name: "Sale", cell: (e) => e.externalId ?? `event ${e.id}` },
          {
            name: "Customer",
            cell: (e) =>
              e.customerId ? <Link to={`/customers/${e.customerId}`}>Open customer</Link> : "—",
          },
          why,
          state("Held until retried"),
          { name: "Received", cell: (e) => new Date(e.receivedAt).toLocaleString() },
        ]}
      />
      <RetryTable
        title="Changes that could not be taken in"
        empty="None."
        rows={events.data?.filter((e) => !isSale(e))}
        error={events.error}
        what="change"
        retry={retry("change")}
        columns={[
          { name: "Change", cell: (e) => `${e.kind}${e.externalId ? ` of ${e.externalId}` : ""}` },
          state("Gave up"),
          why,
        ]}
      />
    </>
  );
}
