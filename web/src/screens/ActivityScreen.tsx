import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ok } from "../api/client";
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
 * progress bars and counts (refreshed by the live stream), writes that gave up and events that
 * failed, each with its reason and a retry.
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

function DeadJobs() {
  const queries = useQueryClient();
  const jobs = useQuery({
    queryKey: ["jobs", "dead"],
    queryFn: () =>
      ok(api.GET("/v1/jobs", { params: { query: { state: "dead" } } })).then((r) => r.jobs),
  });
  const retry = useMutation({
    mutationFn: (id: number) => ok(api.POST("/v1/jobs/{id}/retry", { params: { path: { id } } })),
    onSuccess: () => void queries.invalidateQueries(),
  });
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">Writes that gave up</h2>
      <ErrorText error={jobs.error ?? retry.error} />
      {jobs.data && jobs.data.length === 0 && (
        <p className="empty">None: every write went through.</p>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <ScrollBox label="Writes that gave up">
          <table>
            <thead>
              <tr>
                <th scope="col">Write</th>
                <th scope="col">Tries</th>
                <th scope="col">Why</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Retry</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((j) => (
                <tr key={j.id}>
                  <td>
                    {j.kind} (job {j.id})
                  </td>
                  <td>{j.attempts}</td>
                  <td>{j.lastError ?? "—"}</td>
                  <td>{new Date(j.updatedAt).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => retry.mutate(j.id)}
                      disabled={retry.isPending}
                      aria-label={`Retry job ${j.id}`}
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

function FailedEvents() {
  const queries = useQueryClient();
  const events = useQuery({
    queryKey: ["events", "failed"],
    queryFn: () =>
      ok(api.GET("/v1/events/failed", { params: { query: {} } })).then((r) => r.events),
  });
  const retry = useMutation({
    mutationFn: (id: number) => ok(api.POST("/v1/events/{id}/retry", { params: { path: { id } } })),
    onSuccess: () => void queries.invalidateQueries(),
  });
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">Changes that could not be taken in</h2>
      <ErrorText error={events.error ?? retry.error} />
      {events.data && events.data.length === 0 && <p className="empty">None.</p>}
      {events.data && events.data.length > 0 && (
        <ScrollBox label="Changes that could not be taken in">
          <table>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">State</th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Retry</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.kind}
                    {e.externalId ? ` of ${e.externalId}` : ""}
                  </td>
                  <td>
                    {e.state === "parked" ? "Gave up" : "Will be tried again"} ({e.attempts} tries)
                  </td>
                  <td>{e.lastError ?? "—"}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => retry.mutate(e.id)}
                      disabled={retry.isPending}
                      aria-label={`Retry change ${e.id}`}
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
